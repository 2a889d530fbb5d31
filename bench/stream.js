#!/usr/bin/env node
// bench/stream: `trackplan stream` (XREADGROUP, validate, policy, then one atomic script call with
// the XADDs to out/violations and the XACK; the next batch read while one is validated) against a
// bare consumer loop that only parses each entry's JSON and acknowledges it (XREADGROUP +
// JSON.parse + XACK, one round trip after the other), same batch size, same Redis, same entries,
// same run; `trackplan stream` before this change (built from the commit where this branch left
// main, as bench/serve does) and with `--write-mode multi`; then two trackplan consumers in one
// group against one. Every consumer runs in a process of its own and starts on a signal, once
// loaded. Redis is a redis-server this script starts on a free port (no persistence: it measures
// the consumers, not the disk).
// Two references show what writing the results back costs by itself, without validation: the
// bare loop plus one XADD per entry in the MULTI/EXEC of its XACK (`copy`), and the bare loop
// writing back with trackplan's script and reading ahead as trackplan does (`lua`).
// Prints, per run: entries/s, the group's median lag (XINFO GROUPS, sampled every 20 ms) and the
// CPU time per entry of the consumer processes and of redis-server (INFO CPU); then the medians
// over the rounds, each ratio taken within its round (range in brackets), and what the CPU costs
// alone would allow on an otherwise idle machine (a model, labelled as such). On a shared machine
// the entries/s swing with the load: the CPU per entry is the steadier figure.
// Needs `npm run build` first. Usage: node bench/stream.js [--entries 100000] [--batch 100] [--rounds 3]
// [--only bare,copy,lua,before,one,multi,two] (some runs only, no table) [--before <git-ref>] (the
// `before` run: trackplan stream built from that commit, default where this branch left main).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { baseDist, beforeRef } from './base-dist.js';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const STREAM = 'bench:in';

// ---------------------------------------------------------------------------------------------
// Roles, in child processes: `--role bare|trackplan --port P --group G --consumer C`.
// Each connects, prints READY, and starts on a line on stdin.

async function waitForGo() {
  let started = process.cpuUsage();
  // On SIGTERM a consumer reports the CPU time it used since GO (µs), so the run can say where the time went.
  process.once('SIGTERM', () => {
    const used = process.cpuUsage(started);
    process.stdout.write(`CPU ${used.user + used.system}\n`, () => process.exit(0));
  });
  process.stdout.write('READY\n');
  for await (const _ of createInterface({ input: process.stdin })) {
    started = process.cpuUsage();
    return;
  }
}

async function runBare() {
  const { Redis } = await import('ioredis');
  const redis = new Redis({ port: Number(arg('port')), host: '127.0.0.1' });
  const group = arg('group');
  const batch = Number(arg('batch', '100'));
  await waitForGo();
  for (;;) {
    const reply = await redis.xreadgroup('GROUP', group, arg('consumer'), 'COUNT', batch, 'BLOCK', 200, 'STREAMS', STREAM, '>');
    if (!reply) continue;
    const ids = [];
    for (const [id, fields] of reply[0][1]) {
      JSON.parse(fields[1]);
      ids.push(id);
    }
    await redis.xack(STREAM, group, ...ids);
  }
}

/** A second reference, not a target: the bare loop that also writes each entry back in MULTI/EXEC, as trackplan must. */
async function runCopy() {
  const { Redis } = await import('ioredis');
  const redis = new Redis({ port: Number(arg('port')), host: '127.0.0.1' });
  const group = arg('group');
  const batch = Number(arg('batch', '100'));
  await waitForGo();
  for (;;) {
    const reply = await redis.callBuffer('XREADGROUP', 'GROUP', group, arg('consumer'), 'COUNT', batch, 'BLOCK', 200, 'STREAMS', STREAM, '>');
    if (!reply) continue;
    const multi = redis.multi();
    const ids = [];
    for (const [id, fields] of reply[0][1]) {
      JSON.parse(fields[1].toString());
      ids.push(id);
      multi.xadd(`bench:out:${group}`, '*', 'data', fields[1], 'id', id);
    }
    multi.xack(STREAM, group, ...ids);
    await multi.exec();
  }
}

/**
 * A third reference, not a target: the bare loop that also writes each entry back as trackplan
 * does (its write script: XADDs with the ids, then the XACK, atomic), and like trackplan reads the
 * next batch while it parses one: what writing back costs at best, without validation or policy.
 */
async function runScriptCopy() {
  const { Redis } = await import('ioredis');
  const { defineWriteScript, WriteScript } = await import('../dist/runtime/stream/write-script.js');
  const redis = new Redis({ port: Number(arg('port')), host: '127.0.0.1' });
  defineWriteScript(redis);
  const group = arg('group');
  const read = (block) => redis.xreadgroup('GROUP', group, arg('consumer'), 'COUNT', Number(arg('batch', '100')), ...(block ? ['BLOCK', 200] : []), 'STREAMS', STREAM, '>');
  await waitForGo();
  let ahead;
  let written;
  for (;;) {
    const reply = (ahead && await ahead) || await read(true);
    ahead = undefined;
    if (!reply) continue;
    ahead = read(false);
    const script = new WriteScript(group, 'data');
    const ids = [];
    for (const [id, fields] of reply[0][1]) {
      const { messageId } = JSON.parse(fields[1]);
      ids.push(id);
      script.add({ stream: `bench:out:${group}`, fields: ['data', fields[1], 'id', id, 'stream', STREAM, 'messageId', messageId], ids: { data: fields[1], id, stream: STREAM, messageId } });
    }
    script.ack(STREAM, ids);
    const next = script.run(redis);
    await written;
    written = next;
  }
}

/** `trackplan stream` from this checkout's dist/, or the one `--dist` names (before this change). */
async function runTrackplan() {
  const dist = arg('dist', path.join(root, 'dist'));
  const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
  const { loadPlan } = await load('sources/load-plan.js');
  const { compileRuntimePlan } = await load('core/compiled-plan.js');
  const { createValidator } = await load('runtime/validator.js');
  const { startStreamConsumer } = await load('runtime/stream/index.js');
  const { checkPatternSafety } = await load('app/safe-patterns.js');
  const { plan } = await loadPlan(path.join(root, 'plans'));
  // As `trackplan stream` builds it: patterns recheck proves safe run natively, the rest on RE2JS.
  const validator = createValidator(compileRuntimePlan(plan), { safePatterns: (await checkPatternSafety(plan)).safe });
  const group = arg('group');
  // Loaded before the start, as the other roles load it: the consumer imports it when it starts.
  await import('ioredis');
  await waitForGo();
  await startStreamConsumer({
    redis: { port: Number(arg('port')), host: '127.0.0.1' }, streams: [STREAM], group, consumer: arg('consumer'), validator,
    out: `bench:out:${group}`, violations: `bench:violations:${group}`, deadLetter: `bench:dead:${group}`, field: 'data',
    batch: Number(arg('batch', '100')), blockMs: 200, writeMode: arg('write-mode', 'script'),
  });
}

// ---------------------------------------------------------------------------------------------
// Events as the RudderStack SDKs send them for plans/ (5% violate the plan), as in bench/serve.

function message(i) {
  const base = {
    anonymousId: `anon-${(i * 7919) % 100000}`, messageId: `bench-${i}`, originalTimestamp: '2026-03-01T12:00:00.000Z', sentAt: '2026-03-01T12:00:00.100Z', channel: 'web',
    context: { library: { name: 'RudderLabs JavaScript SDK', version: '3.7.6' }, locale: 'en-US', page: { path: `/blog/post-${i % 40}`, referrer: 'https://www.google.com/' }, ip: '203.0.113.7' },
  };
  const violating = i % 20 === 19;
  switch (i % 4) {
    case 0:
      return { ...base, type: 'page', name: 'Blog', properties: { path: `/blog/post-${i % 40}`, url: `https://www.rudderstack.com/blog/post-${i % 40}`, referrer: 'https://www.google.com/', title: 'Data Stack' } };
    case 1:
      return { ...base, type: 'track', event: 'form_submit', properties: { form_id: 'request-demo', ...(violating ? {} : { email: `lead${i}@example.com` }), conversion_type: 'form_submit' } };
    case 2:
      return { ...base, type: 'identify', userId: `user-${i % 997}`, traits: { email: `user${i}@example.com`, first_login: false } };
    default:
      return { ...base, type: 'track', event: 'connection_created', userId: `user-${i % 997}`, properties: { workspace_id: 'ws_1', source_id: 'src_1', destination_id: 'dst_9', destination_type: violating ? 7 : 'SNOWFLAKE' } };
  }
}

// ---------------------------------------------------------------------------------------------
// The run.

async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(dir) {
  const port = await freePort();
  const proc = spawn(process.env.REDIS_SERVER ?? '/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--logfile', ''], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise((resolve, reject) => {
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Ready to accept connections')) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
  });
  return { port, proc };
}

function startRole(role, port, group, consumer, batch, extra = []) {
  // BENCH_PROFILE=trackplan|bare writes a CPU profile of that role to bench/.data/stream-profiles.
  const flags = process.env.BENCH_PROFILE === role ? ['--cpu-prof', `--cpu-prof-dir=${path.join(import.meta.dirname, '.data', 'stream-profiles')}`] : [];
  const child = spawn(process.execPath, [...flags, import.meta.filename, '--role', role, '--port', String(port), '--group', group, '--consumer', consumer, '--batch', String(batch), ...extra], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('READY')) resolve(child);
      const cpu = /CPU (\d+)/.exec(out);
      if (cpu) child.cpuMicros = Number(cpu[1]);
    });
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code} before it was ready`)));
  });
}

/** redis-server's CPU time so far (user + system, µs), from INFO CPU. */
async function redisCpu(redis) {
  const info = await redis.info('cpu');
  const seconds = (name) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)[1]);
  return Math.round((seconds('used_cpu_user') + seconds('used_cpu_sys')) * 1e6);
}

async function groupInfo(redis, group) {
  const groups = await redis.xinfo('GROUPS', STREAM);
  const info = groups.map((flat) => Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]))).find((g) => g.name === group);
  return { lag: Number(info.lag ?? 0), pending: Number(info.pending) };
}

/** Starts `consumers` processes of a role on a fresh group, lets them go at once, times the drain. */
async function measure(redis, port, role, consumers, entries, batch, label, extra) {
  const group = `${label}-${Date.now()}`;
  await redis.xgroup('CREATE', STREAM, group, '0');
  const children = await Promise.all(Array.from({ length: consumers }, (_, i) => startRole(role, port, group, `c${i}`, batch, extra)));
  const redisBefore = await redisCpu(redis);
  const began = performance.now();
  for (const child of children) child.stdin.write('go\n');
  const lags = [];
  for (;;) {
    const { lag, pending } = await groupInfo(redis, group);
    lags.push(lag);
    if (lag === 0 && pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - began) / 1000;
  const redisMicros = (await redisCpu(redis)) - redisBefore;
  // SIGTERM: an orderly exit, so that a CPU profile (BENCH_PROFILE) is written.
  await Promise.all(children.map((child) => {
    const exited = Promise.all([once(child, 'exit'), once(child.stdout, 'end')]);
    child.kill('SIGTERM');
    return exited;
  }));
  const consumerMicros = children.reduce((sum, child) => sum + (child.cpuMicros ?? NaN), 0);
  await redis.del(`bench:out:${group}`, `bench:violations:${group}`, `bench:dead:${group}`);
  await redis.xgroup('DESTROY', STREAM, group);
  lags.sort((a, b) => a - b);
  return { rate: entries / seconds, seconds, medianLag: lags[Math.floor(lags.length / 2)], redisPerEntry: redisMicros / entries, consumerPerEntry: consumerMicros / entries };
}

async function main() {
  const entries = Number(arg('entries', '100000'));
  const batch = Number(arg('batch', '100'));
  const rounds = Number(arg('rounds', '3'));
  const dir = await mkdtemp(path.join(tmpdir(), 'trackplan-bench-redis-'));
  const { port, proc } = await startRedis(dir);
  const { Redis } = await import('ioredis');
  const redis = new Redis({ port, host: '127.0.0.1' });
  try {
    for (let i = 0; i < entries; i += 1000) {
      const pipeline = redis.pipeline();
      for (let j = i; j < Math.min(entries, i + 1000); j++) pipeline.xadd(STREAM, '*', 'data', JSON.stringify(message(j)));
      await pipeline.exec();
    }
    process.stdout.write(`bench/stream: ${entries} entries (${Math.round((await redis.memory('USAGE', STREAM)) / entries)} B each in Redis), batch ${batch}, ${rounds} rounds; each consumer in its own process, all sharing the machine's cores with Redis\n\n`);
    const runs = { bare: [], copy: [], lua: [], before: [], one: [], multi: [], two: [] };
    const only = arg('only')?.split(',');
    const base = !only || only.includes('before') ? await baseDist(beforeRef()) : undefined;
    const before = base && path.join(base.dir, 'dist');
    for (let round = 1; round <= rounds; round++) {
      for (const [kind, role, consumers, extra] of [['bare', 'bare', 1], ['copy', 'copy', 1], ['lua', 'lua', 1], ['before', 'trackplan', 1, ['--dist', before]], ['one', 'trackplan', 1], ['multi', 'trackplan', 1, ['--write-mode', 'multi']], ['two', 'trackplan', 2]]) {
        if (only && !only.includes(kind)) continue;
        const run = await measure(redis, port, role, consumers, entries, batch, kind, extra);
        runs[kind].push(run);
        process.stdout.write(`  round ${round} ${kind.padEnd(6)}: ${Math.round(run.rate)} entries/s (${run.seconds.toFixed(2)} s), median lag during the run ${run.medianLag}; CPU per entry: redis ${run.redisPerEntry.toFixed(1)} µs, consumers ${run.consumerPerEntry.toFixed(1)} µs\n`);
      }
    }
    if (only) return;
    // Ratios are taken within each round (the runs compared are seconds apart on a shared
    // machine), then summed up as their median and range over the rounds.
    const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
    const column = (kind, key) => runs[kind].map((run) => run[key]);
    const ratios = (kind, base) => runs[kind].map((run, i) => run.rate / runs[base][i].rate);
    const cell = (list) => `${median(list).toFixed(2)} (${Math.min(...list).toFixed(2)}-${Math.max(...list).toFixed(2)})`;
    const cpu = (kind) => `${median(column(kind, 'consumerPerEntry')).toFixed(1)} + ${median(column(kind, 'redisPerEntry')).toFixed(1)}`;
    const row = (label, kind, ratio, target = '') => process.stdout.write(`| ${label} | ${Math.round(median(column(kind, 'rate')))} | ${cpu(kind)} | ${ratio} | ${target} |\n`);
    process.stdout.write(`\nMedians over ${rounds} rounds (range in brackets); CPU: consumer(s) + redis-server, µs per entry.\n\n| run | entries/s | CPU µs/entry | ratio | target |\n| --- | --- | --- | --- | --- |\n`);
    row('bare XREADGROUP + JSON.parse + XACK, 1 consumer', 'bare', '1.00');
    row('reference: the bare loop writing each entry back (MULTI{XADD, XACK})', 'copy', `${cell(ratios('copy', 'bare'))} vs bare`);
    row("reference: the bare loop writing each entry back with trackplan's script, reading ahead", 'lua', `${cell(ratios('lua', 'bare'))} vs bare`);
    row(`trackplan stream before this change (${base.sha}), 1 consumer`, 'before', `${cell(ratios('before', 'bare'))} vs bare`);
    row('trackplan stream, 1 consumer', 'one', `${cell(ratios('one', 'bare'))} vs bare; ${cell(ratios('one', 'before'))} vs before`, '>= 0.7');
    row('trackplan stream --write-mode multi, 1 consumer', 'multi', `${cell(ratios('multi', 'bare'))} vs bare`);
    row('trackplan stream, 2 consumers', 'two', `${cell(ratios('two', 'one'))} vs 1 consumer`, '>= 1.5');
    // What the CPU costs alone allow (a model, not a measurement): each process gets the cores it
    // can use and nothing else runs. The bare loop waits for each reply, so its entry costs its own
    // CPU plus Redis's; trackplan overlaps the two, so its entry costs the larger; two consumers
    // share the cores with Redis, and Redis is one thread.
    const c = (kind, key) => median(column(kind, key));
    const cores = cpus().length;
    const oneBound = 1 / Math.max(c('one', 'consumerPerEntry'), c('one', 'redisPerEntry'));
    const twoBound = Math.min(cores / (c('two', 'consumerPerEntry') + c('two', 'redisPerEntry')), 1 / c('two', 'redisPerEntry'), 2 / c('two', 'consumerPerEntry'));
    process.stdout.write(`\nCPU-bound model from the CPU per entry above (no other load, round trips free): 1 consumer ${(oneBound * (c('bare', 'consumerPerEntry') + c('bare', 'redisPerEntry'))).toFixed(2)} x bare; 2 consumers on ${cores} cores ${(twoBound / oneBound).toFixed(2)} x 1 consumer.\n`);
    process.stdout.write(`Load average at the end: ${loadavg().map((n) => n.toFixed(2)).join(', ')} (${cores} cores).\n`);
  } finally {
    redis.disconnect();
    proc.kill('SIGTERM');
    await once(proc, 'exit');
    await rm(dir, { recursive: true, force: true });
  }
}

const role = arg('role');
if (role === 'bare') await runBare();
else if (role === 'copy') await runCopy();
else if (role === 'lua') await runScriptCopy();
else if (role === 'trackplan') await runTrackplan();
else await main();
