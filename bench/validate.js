#!/usr/bin/env node
// bench/validate: validation throughput over a generated NDJSON stream of realistic SDK events
// (0.5-1.5 KB, ~50 event names, nested context, ~5% violating), all measured in this one run:
//   (a) floor: read the file, cut lines, JSON.parse each, nothing else
//   (b) trackplan: validateNdjson, the engine of `trackplan validate --format json`, one thread
//   (r) reference: rudder-transformer-style ajv (whole-event schema, allErrors, verbose, full formats)
//   (c) naive: a new ajv and a schema compile per event (on a sample: it is that slow)
//   (w) trackplan on N threads (this one and N - 1 worker threads)
// then, over a ~1 GB file, `trackplan validate` as a process and the runtime alone (as an app
// embeds it), 1 and N threads: wall time and peak RSS.
//   (b0) before: (b) built from `--before <git-ref>` (default: where this branch left main), so the
//        cost of a change (the hardening: duplicate-key and depth checks, bounded records, the
//        linear-time pattern engine) is measured in the same run: (b)/(b0), target >= 0.95
//   (s0)/(s) the same per line, in 1,000-line slices (least of many: steadier on a busy machine),
//        and (k) the duplicate-key/depth/number check alone, with its share of (s0)
// Needs `npm run build` first (it imports dist/). Usage:
//   node bench/validate.js [--events 200000] [--runs 3] [--workers 2] [--big-mb 1024] [--naive 1000] [--before REF]
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { loadPlan } from '../dist/sources/load-plan.js';
import { compileRuntimePlan } from '../dist/core/compiled-plan.js';
import { validateNdjson, validateNdjsonWith } from '../dist/runtime/ndjson-run.js';
import { LineScanner } from '../dist/runtime/line-scanner.js';
import { visitLines } from '../dist/runtime/ndjson-lines.js';
import { openNdjsonInput } from '../dist/runtime/ndjson-input.js';
import { createValidator } from '../dist/runtime/validator.js';
import { countTextKeys, inspectJson, measureValue } from '../dist/runtime/json-inspect.js';
import { NdjsonBatch } from '../dist/runtime/ndjson-batch.js';
import { checkPatternSafety } from '../dist/app/safe-patterns.js';
import { pathToFileURL } from 'node:url';
import { baseDist, beforeRef } from './base-dist.js';

const addFormats = addFormatsModule.default ?? addFormatsModule;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const before = await baseDist(beforeRef());
const beforeRun = await import(pathToFileURL(path.join(before.dir, 'dist/runtime/ndjson-run.js')).href);
const beforeValidator = await import(pathToFileURL(path.join(before.dir, 'dist/runtime/validator.js')).href);
const beforeBatch = await import(pathToFileURL(path.join(before.dir, 'dist/runtime/ndjson-batch.js')).href);
const EVENTS = arg('events', 200_000);
const RUNS = arg('runs', 3);
const WORKERS = arg('workers', 2);
const BIG_MB = arg('big-mb', 1024);
const NAIVE = arg('naive', 1000);
const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'bench/.data/validate');
const planDir = path.join(dir, 'plan');
const eventsFile = path.join(dir, 'events.ndjson');
const bigFile = path.join(dir, 'big.ndjson');

// ---------------------------------------------------------------- plan and events
const NOUNS = ['Product', 'Order', 'Cart', 'Checkout', 'Account', 'Form', 'Video', 'Search', 'Coupon', 'Promotion'];
const VERBS = ['Viewed', 'Clicked', 'Completed', 'Started', 'Updated'];
const NAMES = NOUNS.flatMap((noun) => VERBS.map((verb) => `${noun} ${verb}`));
const PROPS = {
  sku: '{ type: string, pattern: "^[A-Z]{3}-[0-9]{3,6}$", required: true }',
  price: '{ type: number, minimum: 0, required: true }',
  quantity: '{ type: integer, minimum: 1, maximum: 1000 }',
  currency: '{ type: string, enum: [USD, EUR, GBP, JPY] }',
  category: '{ type: string, maxLength: 64 }',
  email: '{ type: string, format: email }',
  url: '{ type: string, format: uri }',
  created_at: '{ type: string, format: date-time }',
  coupon: '{ type: string, nullable: true }',
  position: '{ type: integer, minimum: 0 }',
  in_stock: '{ type: boolean }',
  items: '{ type: array, items: { type: object, properties: { sku: { type: string, required: true }, price: { type: number, required: true } } } }',
  shipping: '{ type: object, properties: { method: { type: string, enum: [standard, express], required: true }, cost: number } }',
};
const KEYS = Object.keys(PROPS);
const propsOf = (index) => KEYS.filter((key, k) => k < 2 || (k + index) % 3 !== 0);

async function generatePlan() {
  await rm(planDir, { recursive: true, force: true });
  await mkdir(planDir, { recursive: true });
  await writeFile(path.join(planDir, 'plan.yaml'), 'trackplan: 1\nid: bench\nname: Bench\nversion: 1.0.0\n');
  const lines = ['events:'];
  NAMES.forEach((name, i) => {
    lines.push(`  ${name}:`, `    description: ${name}.`, '    properties:');
    for (const key of propsOf(i)) lines.push(`      ${key}: ${PROPS[key]}`);
  });
  lines.push('identify:', '  traits:', '    email: { type: string, format: email, required: true }', '    name: string', '    plan: { type: string, enum: [free, pro] }');
  lines.push('page:', '  properties:', '    path: { type: string, required: true }', '    url: { type: string, format: uri }', '    referrer: string', '    title: string', '    search: string');
  await writeFile(path.join(planDir, 'events.yaml'), `${lines.join('\n')}\n`);
}

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];
const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
];
const WORDS = ['warehouse', 'native', 'customer', 'data', 'platform', 'pipeline', 'events', 'identity', 'stack', 'reverse', 'etl', 'profiles'];
const text = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

function value(key) {
  switch (key) {
    case 'sku': return `${pick(['ABC', 'XYZ', 'QRS'])}-${100 + Math.floor(random() * 99_000)}`;
    case 'price': return Math.round(random() * 50_000) / 100;
    case 'quantity': return 1 + Math.floor(random() * 5);
    case 'currency': return pick(['USD', 'EUR', 'GBP']);
    case 'category': return text(2);
    case 'email': return `${pick(WORDS)}.${hex(4)}@example.com`;
    case 'url': return `https://shop.example.com/${pick(WORDS)}/${hex(6)}?ref=${pick(WORDS)}`;
    case 'created_at': return new Date(1_715_000_000_000 + Math.floor(random() * 1e10)).toISOString();
    case 'coupon': return random() < 0.5 ? null : `SAVE${Math.floor(random() * 50)}`;
    case 'position': return Math.floor(random() * 40);
    case 'in_stock': return random() < 0.8;
    case 'items': return Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ sku: value('sku'), price: value('price') }));
    case 'shipping': return { method: pick(['standard', 'express']), cost: value('price') };
    default: return null;
  }
}

function context(pathName) {
  const pageUrl = `https://shop.example.com${pathName}`;
  return {
    app: { name: 'shop-web', version: '4.12.0', build: hex(7) },
    library: { name: 'RudderLabs JavaScript SDK', version: '3.7.6' },
    campaign: random() < 0.3 ? { name: text(2), source: pick(['google', 'newsletter', 'twitter']), medium: pick(['cpc', 'email', 'social']) } : {},
    page: { path: pathName, referrer: `https://www.${pick(['google', 'bing', 'duckduckgo'])}.com/`, search: '', title: text(4), url: pageUrl, tab_url: pageUrl },
    userAgent: pick(AGENTS),
    locale: pick(['en-US', 'de-DE', 'fr-FR']),
    os: { name: '', version: '' },
    screen: { width: 1440, height: 900, density: 2, innerWidth: 1440, innerHeight: 789 },
    timezone: pick(['GMT+01:00', 'GMT-05:00']),
    ip: `10.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`,
    traits: random() < 0.3 ? { plan: 'pro' } : {},
    sessionId: Math.floor(random() * 1e12),
  };
}

function event(i) {
  const violating = random() < 0.05;
  const at = new Date(1_715_000_000_000 + i * 1000).toISOString();
  const common = { anonymousId: uuid(), userId: random() < 0.5 ? `user_${hex(10)}` : undefined, messageId: uuid(), channel: 'web', originalTimestamp: at, sentAt: at, integrations: { All: true } };
  const pathName = `/${pick(WORDS)}/${hex(6)}`;
  const kind = random();
  if (kind < 0.1) {
    return { type: 'page', name: text(1), properties: { path: pathName, url: `https://shop.example.com${pathName}`, referrer: '', title: text(3), ...(violating ? { path: 42 } : {}) }, context: context(pathName), ...common };
  }
  if (kind < 0.15) {
    return { type: 'identify', traits: { email: violating ? 'not-an-email' : value('email'), name: text(2), plan: 'pro' }, context: context(pathName), ...common };
  }
  const index = Math.floor(random() * NAMES.length);
  const properties = Object.fromEntries(propsOf(index).map((key) => [key, value(key)]));
  let name = NAMES[index];
  if (violating) {
    switch (Math.floor(random() * 6)) {
      case 0: delete properties.sku; break;
      case 1: properties.price = String(properties.price); break;
      case 2: properties.currency = 'BTC'; properties.quantity = 0; break;
      case 3: properties.utm_content = text(2); break;
      case 4: name = `${name} (legacy)`; break;
      default: properties.created_at = 'yesterday';
    }
  }
  return { type: 'track', event: name, properties, context: context(pathName), ...common };
}

async function generateEvents() {
  const out = createWriteStream(eventsFile);
  let lines = [];
  for (let i = 0; i < EVENTS; i++) {
    lines.push(JSON.stringify(event(i)));
    if (lines.length === 1000) {
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      lines = [];
    }
  }
  out.end(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  await once(out, 'finish');
}

async function generateBig(bytes) {
  const size = (await stat(eventsFile)).size;
  const out = createWriteStream(bigFile);
  for (let written = 0; written < bytes; written += size) {
    for await (const chunk of createReadStream(eventsFile, { highWaterMark: 1 << 20 })) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

// ---------------------------------------------------------------- contenders
/**
 * Calls `fn` with each line's text, read in 1 MiB chunks and cut by the runtime's own line
 * scanner (the fastest reader we have), so the floor and trackplan differ by validation only.
 */
async function forEachLine(file, fn, limit = Infinity) {
  const scanner = new LineScanner(1 << 20);
  let count = 0;
  const visitor = { line: (_n, text) => { if (count++ < limit) fn(text); }, fault: () => undefined };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    for (const entry of scanner.push(chunk)) if (entry.kind === 'lines') visitLines(entry, 1, 1 << 20, visitor);
    if (count >= limit) break;
  }
  for (const entry of scanner.end()) if (entry.kind === 'lines') visitLines(entry, 1, 1 << 20, visitor);
  return count;
}

async function floor() {
  let n = 0;
  await forEachLine(eventsFile, (line) => { if (JSON.parse(line).type) n++; });
  return n;
}

/** (b): the validator is compiled once, outside the timing, as (r)'s schemas are; see the compile time printed. */
function ours(plan, safePatterns) {
  // As `trackplan validate` builds it: patterns recheck proves safe run natively, the rest on RE2JS.
  const validator = createValidator(plan, { policy: { propagate_violations: false }, safePatterns });
  return async () => {
    const input = await openNdjsonInput(eventsFile);
    return validateNdjsonWith(validator, input.chunks, { records: true }, () => undefined);
  };
}

/** (b0): (b) as the `--before` commit builds it. */
function oursBefore(plan) {
  const validator = beforeValidator.createValidator(plan, { policy: { propagate_violations: false } });
  return async () => {
    const input = await openNdjsonInput(eventsFile);
    return beforeRun.validateNdjsonWith(validator, input.chunks, { records: true }, () => undefined);
  };
}

/** (b-all-linear): every pattern on RE2JS, as a library user gets it without a safety check. */
function oursLinear(plan) {
  const validator = createValidator(plan, { policy: { propagate_violations: false } });
  return async () => {
    const input = await openNdjsonInput(eventsFile);
    return validateNdjsonWith(validator, input.chunks, { records: true }, () => undefined);
  };
}

/** (w): everything included, worker start-up and a compile per worker. */
async function oursParallel(plan) {
  const input = await openNdjsonInput(eventsFile);
  return validateNdjson(input.chunks, plan, { records: true, workers: WORKERS }, () => undefined);
}

function rudderStyle(plan) {
  // As rudder-transformer does it: whole-event schemas, allErrors + verbose, full formats, compiled once per event.
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: false });
  addFormats(ajv);
  const cache = new Map();
  for (const e of plan.events) cache.set(`${e.call}::${e.name}`, ajv.compile(e.schema));
  return async () => {
    let invalid = 0;
    await forEachLine(eventsFile, (line) => {
      const message = JSON.parse(line);
      const validate = cache.get(`${message.type}::${message.type === 'track' ? message.event : message.type}`);
      if (validate && !validate(message)) invalid += validate.errors.length > 0 ? 1 : 0;
    });
    return invalid;
  };
}

async function naive(plan, sample) {
  const byKey = new Map(plan.events.map((e) => [`${e.call}::${e.name}`, e.schema]));
  let invalid = 0;
  await forEachLine(eventsFile, (line) => {
    const message = JSON.parse(line);
    const schema = byKey.get(`${message.type}::${message.type === 'track' ? message.event : message.type}`);
    if (!schema) return;
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
    addFormats(ajv);
    if (!ajv.compile(schema)(message)) invalid++;
  }, sample);
  return invalid;
}

/**
 * (k): the duplicate-key, depth and number check alone, on events parsed beforehand, and (s0)/(s)
 * one line through before's and this tree's NdjsonBatch (parse, check, validate, record): whole-run
 * ratios swing by more than the check costs on a shared machine, so these are timed in slices
 * short enough to run between two preemptions, the least of many, interleaved. The colon count
 * is what texts with whitespace, escapes or long numbers fall back to.
 */
async function slices(plan, safePatterns) {
  const texts = [];
  await forEachLine(eventsFile, (line) => texts.push(line), Math.min(EVENTS, 20_000));
  const parsed = texts.map((text) => JSON.parse(text));
  const byLength = parsed.filter((value, i) => texts[i].length - measureValue(value, 64).minLength < 5).length;
  const after = new NdjsonBatch(createValidator(plan, { policy: { propagate_violations: false }, safePatterns }), { records: true });
  const old = new beforeBatch.NdjsonBatch(beforeValidator.createValidator(plan, { policy: { propagate_violations: false } }), { records: true });
  let sink = 0;
  const contenders = {
    check: (i) => { sink += inspectJson(texts[i], parsed[i], 64).duplicateKey === undefined ? 0 : 1; },
    count: (i) => { sink += countTextKeys(texts[i]); },
    s0: (i) => old.line(i + 1, texts[i]),
    s: (i) => after.line(i + 1, texts[i]),
  };
  const best = { check: Infinity, count: Infinity, s0: Infinity, s: Infinity };
  const slice = 1000;
  for (let round = 0; round < 10 * RUNS; round++) {
    for (let from = 0; from + slice <= texts.length; from += slice) {
      for (const [name, fn] of Object.entries(contenders)) {
        const start = process.hrtime.bigint();
        for (let i = from; i < from + slice; i++) fn(i);
        best[name] = Math.min(best[name], Number(process.hrtime.bigint() - start) / 1e3 / slice);
      }
      sink += after.take().records.length + old.take().records.length;
    }
  }
  return { ...best, byLength: byLength / texts.length, sink };
}

/**
 * Times every contender RUNS times, interleaved round by round (the machine may be shared: a
 * busy spell then hits all contenders alike), and keeps each one's best time.
 */
async function bestOf(contenders) {
  const results = Object.fromEntries(Object.keys(contenders).map((name) => [name, { seconds: Infinity, result: undefined }]));
  for (let round = 0; round < RUNS; round++) {
    for (const [name, fn] of Object.entries(contenders)) {
      const start = process.hrtime.bigint();
      const cpuStart = process.cpuUsage();
      const result = await fn();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const used = process.cpuUsage(cpuStart);
      const cpu = (used.user + used.system) / 1e6;
      if (seconds < results[name].seconds) results[name] = { ...results[name], seconds, result };
      results[name].cpu = Math.min(results[name].cpu ?? Infinity, cpu);
    }
  }
  return results;
}

/** Runs an ES module snippet in a child process; returns wall time, its exit code and peak RSS. */
function child(script) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const match = /RESULT (.*)/.exec(run.stderr.toString());
  if (!match) return { seconds, error: run.stderr.toString().trim().split('\n').slice(-4).join(' | ') };
  return { seconds, ...JSON.parse(match[1]) };
}
const REPORT = `process.stderr.write('\\nRESULT ' + JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }) + '\\n');`;

/** `trackplan validate` as a user runs it (the whole CLI is loaded, every command's modules too). */
function cli(file, extra) {
  return child(`import { runCli } from ${JSON.stringify(path.join(root, 'dist/cli/index.js'))};
const code = await runCli(${JSON.stringify(['validate', file, '--plan', planDir, '--format', 'json', ...extra])});
${REPORT}`);
}

/** The runtime as an app embeds it: only the plan loader and trackplan/runtime are loaded. */
function library(file, workers) {
  return child(`import { loadPlan } from ${JSON.stringify(path.join(root, 'dist/sources/load-plan.js'))};
import { compileRuntimePlan } from ${JSON.stringify(path.join(root, 'dist/core/compiled-plan.js'))};
import { validateNdjson, openNdjsonInput } from ${JSON.stringify(path.join(root, 'dist/runtime/index.js'))};
const { plan } = await loadPlan(${JSON.stringify(planDir)});
const input = await openNdjsonInput(${JSON.stringify(file)});
const summary = await validateNdjson(input.chunks, compileRuntimePlan(plan), { records: true, workers: ${workers} }, () => undefined);
const code = summary.violating > 0 ? 1 : 0;
${REPORT}`);
}

// ---------------------------------------------------------------- run
await mkdir(dir, { recursive: true });
await generatePlan();
const { plan: ir, diagnostics } = await loadPlan(planDir);
if (!ir || diagnostics.some((d) => d.severity === 'error')) throw new Error(`bench plan has errors: ${diagnostics[0]?.message}`);
const plan = compileRuntimePlan(ir);
process.stdout.write(`generating ${EVENTS.toLocaleString('en-US')} events ...\n`);
await generateEvents();
const size = (await stat(eventsFile)).size;
const mb = size / 1e6;
process.stdout.write(`${eventsFile}: ${mb.toFixed(0)} MB, ${Math.round(size / EVENTS)} bytes/event on average, ${NAMES.length} event names + page + identify\n`);
process.stdout.write(`node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}; best of ${RUNS} interleaved runs each\n\n`);

await floor(); // warm the page cache and the JIT
const compileStart = process.hrtime.bigint();
createValidator(plan);
const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
const safety = await checkPatternSafety(ir);
const { a, b, b0, bl, r, c, w } = await bestOf({
  a: floor,
  b0: oursBefore(plan),
  b: ours(plan, safety.safe),
  bl: oursLinear(plan),
  r: rudderStyle(plan),
  c: () => naive(plan, NAIVE),
  w: () => oursParallel(plan),
});
const summary = b.result;
if (w.result.violating !== summary.violating || w.result.events !== summary.events) throw new Error('workers disagree with one thread');

const row = (label, seconds, events, base) => {
  const rate = events / seconds;
  const mbs = (mb * (events / EVENTS)) / seconds;
  return `${label.padEnd(58)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} events/s ${mbs.toFixed(1).padStart(7)} MB/s ${(rate / base).toFixed(3).padStart(7)}x`;
};
const floorRate = EVENTS / a.seconds;
process.stdout.write(`plan: ${plan.events.length} planned calls, compiled (first-error validators) in ${compileMs.toFixed(0)} ms: outside (b)'s timing, inside (w)'s\n`);
process.stdout.write(`${summary.events.toLocaleString('en-US')} events, ${summary.violating.toLocaleString('en-US')} violating (${((summary.violating / summary.events) * 100).toFixed(1)}%)\n`);
process.stdout.write(`${'contender'.padEnd(58)} ${'rate'.padStart(19)} ${'throughput'.padStart(12)} ${'vs (a)'.padStart(8)}\n`);
process.stdout.write(`${row('(a) floor: read lines + JSON.parse', a.seconds, EVENTS, floorRate)}\n`);
process.stdout.write(`${row(`(b0) before (${before.sha}), 1 thread`, b0.seconds, EVENTS, floorRate)}\n`);
process.stdout.write(`${row('(b) trackplan validateNdjson, 1 thread', b.seconds, EVENTS, floorRate)}\n`);
process.stdout.write(`${row('(b) with every pattern on RE2JS (no safety check)', bl.seconds, EVENTS, floorRate)}\n`);
process.stdout.write(`${row('(r) rudder-transformer-style ajv (allErrors, verbose, full)', r.seconds, EVENTS, floorRate)}\n`);
process.stdout.write(`${row(`(c) naive: ajv compile per event (first ${NAIVE.toLocaleString('en-US')} events)`, c.seconds, Math.min(NAIVE, EVENTS), floorRate)}\n`);
process.stdout.write(`${row(`(w) trackplan validateNdjson, ${WORKERS} threads (with start-up)`, w.seconds, EVENTS, floorRate)}\n`);
process.stdout.write(`\n(b)/(a) = ${(a.seconds / b.seconds).toFixed(2)} (target >= 0.75); (w)/(b) = ${(b.seconds / w.seconds).toFixed(2)} (target >= 1.6)\n`);
process.stdout.write(`after/before: (b)/(b0) = ${(b0.seconds / b.seconds).toFixed(3)} (target >= 0.95); all patterns on RE2JS: ${(b0.seconds / bl.seconds).toFixed(3)}; CPU (b)/(b0) = ${(b0.cpu / b.cpu).toFixed(3)}\n`);
const alone = await slices(plan, safety.safe);
process.stdout.write(`per line, least of ${10 * RUNS} rounds of 1,000-line slices: (s0) before ${alone.s0.toFixed(2)} µs, (s) after ${alone.s.toFixed(2)} µs: (s0)/(s) = ${(alone.s0 / alone.s).toFixed(3)} (target >= 0.95)\n`);
process.stdout.write(`(k) the check alone: ${alone.check.toFixed(2)} µs/event = ${((alone.check / alone.s0) * 100).toFixed(1)}% of (s0); ${(alone.byLength * 100).toFixed(1)}% of events decided by length; the colon count (when not): ${alone.count.toFixed(2)} µs/event\n`);
process.stdout.write(`CPU time, all threads (less sensitive to a busy machine): (a) ${a.cpu.toFixed(2)} s, (b) ${b.cpu.toFixed(2)} s, (w) ${w.cpu.toFixed(2)} s: (b)/(a) = ${(a.cpu / b.cpu).toFixed(2)}\n`);
process.stdout.write(`load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${cpus().length} CPUs\n`);

if (BIG_MB > 0) {
  process.stdout.write(`\ngenerating a ${BIG_MB} MB file ...\n`);
  await generateBig(BIG_MB * 1e6);
  const bigSize = (await stat(bigFile)).size;
  const bigMb = bigSize / 1e6;
  const runs = [
    [`trackplan validate ${bigMb.toFixed(0)} MB --format json`, () => cli(bigFile, [])],
    [`trackplan validate ${bigMb.toFixed(0)} MB --format json --workers ${WORKERS}`, () => cli(bigFile, ['--workers', String(WORKERS)])],
    [`runtime only (validateNdjson), ${bigMb.toFixed(0)} MB, 1 thread`, () => library(bigFile, 1)],
    [`runtime only (validateNdjson), ${bigMb.toFixed(0)} MB, ${WORKERS} threads`, () => library(bigFile, WORKERS)],
  ];
  for (const [label, run] of runs) {
    const result = run();
    const line = result.error
      ? `failed: ${result.error}`
      : `${result.seconds.toFixed(1).padStart(6)} s ${(bigMb / result.seconds).toFixed(1).padStart(7)} MB/s  peak RSS ${(result.maxRssKb / 1024).toFixed(0).padStart(4)} MB (target < 200)  exit ${result.code}`;
    process.stdout.write(`${label.padEnd(58)} ${line}\n`);
  }
  await rm(bigFile, { force: true });
}
