import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { tempTree } from '../helpers/temp.js';
import { buildChild } from '../serve/child/build-child.js';
import { KINDS, PLAN_DIR, readStream, waitFor } from './helpers.js';

// `trackplan stream` as a process: SIGHUP re-reads --plan, SIGTERM exits 0, /health answers.
let child: { dir: string; main: string };
let server: TestRedis;
let redis: Redis;
let proc: ChildProcess | undefined;

beforeAll(async () => {
  child = await buildChild(path.join(import.meta.dirname, 'child', 'stream-main.ts'));
  server = await startRedis();
  redis = new Redis(server.port, '127.0.0.1');
});

afterAll(async () => {
  if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  redis?.disconnect();
  await server?.stop();
  if (child) await rm(child.dir, { recursive: true, force: true });
});

describe('trackplan stream as a process', () => {
  it('re-reads the plan on SIGHUP without dropping entries, keeps the old one when the new is broken', async () => {
    const plan = path.join(await tempTree({}), 'plan');
    await cp(PLAN_DIR, plan, { recursive: true });
    const header = path.join(plan, 'plan.yaml');
    const original = await readFile(header, 'utf8');
    proc = spawn(process.execPath, [
      child.main, 'stream', '--plan', plan, '--redis', server.url, '--in', 'hup:in', '--group', 'g', '--create-group',
      '--out', 'hup:out', '--violations', 'hup:violations', '--block-ms', '50',
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => proc!.on('exit', (code) => resolve(code)));
    const url = await waitFor(() => /\/metrics and \/health on (http:\/\/\S+)/.exec(stderr)?.[1], 'the consumer to start');
    expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', group: 'g', streams: ['hup:in'], plan: { id: 'serve-test', version: '2.3.0' } });

    const unplanned = KINDS.find((kind) => kind.name === 'unplanned event')!;
    await redis.xadd('hup:in', '*', 'data', unplanned.data(1));
    await waitFor(async () => (await redis.xlen('hup:violations')) === 1, 'the first record');

    // A broken plan: reported, and the running one stays.
    await writeFile(header, `${original}\nevents: [`);
    proc.kill('SIGHUP');
    await waitFor(() => /plan not reloaded/.test(stderr), 'the refusal');

    await writeFile(header, original.replace('unplanned_events: forward', 'unplanned_events: drop').replace('version: 2.3.0', 'version: 2.4.0'));
    proc.kill('SIGHUP');
    await waitFor(() => /plan reloaded: serve-test@2\.4\.0/.test(stderr), 'the reload');
    await redis.xadd('hup:in', '*', 'data', unplanned.data(2));
    await waitFor(async () => (await redis.xlen('hup:violations')) === 2, 'the second record');

    const records = (await readStream(redis, 'hup:violations')).map((e) => JSON.parse(e.fields['data']!) as { messageId: string; outcome: string });
    expect(records.map((r) => [r.messageId, r.outcome])).toEqual([['m-1', 'forwarded'], ['m-2', 'dropped']]);
    expect((await readStream(redis, 'hup:out')).map((e) => e.fields['messageId'])).toEqual(['m-1']);
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/stopping after the batch in flight\n.*stopped\n$/);
  }, 60_000);
});
