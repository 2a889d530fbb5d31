import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';
import { buildChild } from './child/build-child.js';
import { PLAN_DIR, post, startUpstream, waitFor, type Upstream } from './helpers.js';

// `serve --workers 2` as a real process tree: one worker is killed with SIGKILL under load.
let child: { dir: string; main: string };
let upstream: Upstream;
const spawned: ChildProcess[] = [];

beforeAll(async () => {
  child = await buildChild(path.join(import.meta.dirname, 'child', 'serve-main.ts'));
  upstream = await startUpstream();
});

afterAll(async () => {
  for (const proc of spawned) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  await upstream?.close();
  if (child) await rm(child.dir, { recursive: true, force: true });
});

const batchOf = (n: number) => ({
  batch: Array.from({ length: 5 }, (_, i) => ({ type: 'track', userId: 'u', event: 'Order Completed', messageId: `w-${n}-${i}`, properties: { order_id: `o-${n}-${i}` } })),
});

describe('trackplan serve --workers 2', () => {
  it('kill -9 of one worker under load: a replacement replays its spool, nothing acknowledged is lost', async () => {
    const spool = path.join(await tempTree({}, 'trackplan-workers-'), 'spool');
    // The upstream refuses at first, so that acknowledged messages wait in both workers' spools.
    upstream.respond = () => ({ status: 503 });
    const proc = spawn(process.execPath, [
      child.main, 'serve', '--plan', PLAN_DIR, '--port', '0', '--forward', upstream.url, '--spool', spool, '--write-key', 'wk', '--workers', '2', '--drain-timeout', '20',
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    spawned.push(proc);
    let stderr = '';
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
    const url = await waitFor(() => /2 workers listening on (http:\/\/\S+)/.exec(stderr)?.[1], 'the workers to listen', 20_000);
    const pids = new Map([...stderr.matchAll(/worker (\d) \(pid (\d+)\) listening/g)].map((m) => [Number(m[1]), Number(m[2])]));
    expect([...pids.keys()].sort()).toEqual([1, 2]);

    const acked = new Set<string>();
    let next = 0;
    let killed = false;
    let replaced = false;
    const lane = async () => {
      // Bounded by count: a server that keeps refusing ends the loop instead of hanging the test.
      while (next < 20_000 && !(replaced && acked.size >= 1500)) {
        const body = batchOf(next++);
        // A connection the primary handed to the worker as it was killed gets no answer: give up on it (not acknowledged).
        const reply = await Promise.race([post(url, '/v1/batch', body, { writeKey: 'wk' }).catch(() => undefined), setTimeout(5000).then(() => undefined)]);
        if (reply?.status === 200) for (const message of body.batch) acked.add(message.messageId);
        if (!killed && acked.size >= 300) {
          killed = true;
          process.kill(pids.get(1)!, 'SIGKILL');
        }
        if (killed && !replaced) replaced = /starting a replacement/.test(stderr) && /worker 1 \(pid \d+\) listening[\s\S]*worker 1 \(pid \d+\) listening/.test(stderr);
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
    expect({ killed, replaced }).toEqual({ killed: true, replaced: true });
    // The replacement found the dead worker's acknowledged, unforwarded messages in its spool.
    expect(stderr).toMatch(/worker-1 \(\d+ messages from the last run to send first\)/);

    upstream.respond = () => ({ status: 200 });
    await waitFor(() => {
      const arrived = new Set(upstream.messages().map((message) => String(message['messageId'])));
      return [...acked].every((id) => arrived.has(id));
    }, 'every acknowledged message upstream', 30_000);
    proc.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(acked.size).toBeGreaterThanOrEqual(1500);
  }, 90_000);

  it.each([
    { args: ['--workers', '2'], error: '--workers: more than one worker needs --forward (each worker spools to its own folder and forwards from there)' },
    { args: ['--workers', '0', '--forward', 'http://127.0.0.1:9'], error: '--workers: expected a whole number from 1 to 256, found "0"' },
    { args: ['--workers', 'two', '--forward', 'http://127.0.0.1:9'], error: '--workers: expected a whole number from 1 to 256, found "two"' },
  ])('refuses $args with exit 2', async ({ args, error }) => {
    let stderr = '';
    const io: Io = { stdout: () => undefined, stderr: (text) => void (stderr += text), cwd: process.cwd(), color: false };
    expect(await runCli(['serve', '--plan', PLAN_DIR, '--port', '0', ...args], io)).toBe(2);
    expect(stderr).toBe(`trackplan: ${error}\n`);
  });
});
