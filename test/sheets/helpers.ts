import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Io } from '../../src/cli/io.js';

/** An Io that collects what a command prints, run in `cwd`. */
export function captureIo(cwd: string): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    cwd, color: false,
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    out: () => out,
    err: () => err,
  };
}

/** Every file below a folder, by relative path with `/`. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => (path.join(a.parentPath, a.name) < path.join(b.parentPath, b.name) ? -1 : 1))) {
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full).split(path.sep).join('/'), await readFile(full, 'utf8'));
  }
  return out;
}

/** The example plan of the repository, as files for `tempTree`. */
export async function examplePlanFiles(prefix = 'plans'): Promise<Record<string, string>> {
  const root = path.resolve(import.meta.dirname, '../../plans');
  const files = await readTree(root);
  return Object.fromEntries([...files].map(([name, text]) => [`${prefix}/${name}`, text]));
}
