#!/usr/bin/env node
// bench/infer: `trackplan infer --from-events` over ~1 GB of generated NDJSON (realistic SDK events
// with nested context, ~40 event names, identify and page calls) against the floor measured in the
// same run: read the file in 1 MiB chunks, cut lines, JSON.parse each, nothing else. Both run in a
// child process; the report gives wall time, throughput, the ratio floor / infer (target >= 0.5)
// and each one's peak RSS (target < 250 MB for infer).
// Needs `npm run build` first (it imports dist/). Usage:
//   node bench/infer.js [--mb 1024] [--runs 1]
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MB = arg('mb', 1024);
const RUNS = arg('runs', 1);
const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'bench/.data/infer');
const file = path.join(dir, `events-${MB}mb.ndjson`);

// ---------------------------------------------------------------- events
let seed = 7;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const WORDS = ['shoes', 'shirts', 'sale', 'summer', 'kids', 'outdoor', 'home', 'garden', 'books', 'audio'];
const NAMES = ['Product', 'Order', 'Cart', 'Checkout', 'Account', 'Form', 'Video', 'Search'].flatMap((n) => ['Viewed', 'Clicked', 'Completed', 'Started', 'Updated'].map((v) => `${n} ${v}`));

function properties(index) {
  const p = { sku: `SKU-${Math.floor(random() * 99_999)}`, price: Math.round(random() * 50_000) / 100, quantity: 1 + Math.floor(random() * 5), currency: pick(['USD', 'EUR', 'GBP']) };
  if (index % 2) p.url = `https://shop.example.com/${pick(WORDS)}/${hex(6)}`;
  if (index % 3) p.created_at = new Date(1_715_000_000_000 + Math.floor(random() * 1e10)).toISOString();
  if (index % 4) p.coupon = random() < 0.5 ? null : `SAVE${Math.floor(random() * 50)}`;
  if (index % 5 === 0) p.items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ sku: `SKU-${hex(4)}`, price: Math.round(random() * 900) / 100 }));
  if (index % 6 === 0) p.shipping = { method: pick(['standard', 'express']), cost: Math.round(random() * 2000) / 100 };
  return p;
}

function event(i) {
  const at = new Date(1_715_000_000_000 + i * 1000).toISOString();
  const pathName = `/${pick(WORDS)}/${hex(6)}`;
  const common = {
    anonymousId: uuid(), messageId: uuid(), channel: 'web', originalTimestamp: at, sentAt: at,
    context: {
      app: { name: 'shop-web', version: '4.12.0' }, library: { name: 'analytics.js', version: '3.7.6' },
      page: { path: pathName, referrer: 'https://www.google.com/', title: 'Shop', url: `https://shop.example.com${pathName}` },
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      locale: pick(['en-US', 'de-DE']), ip: `10.0.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`,
    },
  };
  const kind = random();
  if (kind < 0.1) return { type: 'page', name: 'Product', properties: { path: pathName, url: `https://shop.example.com${pathName}`, referrer: '', title: 'Shop' }, ...common };
  if (kind < 0.15) return { type: 'identify', userId: `user_${hex(8)}`, traits: { email: `${pick(WORDS)}.${hex(4)}@example.com`, plan: pick(['free', 'pro']), logins: Math.floor(random() * 100) }, ...common };
  const index = Math.floor(random() * NAMES.length);
  return { type: 'track', event: NAMES[index], properties: properties(index), ...common };
}

async function generate() {
  const have = await stat(file).then((s) => s.size, () => 0);
  if (have >= MB * 1e6) return;
  await mkdir(dir, { recursive: true });
  await rm(file, { force: true });
  process.stderr.write(`generating ${MB} MB of events in ${path.relative(root, file)} ...\n`);
  const out = createWriteStream(file);
  let written = 0;
  for (let i = 0; written < MB * 1e6; ) {
    const lines = [];
    for (let k = 0; k < 1000; k++, i++) lines.push(JSON.stringify(event(i)));
    const text = `${lines.join('\n')}\n`;
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

// ---------------------------------------------------------------- contenders
const REPORT = `process.stderr.write('\\nRESULT ' + JSON.stringify({ result, maxRssKb: process.resourceUsage().maxRSS }) + '\\n');`;

/** Runs an ES module snippet in a child process; returns wall time and peak RSS. */
function child(script) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const match = /RESULT (.*)/.exec(run.stderr.toString());
  if (!match) throw new Error(run.stderr.toString().trim().split('\n').slice(-4).join(' | '));
  return { seconds, ...JSON.parse(match[1]) };
}

/** The floor: the same reader (1 MiB chunks, the runtime's line scanner) and JSON.parse of every line. */
const floor = () => child(`import { createReadStream } from 'node:fs';
import { LineScanner } from ${JSON.stringify(path.join(root, 'dist/runtime/line-scanner.js'))};
import { visitLines } from ${JSON.stringify(path.join(root, 'dist/runtime/ndjson-lines.js'))};
const scanner = new LineScanner(32768);
let result = 0;
const visitor = { line: (_n, text) => { JSON.parse(text); result++; }, fault: () => undefined };
let line = 1;
for await (const chunk of createReadStream(${JSON.stringify(file)}, { highWaterMark: 1 << 20 })) {
  for (const entry of scanner.push(chunk)) if (entry.kind === 'lines') line += visitLines(entry, line, 32768, visitor);
}
for (const entry of scanner.end()) if (entry.kind === 'lines') visitLines(entry, line, 32768, visitor);
${REPORT}`);

/** `trackplan infer --from-events FILE --stdout` as a user runs it (the CLI with its lazy command loading). */
const infer = () => child(`import { runCli } from ${JSON.stringify(path.join(root, 'dist/cli/index.js'))};
const io = { stdout: () => undefined, stderr: () => undefined, cwd: ${JSON.stringify(dir)}, color: false };
const result = await runCli(['infer', '--from-events', ${JSON.stringify(file)}, '--stdout'], io);
${REPORT}`);

// ---------------------------------------------------------------- run
await generate();
const size = (await stat(file)).size;
process.stdout.write(`bench/infer: ${(size / 1e6).toFixed(0)} MB of NDJSON, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}, node ${process.version}\n`);
const best = (run) => Array.from({ length: RUNS }, run).sort((a, b) => a.seconds - b.seconds)[0];
const base = best(floor);
const ours = best(infer);
if (ours.result !== 0) throw new Error(`trackplan infer exited ${ours.result}`);
const line = (name, r) => `  ${name.padEnd(34)} ${r.seconds.toFixed(1).padStart(6)} s ${(size / 1e6 / r.seconds).toFixed(0).padStart(5)} MB/s  peak RSS ${(r.maxRssKb / 1024).toFixed(0).padStart(4)} MB`;
process.stdout.write(`${line('floor: read + JSON.parse', base)} (${base.result.toLocaleString('en-US')} events)\n`);
process.stdout.write(`${line('trackplan infer --from-events', ours)}\n`);
const ratio = base.seconds / ours.seconds;
process.stdout.write(`  ratio floor / infer: ${ratio.toFixed(2)}x (target >= 0.5x)  ${ratio >= 0.5 ? 'ok' : 'BELOW TARGET'}; infer peak RSS ${(ours.maxRssKb / 1024).toFixed(0)} MB (target < 250)  ${ours.maxRssKb / 1024 < 250 ? 'ok' : 'OVER TARGET'}\n`);
