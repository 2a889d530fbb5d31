import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const created: string[] = [];

/** Removes every folder made by `tempTree` / `tempDir` so far (test/setup.ts calls it after each test file). */
export async function removeTempTrees(): Promise<void> {
  const dirs = created.splice(0);
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A fresh empty temp folder, removed after the test file. */
export async function tempDir(prefix = 'trackplan-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A fresh temp folder holding the given files (relative path -> content), removed after the test file. */
export async function tempTree(files: Record<string, string>, prefix = 'trackplan-'): Promise<string> {
  const dir = await tempDir(prefix);
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return dir;
}
