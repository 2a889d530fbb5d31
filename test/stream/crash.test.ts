import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produceLines } from '../../src/runtime/stream/index.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { buildChild } from '../serve/child/build-child.js';
import { kindOf, PLAN_DIR, readStream, waitDrained, waitFor } from './helpers.js';

// Consumers as real processes: one is killed with SIGKILL holding a batch it never wrote, and
// Redis is restarted once while the others run.
const PASSWORD = 'pw-7f3a-secret';
let child: { dir: string; main: string };
let server: TestRedis;
let redis: Redis;
const spawned: ChildProcess[] = [];

beforeAll(async () => {
  child = await buildChild(path.join(import.meta.dirname, 'child', 'stream-main.ts'));
  server = await startRedis({ password: PASSWORD });
  redis = new Redis({ port: server.port, host: '127.0.0.1', password: PASSWORD });
});

afterAll(async () => {
  for (const proc of spawned) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  redis?.disconnect();
  await server?.stop();
  if (child) await rm(child.dir, { recursive: true, force: true });
});

interface Consumer {
  process: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startConsumer(name: string): Consumer {
  const proc = spawn(process.execPath, [
    child.main, 'stream', '--plan', PLAN_DIR, '--redis', server.url, '--in', 'crash:in', '--group', 'g', '--consumer', name,
    '--out', 'crash:out', '--violations', 'crash:violations', '--dead-letter', 'crash:dead', '--batch', '100', '--block-ms', '50', '--claim-idle-ms', '3000',
  ], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, REDIS_PASSWORD: PASSWORD } });
  spawned.push(proc);
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return { process: proc, stderr: () => stderr, exited: new Promise((resolve) => proc.on('exit', (code) => resolve(code))) };
}

/** Ids pending at one consumer (or all), from XPENDING. */
async function pendingIds(consumer?: string): Promise<Set<string>> {
  const args = consumer === undefined ? [] : [consumer];
  const rows = await redis.call('XPENDING', 'crash:in', 'g', '-', '+', 100_000, ...args) as [string, string, number, number][];
  return new Set(rows.map(([id]) => id));
}

describe('stream: kill -9 of a consumer mid-batch and a Redis restart mid-run', () => {
  it('loses nothing, and duplicates only entries whose EXEC had not run', async () => {
    const total = 20_000;
    await produceLines(Array.from({ length: total }, (_, i) => kindOf(i).data(i)), { redis: { port: server.port, host: '127.0.0.1', password: PASSWORD }, stream: 'crash:in' });
    await redis.xgroup('CREATE', 'crash:in', 'g', '0');
    const inputIds = (await readStream(redis, 'crash:in')).map((entry) => entry.id);
    const consumers = ['c1', 'c2', 'c3'].map(startConsumer);
    await waitFor(async () => (await redis.xlen('crash:out')) > 2000, 'the consumers to get going', 20_000);

    // Freeze c1 while it holds a batch it has read and not written (pending), then kill it.
    const victim = consumers[0]!;
    let killedPending = new Set<string>();
    await waitFor(async () => {
      victim.process.kill('SIGSTOP');
      killedPending = await pendingIds('c1');
      if (killedPending.size > 0) return true;
      victim.process.kill('SIGCONT');
      return false;
    }, 'c1 to hold a batch');
    victim.process.kill('SIGKILL');
    await victim.exited;

    await waitFor(async () => (await redis.xlen('crash:out')) > 6000, 'more progress', 20_000);
    const restartPending = await pendingIds();
    await server.restart();
    await waitDrained(redis, ['crash:in'], 'g', 40_000);
    for (const consumer of consumers.slice(1)) consumer.process.kill('SIGTERM');
    const codes = await Promise.all(consumers.slice(1).map((consumer) => consumer.exited));

    const out = await readStream(redis, 'crash:out');
    const violations = await readStream(redis, 'crash:violations');
    const dead = await readStream(redis, 'crash:dead');
    const want = { out: new Set<string>(), violations: new Set<string>(), dead: new Set<string>() };
    inputIds.forEach((id, i) => {
      const { verdict } = kindOf(i);
      if (verdict !== 'malformed') want.out.add(id);
      if (verdict === 'violating') want.violations.add(id);
      if (verdict === 'malformed') want.dead.add(id);
    });
    // None missing, nothing extra.
    expect(new Set(out.map((e) => e.fields['id']))).toEqual(want.out);
    expect(new Set(violations.map((e) => e.fields['id']))).toEqual(want.violations);
    expect(new Set(dead.map((e) => e.fields['id']))).toEqual(want.dead);
    // Duplicates, counted: each is an entry that was pending (read, EXEC not run) at the kill or the restart.
    const duplicates = [out, violations, dead].flatMap((entries) => {
      const seen = new Set<string>();
      return entries.map((e) => e.fields['id']!).filter((id) => seen.size === seen.add(id).size);
    });
    const redelivered = new Set([...killedPending, ...restartPending]);
    const stray = duplicates.filter((id) => !redelivered.has(id));
    expect({ stray, within: duplicates.length <= 3 * redelivered.size }).toEqual({ stray: [], within: true });
    expect(killedPending.size).toBeGreaterThan(0);
    expect(codes).toEqual([0, 0]);
    for (const consumer of consumers) expect(consumer.stderr()).not.toContain(PASSWORD);
    expect(consumers[1]!.stderr()).toMatch(/redis: .*retrying in \d+ ms/);
  }, 120_000);
});
