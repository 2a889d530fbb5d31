import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/temp.js';
import { BIN, killChildren, post, runBin, spawnServe, timeGet, track } from './helpers.js';

afterAll(() => killChildren());

const REDOS_PLAN = `trackplan: 1
id: redos
name: ReDoS
version: 1.0.0
sources:
  web: { name: Web, sdk: rudderstack-js }
events:
  Coupon Applied:
    description: A coupon was applied.
    properties:
      code: { type: string, pattern: '^(a+)+$' }
`;
/** 37 bytes that take a backtracking engine minutes on ^(a+)+$. */
const ATTACK = `${'a'.repeat(36)}!`;
const attackEvent = JSON.stringify(track('attack-1', 'Coupon Applied', { code: ATTACK }));

// Defect 5: `check` reported redos-pattern, but build, validate and serve accepted the plan, and a
// 37-byte value hung validate and blocked serve entirely (health and SIGTERM included).
describe('a ReDoS-prone pattern', () => {
  it.each([
    ['build', ['build', '--plan', 'plans', '--out', 'generated']],
    ['validate', ['validate', 'events.ndjson', '--plan', 'plans']],
    ['serve', ['serve', '--plan', 'plans', '--port', '0']],
  ])('%s refuses the plan with the located error of check (exit 2)', async (_command, args) => {
    const dir = await tempTree({ 'plans/plan.yaml': REDOS_PLAN, 'events.ndjson': `${attackEvent}\n` });
    const check = await runBin(['check', '--plan', 'plans', '--format', 'json'], { cwd: dir });
    const located = (JSON.parse(check.stdout) as { diagnostics: { ruleId: string; file: string; line: number; column: number }[] }).diagnostics
      .filter((d) => d.ruleId === 'redos-pattern').map((d) => `${d.file}:${d.line}:${d.column}`);
    expect(located).toEqual(['plans/plan.yaml:11:7']);
    const run = await runBin(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plans/plan.yaml:11:7');
    expect(run.stderr).toContain('redos-pattern');
    expect(run.stderr).toContain('--allow-unsafe-patterns');
  });

  it('validate --allow-unsafe-patterns runs it on the linear-time engine: the attack value takes milliseconds', async () => {
    const dir = await tempTree({ 'plans/plan.yaml': REDOS_PLAN, 'events.ndjson': `${attackEvent}\n`.repeat(100) });
    const started = performance.now();
    const run = await runBin(['validate', 'events.ndjson', '--plan', 'plans', '--format', 'json', '--allow-unsafe-patterns'], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(100);
  });

  it('serve --allow-unsafe-patterns answers the attack and a canary at once', async () => {
    const dir = await tempTree({ 'plans/plan.yaml': REDOS_PLAN });
    const served = await spawnServe(['--plan', path.join(dir, 'plans'), '--allow-unsafe-patterns']);
    try {
      // Warm: the first request of a process compiles the code on its path.
      await post(served.url, '/v1/track', attackEvent);
      await timeGet(served.url);
      const replies = Promise.all(Array.from({ length: 20 }, () => post(served.url, '/v1/track', attackEvent)));
      expect(await timeGet(served.url)).toBeLessThan(100);
      expect((await replies).every((reply) => reply.status === 200)).toBe(true);
    } finally {
      served.process.kill('SIGTERM');
      expect((await served.exited).code).toBe(0);
    }
  });
});

const PLAN = `trackplan: 1
id: v
name: V
version: 1.0.0
sources:
  web: { name: Web, sdk: rudderstack-js }
events:
  Signed Up:
    description: A user signed up.
    properties:
      method: { type: string }
`;
const event = (i: number) => JSON.stringify(track(`e-${i}`, 'Signed Up', { method: i % 2 ? 'email' : 'x' }));

// Defects 6 and 13: `--out` renamed over whatever was there (as root, /dev/null became a regular
// file; the input file was replaced by the passing events); Ctrl-C left the temp file; gzip on
// stdin was judged from the first read alone.
describe('validate --out', () => {
  it('refuses the input file as --out, leaving it as it was', async () => {
    const dir = await tempTree({ 'plans/plan.yaml': PLAN, 'events.ndjson': `${event(1)}\nnot json\n` });
    const run = await runBin(['validate', 'events.ndjson', '--plan', 'plans', '--out', './events.ndjson'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('it is the input file');
    expect(await readFile(path.join(dir, 'events.ndjson'), 'utf8')).toBe(`${event(1)}\nnot json\n`);
  });

  it('writes to a device directly: /dev/null stays a character device', async () => {
    const dir = await tempTree({ 'plans/plan.yaml': PLAN, 'events.ndjson': `${event(1)}\n` });
    const run = await runBin(['validate', 'events.ndjson', '--plan', 'plans', '--out', '/dev/null'], { cwd: dir });
    expect(run.code).toBe(0);
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('writes to a named pipe directly', async () => {
    const dir = await tempTree({ 'plans/plan.yaml': PLAN, 'events.ndjson': `${event(1)}\n${event(3)}\n` });
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reading = new Promise<string>((resolve) => {
      const cat = spawn('cat', [fifo]);
      let text = '';
      cat.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      cat.on('exit', () => resolve(text));
    });
    const run = await runBin(['validate', 'events.ndjson', '--plan', 'plans', '--out', fifo], { cwd: dir });
    expect(run.code).toBe(0);
    expect(await reading).toBe(`${event(1)}\n${event(3)}\n`);
    expect((await stat(fifo)).isFIFO()).toBe(true);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('removes its temp file on %s, and leaves the target alone', async (signal) => {
    const dir = await tempTree({ 'plans/plan.yaml': PLAN, 'good.ndjson': 'before\n' });
    const proc = spawn(process.execPath, [BIN, 'validate', '-', '--plan', 'plans', '--out', 'good.ndjson'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
    // Events keep coming (stdin stays open): the run is mid-way when the signal arrives.
    proc.stdin.write(`${Array.from({ length: 2000 }, (_, i) => event(i)).join('\n')}\n`);
    const temp = async () => (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
    for (let i = 0; i < 500 && (await temp()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await temp()).toHaveLength(1);
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.kill(signal);
    expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(await temp()).toEqual([]);
    expect(await readFile(path.join(dir, 'good.ndjson'), 'utf8')).toBe('before\n');
  });

  it('recognizes gzip on stdin when the first read holds one byte', async () => {
    const dir = await tempTree({ 'plans/plan.yaml': PLAN });
    const gz = gzipSync(`${Array.from({ length: 25 }, (_, i) => event(i)).join('\n')}\n`);
    const proc = spawn(process.execPath, [BIN, 'validate', '-', '--plan', 'plans', '--format', 'json'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.stdin.write(gz.subarray(0, 1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    proc.stdin.end(gz.subarray(1));
    expect(await exited).toBe(0);
    expect(stderr).toContain('25 events, 0 with violations');
    await writeFile(path.join(dir, 'unused'), '');
  });
});
