#!/usr/bin/env node
// bench/serve: `trackplan serve` (validate, spool to disk, forward in batches to a local sink)
// against a bare node:http server that only parses the same JSON bodies and answers 200, in the
// same run. Load comes from autocannon in this process; each server and the sink run in a child
// process of their own. Single-event requests and 100-event batches; requests/s and p99 latency.
// Then `trackplan serve --workers 2` against `--workers 1` (both the real CLI). The load generator
// runs on the same machine and shares its cores with the servers: on 2 cores, 2 workers compete
// with autocannon, so that ratio is a floor of what spare cores give.
// Besides requests/s, each server process reports the CPU time it spent in the measured window
// (user + system, asked over IPC), per request: on a machine shared with other work the CPU cost
// moves less than the throughput does, so both are printed, with the load average. Where the
// server is the limit (batches) the CPU ratio is what the throughput ratio comes to on a quiet
// machine; single events are limited by autocannon, and their CPU ratio says nothing of the target.
// Needs `npm run build` first (it runs the build itself when dist/ is missing).
// Before/after: the same serve built from `--before <git-ref>` (default: where this branch left
// main) runs in the same run, so the cost of a change (the hardening: duplicate-key and depth
// checks, bounded records, the linear-time pattern engine) is measured against it.
// Usage: node bench/serve.js [--duration 10] [--connections 50] [--rounds 2] [--before REF] [--skip-workers]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import http from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { baseDist, beforeRef } from './base-dist.js';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(import.meta.dirname, '.data', 'serve');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const WRITE_KEY = 'bench-key';
const AUTH = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`;

// ---------------------------------------------------------------------------------------------
// Roles run in child processes: `--role sink|bare|serve`. Each prints `READY <port>` when it listens.

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function listen(server) {
  server.keepAliveTimeout = 65_000;
  answerCpu();
  // An orderly exit on SIGTERM, so that --cpu-prof (BENCH_PROFILE=bare|sink|serve) writes its file.
  process.once('SIGTERM', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => process.stdout.write(`READY ${server.address().port}\n`));
}

/** Answers the parent's `cpu` message with this process's CPU time so far (ms, user + system). */
function answerCpu() {
  process.on('message', (message) => {
    if (message !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    process.send({ cpuMs: (user + system) / 1000 });
  });
}

/**
 * The upstream: counts the messages of every batch (GET /count). It stands for a data plane on
 * another machine, so it counts cheaply (each bench message has one "messageId" key) instead of
 * parsing: its CPU would otherwise be charged to serve on this shared machine.
 */
function runSink() {
  let count = 0;
  const marker = Buffer.from('"messageId":');
  listen(http.createServer(async (req, res) => {
    if (req.method === 'GET') return void res.end(String(count));
    const body = await readBody(req);
    for (let i = body.indexOf(marker); i !== -1; i = body.indexOf(marker, i + marker.length)) count++;
    res.end('OK');
  }));
}

/** The baseline: reads and parses the body, answers 200. */
function runBare() {
  listen(http.createServer(async (req, res) => {
    JSON.parse((await readBody(req)).toString('utf8'));
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 2 }).end('OK');
  }));
}

/** `serve` as the CLI builds it, from this checkout's dist/ or the one given by `--dist` (before). */
async function runServe() {
  const dist = arg('dist', path.join(root, 'dist'));
  const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
  const { loadPlan } = await load('sources/load-plan.js');
  const { compileRuntimePlan } = await load('core/compiled-plan.js');
  const { createValidator } = await load('runtime/validator.js');
  const { startServer } = await load('runtime/http/server.js');
  const { plan } = await loadPlan(path.join(root, 'plans'));
  // As `trackplan serve` does: patterns recheck proves safe run natively, the rest on RE2JS.
  // safe-patterns.js moved to app/ on main; a dist without it predates the linear-time engine.
  const safetyFile = ['app/safe-patterns.js', 'safe-patterns.js'].find((file) => existsSync(path.join(dist, file)));
  const safety = safetyFile ? await (await load(safetyFile)).checkPatternSafety(plan) : undefined;
  const spool = arg('spool');
  await rm(spool, { recursive: true, force: true });
  const server = await startServer({
    validator: createValidator(compileRuntimePlan(plan), safety ? { safePatterns: safety.safe } : {}),
    port: 0,
    writeKeys: [WRITE_KEY],
    forward: { url: arg('sink'), spool: { dir: spool } },
  });
  answerCpu();
  process.stdout.write(`READY ${new URL(server.url).port}\n`);
  process.once('SIGTERM', async () => {
    await server.close({ drainTimeoutMs: 10_000 });
    process.exit(0);
  });
}

// ---------------------------------------------------------------------------------------------
// Data: events as the RudderStack JS and Node SDKs send them for the example plan (plans/).

function context(i) {
  return {
    library: { name: 'RudderLabs JavaScript SDK', version: '3.7.6' },
    app: { name: 'RudderLabs JavaScript SDK', namespace: 'com.rudderlabs.javascript', version: '3.7.6' },
    locale: 'en-US',
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    screen: { width: 1728, height: 1117, density: 2, innerWidth: 1440, innerHeight: 900 },
    page: { path: `/blog/post-${i % 40}`, url: `https://www.rudderstack.com/blog/post-${i % 40}`, referrer: 'https://www.google.com/', title: 'Data Stack: Deep Dive' },
    campaign: { source: 'google', medium: 'cpc', name: 'warehouse-first' },
    ip: '203.0.113.7',
    traits: {},
  };
}

function message(i) {
  const base = {
    anonymousId: `anon-${(i * 7919) % 100000}`,
    messageId: `bench-${i}`,
    originalTimestamp: '2026-03-01T12:00:00.000Z',
    sentAt: '2026-03-01T12:00:00.100Z',
    channel: 'web',
    context: context(i),
    integrations: { All: true },
  };
  const violating = i % 20 === 19; // 5% of events break the plan
  switch (i % 5) {
    case 0:
      return { ...base, type: 'page', name: 'Blog', properties: { path: `/blog/post-${i % 40}`, url: `https://www.rudderstack.com/blog/post-${i % 40}`, referrer: 'https://www.google.com/', title: 'Data Stack: Deep Dive', utm_source: 'google' } };
    case 1:
      return { ...base, type: 'track', event: 'form_submit', properties: { form_id: 'request-demo', ...(violating ? {} : { email: `lead${i}@example.com` }), conversion_type: 'form_submit', utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'warehouse-first' } };
    case 2:
      return { ...base, type: 'track', event: 'connection_created', userId: `user-${i % 997}`, properties: { workspace_id: 'ws_1', source_id: 'src_1', destination_id: 'dst_9', destination_type: 'SNOWFLAKE' } };
    case 3:
      return { ...base, type: 'identify', userId: `user-${i % 997}`, traits: { email: `user${i}@example.com`, first_login: false, company: 'Acme' } };
    default:
      return { ...base, type: 'track', event: 'event_volume_reported', userId: `user-${i % 997}`, properties: { workspace_id: 'ws_1', date: '2026-03-01', event_count: violating ? -5 : 120345, sources: [{ source_id: 'src_1', event_count: 100000 }, { source_id: 'src_2', event_count: 20345 }] } };
  }
}

function scenarios() {
  const headers = { 'content-type': 'application/json', authorization: AUTH };
  const single = Array.from({ length: 40 }, (_, i) => {
    const m = message(i);
    return { method: 'POST', path: `/v1/${m.type}`, headers, body: JSON.stringify(m) };
  });
  const batch = Array.from({ length: 4 }, (_, b) => ({
    method: 'POST', path: '/v1/batch', headers,
    body: JSON.stringify({ batch: Array.from({ length: 100 }, (_, i) => message(b * 100 + i)), sentAt: '2026-03-01T12:00:00.100Z' }),
  }));
  const size = (requests) => Math.round(requests.reduce((sum, r) => sum + r.body.length, 0) / requests.length);
  return [
    { name: 'single event', requests: single, perRequest: 1, bytes: size(single) },
    { name: '100-event batch', requests: batch, perRequest: 100, bytes: size(batch) },
  ];
}

// ---------------------------------------------------------------------------------------------
// The run.

function start(role, extra = []) {
  const flags = process.env.BENCH_PROFILE === role ? ['--cpu-prof', `--cpu-prof-dir=${path.join(dataDir, 'profiles')}`] : [];
  const child = spawn(process.execPath, [...flags, import.meta.filename, '--role', role, ...extra], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /READY (\d+)/.exec(out);
      if (match) resolve({ child, url: `http://127.0.0.1:${match[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code} before it was ready`)));
  });
}

/** `trackplan serve --workers N` as the CLI runs it: ready when the log names the address. */
function startWorkers(workers, sinkUrl, spool) {
  const child = spawn(process.execPath, [
    path.join(root, 'bin/trackplan.js'), 'serve', '--plan', path.join(root, 'plans'), '--port', '0', '--forward', sinkUrl,
    '--spool', spool, '--write-key', WRITE_KEY, '--workers', String(workers),
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ready = workers > 1 ? /\d+ workers listening on (http:\/\/\S+)/ : /listening on (http:\/\/\S+) /;
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
      const match = ready.exec(err);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`serve --workers ${workers} exited with ${code}: ${err}`)));
  });
}

/** CPU time (ms) a role child has used so far. */
function cpuOf(child) {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message.cpuMs));
    child.send('cpu');
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function load(autocannon, url, scenario, duration, connections) {
  const result = await autocannon({ url, connections, duration, requests: scenario.requests });
  return { rps: result.requests.average, p99: result.latency.p99, ok: result['2xx'], failed: result.non2xx + result.errors + result.timeouts };
}

async function sinkCount(url) {
  return new Promise((resolve, reject) => {
    http.get(`${url}/count`, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(Number(text)));
    }).on('error', reject);
  });
}

async function main() {
  if (!existsSync(path.join(root, 'dist/runtime/http/server.js'))) {
    process.stdout.write('dist/ is missing: building with tsc -p tsconfig.build.json\n');
    try {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    } catch {
      process.stdout.write('the build reported errors; going on with what it emitted\n');
    }
  }
  const { default: autocannon } = await import('autocannon');
  const duration = Number(arg('duration', '10'));
  const connections = Number(arg('connections', '50'));
  const rounds = Number(arg('rounds', '2'));
  await mkdir(dataDir, { recursive: true });
  const before = await baseDist(beforeRef());
  process.stdout.write(`bench/serve: ${connections} connections, ${duration} s per run (after a 2 s warm-up), ${rounds} rounds, each server alone in its own process\n`);
  process.stdout.write(`load average (1, 5, 15 min) at the start: ${loadavg().map((n) => n.toFixed(2)).join(', ')} on ${availableParallelism()} cores\n\n`);

  const rows = [];
  for (const scenario of scenarios()) {
    const runs = { bare: [], before: [], serve: [] };
    for (let round = 0; round < rounds; round++) {
      for (const kind of ['bare', 'before', 'serve']) {
        const sink = kind !== 'bare' ? await start('sink') : undefined;
        const extra = sink ? ['--sink', sink.url, '--spool', path.join(dataDir, 'spool'), ...(kind === 'before' ? ['--dist', path.join(before.dir, 'dist')] : [])] : [];
        const target = await start(kind === 'before' ? 'serve' : kind, extra);
        const warm = await load(autocannon, target.url, scenario, 2, connections);
        const cpuBefore = await cpuOf(target.child);
        const run = await load(autocannon, target.url, scenario, duration, connections);
        // Requests answered after the window add a little CPU; over seconds of load it is noise.
        run.cpuPerRequest = (await cpuOf(target.child) - cpuBefore) / Math.max(run.ok, 1);
        if (sink) {
          // Every acknowledged event must reach the sink (identify strips, nothing in this plan drops).
          const expected = (warm.ok + run.ok) * scenario.perRequest;
          const began = Date.now();
          let got = await sinkCount(sink.url);
          while (got < expected && Date.now() - began < 30_000) {
            await new Promise((resolve) => setTimeout(resolve, 50));
            got = await sinkCount(sink.url);
          }
          // autocannon counts only the answers inside the window; a few more are acknowledged as it stops.
          run.forwarded = `${got} forwarded of >= ${expected} acknowledged${got < expected ? ' (LOST SOME)' : ''}`;
          run.drainMs = Date.now() - began;
        }
        await stop(target.child);
        if (sink) await stop(sink.child);
        runs[kind].push(run);
        process.stdout.write(`  ${scenario.name.padEnd(16)} ${kind.padEnd(6)} round ${round + 1}: ${Math.round(run.rps)} req/s, p99 ${run.p99} ms, CPU ${run.cpuPerRequest.toFixed(3)} ms/request, ${run.failed} failed${run.forwarded ? `, ${run.forwarded} (spool drained ${run.drainMs} ms after the load)` : ''}\n`);
      }
    }
    const median = (values) => values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
    const bare = median(runs.bare.map((r) => r.rps));
    const serve = median(runs.serve.map((r) => r.rps));
    const beforeRps = median(runs.before.map((r) => r.rps));
    const cpu = (kind) => median(runs[kind].map((r) => r.cpuPerRequest));
    rows.push({
      scenario: `${scenario.name} (${scenario.bytes} B/request)`,
      cpu: `${cpu('bare').toFixed(3)} / ${cpu('before').toFixed(3)} / ${cpu('serve').toFixed(3)}`,
      cpuRatio: (cpu('bare') / cpu('serve')).toFixed(2),
      cpuChange: (cpu('before') / cpu('serve')).toFixed(3),
      bare: `${Math.round(bare)} req/s, p99 ${median(runs.bare.map((r) => r.p99))} ms`,
      before: `${Math.round(beforeRps)} req/s, p99 ${median(runs.before.map((r) => r.p99))} ms`,
      serve: `${Math.round(serve)} req/s, p99 ${median(runs.serve.map((r) => r.p99))} ms, ${Math.round(serve * scenario.perRequest)} events/s`,
      ratio: (serve / bare).toFixed(2),
      change: (serve / beforeRps).toFixed(3),
    });
  }
  process.stdout.write(`\n| scenario | bare node:http (parse JSON) | serve before (${before.sha}) | trackplan serve (validate, spool, forward) | ratio to bare (target >= 0.8) | after / before (target >= 0.95) |\n| --- | --- | --- | --- | --- | --- |\n`);
  for (const row of rows) process.stdout.write(`| ${row.scenario} | ${row.bare} | ${row.before} | ${row.serve} | ${row.ratio} | ${row.change} |\n`);
  // The target is the throughput ratio. The CPU ratio is what it comes to when the server, not the
  // load generator, is the limit (100-event batches; single events are bound by autocannon here).
  process.stdout.write(`\nCPU time of the server process per request, median of the rounds (moves less with other load on the machine than req/s):\n\n| scenario | CPU ms/request: bare / before / serve | bare / serve | before / serve |\n| --- | --- | --- | --- |\n`);
  for (const row of rows) process.stdout.write(`| ${row.scenario} | ${row.cpu} | ${row.cpuRatio} | ${row.cpuChange} |\n`);
  process.stdout.write(`\nload average (1, 5, 15 min) at the end: ${loadavg().map((n) => n.toFixed(2)).join(', ')} on ${availableParallelism()} cores\n`);
  if (!process.argv.includes('--skip-workers')) await compareWorkers(autocannon, duration, connections, rounds);
}

/** `serve --workers 2` against `--workers 1`, both through the CLI, with the sink in its own process. */
async function compareWorkers(autocannon, duration, connections, rounds) {
  process.stdout.write(`\nserve --workers 2 vs --workers 1 (autocannon in this process shares the ${availableParallelism()} cores with the workers and the sink)\n\n`);
  const rows = [];
  for (const scenario of scenarios()) {
    const runs = { 1: [], 2: [] };
    for (let round = 0; round < rounds; round++) {
      for (const workers of [1, 2]) {
        const sink = await start('sink');
        const spool = path.join(dataDir, `spool-workers-${workers}`);
        await rm(spool, { recursive: true, force: true });
        const target = await startWorkers(workers, sink.url, spool);
        await load(autocannon, target.url, scenario, 2, connections);
        const run = await load(autocannon, target.url, scenario, duration, connections);
        await stop(target.child);
        await stop(sink.child);
        runs[workers].push(run);
        process.stdout.write(`  ${scenario.name.padEnd(16)} --workers ${workers} round ${round + 1}: ${Math.round(run.rps)} req/s, p99 ${run.p99} ms, ${run.failed} failed\n`);
      }
    }
    const median = (values) => values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
    const one = median(runs[1].map((r) => r.rps));
    const two = median(runs[2].map((r) => r.rps));
    rows.push(`| ${scenario.name} | ${Math.round(one)} req/s | ${Math.round(two)} req/s | ${(two / one).toFixed(2)} |`);
  }
  process.stdout.write('\n| scenario | --workers 1 | --workers 2 | ratio |\n| --- | --- | --- | --- |\n');
  for (const row of rows) process.stdout.write(`${row}\n`);
}

const role = arg('role');
if (role === 'sink') runSink();
else if (role === 'bare') runBare();
else if (role === 'serve') await runServe();
else await main();
