import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/temp.js';
import { buildChild } from './child/build-child.js';
import { PLAN_DIR, post, startUpstream, waitFor, type Upstream } from './helpers.js';

// `trackplan serve` as a real process: killed with SIGKILL mid-stream, stopped with SIGTERM.
let child: { dir: string; main: string };
let upstream: Upstream;
const spawned: ChildProcess[] = [];

beforeAll(async () => {
  child = await buildChild(path.join(import.meta.dirname, 'child', 'serve-main.ts'));
  upstream = await startUpstream();
});

afterAll(async () => {
  // A failed test must not leave a server running.
  for (const proc of spawned) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  await upstream?.close();
  if (child) await rm(child.dir, { recursive: true, force: true });
});

interface Served {
  process: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function serve(spool: string): Promise<Served> {
  const proc = spawn(process.execPath, [
    child.main, 'serve', '--plan', PLAN_DIR, '--port', '0', '--forward', upstream.url, '--spool', spool, '--write-key', 'wk', '--drain-timeout', '20',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  spawned.push(proc);
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await waitFor(() => /listening on (http:\/\/\S+) /.exec(stderr)?.[1] ?? (proc.exitCode !== null ? `exited: ${stderr}` : undefined), 'serve to listen');
  expect(url).toMatch(/^http:/);
  return { process: proc, url, stderr: () => stderr, exited };
}

const batchOf = (prefix: string, n: number) => ({
  batch: Array.from({ length: 5 }, (_, i) => ({ type: 'track', userId: 'u', event: 'Order Completed', messageId: `${prefix}-${n}-${i}`, properties: { order_id: `o-${n}-${i}` } })),
});

/** Posts batches from `lanes` concurrent clients until `stop()` says so; returns the acknowledged messageIds. */
function sendUntil(url: string, prefix: string, lanes: number, stop: (acked: number) => boolean): Promise<Set<string>> {
  const acked = new Set<string>();
  let next = 0;
  let halted = false;
  const lane = async () => {
    while (!halted) {
      const body = batchOf(prefix, next++);
      const reply = await post(url, '/v1/batch', body, { writeKey: 'wk' }).catch(() => undefined);
      if (reply?.status === 200) for (const message of body.batch) acked.add(message.messageId);
      // Bounded: a server that keeps refusing ends the loop instead of hanging the test.
      if (!reply || stop(acked.size) || next > 2000) halted = true;
    }
  };
  return Promise.all(Array.from({ length: lanes }, lane)).then(() => acked);
}

describe('trackplan serve as a process', () => {
  it('kill -9 mid-stream, restart: every acknowledged message arrives, none twice within the second run', async () => {
    const spool = path.join(await tempTree({}, 'trackplan-kill-'), 'spool');
    let answered = 0;
    // The upstream takes the first batch, then fails: the rest waits in the spool.
    upstream.respond = () => (answered++ < 1 ? { status: 200 } : { status: 503 });
    upstream.accepted.length = 0;
    const first = await serve(spool);
    let killed = false;
    const acked = await sendUntil(first.url, 'k', 4, (count) => {
      if (count >= 300 && !killed) {
        killed = true;
        first.process.kill('SIGKILL');
      }
      return killed;
    });
    expect((await first.exited).signal).toBe('SIGKILL');
    const firstRun = upstream.messages().map((message) => String(message['messageId']));
    expect(firstRun.length).toBeGreaterThan(0);

    upstream.respond = () => ({ status: 200 });
    upstream.accepted.length = 0;
    const second = await serve(spool);
    expect(second.stderr()).toMatch(/messages from the last run to send first/);
    await waitFor(() => {
      const arrived = new Set([...firstRun, ...upstream.messages().map((message) => String(message['messageId']))]);
      return [...acked].every((id) => arrived.has(id));
    }, 'every acknowledged message upstream', 30_000);
    const secondRun = upstream.messages().map((message) => String(message['messageId']));
    expect(new Set(secondRun).size).toBe(secondRun.length);
    expect(acked.size).toBeGreaterThanOrEqual(300);
    // The second run really replayed: acknowledged messages the first run never delivered.
    const replayed = [...acked].filter((id) => !firstRun.includes(id));
    expect(replayed.length).toBeGreaterThan(0);
    expect(secondRun).toEqual(expect.arrayContaining(replayed));

    second.process.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });

  it('SIGTERM: stops taking requests, forwards what the spool holds, exits 0', async () => {
    const spool = path.join(await tempTree({}, 'trackplan-term-'), 'spool');
    upstream.respond = () => ({ status: 503 });
    upstream.accepted.length = 0;
    const served = await serve(spool);
    const acked = await sendUntil(served.url, 't', 2, (count) => count >= 50);
    await waitFor(() => upstream.seen > 0 && /failure 1;/.test(served.stderr()), 'a failed forward');
    upstream.respond = () => ({ status: 200 });
    served.process.kill('SIGTERM');
    expect(await served.exited).toEqual({ code: 0, signal: null });
    expect(served.stderr()).toMatch(/stopped; everything was delivered/);
    const delivered = upstream.messages().map((message) => String(message['messageId']));
    expect(new Set(delivered)).toEqual(acked);
    expect(delivered.length).toBe(acked.size);
  });
});
