import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { rm } from 'node:fs/promises';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';

/** The repository root: the example plan, examples/ and test fixtures live there. */
export const REPO = path.resolve(import.meta.dirname, '../..');

export function captureIo(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Runs `trackplan docs` with the given arguments into a fresh temp folder; returns the site folder. */
export async function buildSiteWithCli(cwd: string, args: readonly string[]): Promise<string> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'trackplan-site-')), 'site');
  made.push(path.dirname(out));
  const io = captureIo(cwd);
  const code = await runCli(['docs', '--out', out, ...args], io);
  if (code !== 0) throw new Error(`trackplan docs exited ${code}: ${io.err}`);
  return out;
}
