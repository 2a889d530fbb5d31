import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { expect } from 'vitest';
import { waitFor } from '../serve/helpers.js';

export { get, loadTestValidator, PLAN_DIR, post, startUpstream, waitFor, type Upstream } from '../serve/helpers.js';

/** The repository's own CLI (the built dist/: `npm test` builds it first). */
export const BIN = path.resolve(import.meta.dirname, '../../bin/trackplan.js');

export interface Child {
  process: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const spawned: ChildProcess[] = [];

/** Kills what a failed test left running. */
export function killChildren(): void {
  for (const proc of spawned) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
}

/** `trackplan serve` in a process of its own; resolves once it listens (or with the exit, if it fails to start). */
export async function spawnServe(args: string[], env: Record<string, string> = {}): Promise<Child> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  spawned.push(proc);
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await waitFor(() => /listening on (http:\/\/\S+?)[ ;]/.exec(stderr)?.[1] ?? (proc.exitCode !== null ? 'exited' : undefined), 'serve to listen or exit');
  return { process: proc, url, stderr: () => stderr, exited };
}

/** Runs the CLI to its end; stdin text optional. */
export function runBin(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    proc.on('exit', (code) => resolve({ code, stdout, stderr }));
    proc.stdin.end(options.input ?? '');
  });
}

/** Milliseconds a GET of `route` takes to be answered (any status). */
export async function timeGet(url: string, route = '/health'): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    http.get(`${url}${route}`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    }).on('error', reject);
  });
  return performance.now() - started;
}

/** Sends raw bytes on a new socket; resolves with everything the server sent back before closing. */
export function rawRequest(url: string, bytes: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(bytes));
    let text = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

export const identify = (messageId: string, traits: Record<string, unknown>) => ({ type: 'identify', userId: 'u', messageId, traits });
export const track = (messageId: string, event: string, properties: Record<string, unknown>) => ({ type: 'track', userId: 'u', messageId, event, properties });

export function expectStatus(status: number, expected: number): void {
  expect(status).toBe(expected);
}
