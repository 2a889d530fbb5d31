import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GENERATED_MARKER } from '../core/compile-schema.js';
import { ConfigError } from '../core/errors.js';
import { replaceFolder } from './replace-folder.js';

export { GENERATED_MARKER } from '../core/compile-schema.js';

export interface OutputCheck {
  /** Files whose content differs from what the plan compiles to, or that are missing. */
  stale: string[];
  /** Generated files on disk that the plan no longer produces. */
  extra: string[];
}

/** Compares the output folder with what the plan compiles to, without writing anything. */
export async function checkOutput(outDir: string, files: ReadonlyMap<string, string>): Promise<OutputCheck> {
  const stale: string[] = [];
  for (const [relative, content] of files) {
    const current = await readFile(path.join(outDir, relative), 'utf8').catch(() => undefined);
    if (current !== content) stale.push(relative);
  }
  const existing = await listGenerated(outDir);
  const extra = existing.filter((relative) => !files.has(relative));
  return { stale: stale.sort(), extra: extra.sort() };
}

/**
 * Writes the output folder all at once: everything goes to a sibling temp folder first, hand-written
 * files of the old folder are carried over, then two renames swap the folders. A failure leaves the
 * old folder as it was.
 */
export async function writeOutput(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  await replaceFolder(outDir, async (temp, exists) => {
    for (const [relative, content] of files) {
      const target = path.join(temp, relative);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    if (exists) await carryOverHandWritten(outDir, temp, files);
  });
}

/** Copies the files of the old folder that trackplan did not write; refuses to overwrite one. */
async function carryOverHandWritten(outDir: string, temp: string, files: ReadonlyMap<string, string>): Promise<void> {
  for (const relative of await listFiles(outDir)) {
    const content = await readFile(path.join(outDir, relative));
    if (content.includes(GENERATED_MARKER)) continue;
    if (files.has(relative)) {
      throw new ConfigError(`${path.join(outDir, relative)} was not written by trackplan and would be overwritten; move it away`);
    }
    await mkdir(path.dirname(path.join(temp, relative)), { recursive: true });
    await writeFile(path.join(temp, relative), content);
  }
}

async function listGenerated(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const relative of await listFiles(dir)) {
    const content = await readFile(path.join(dir, relative), 'utf8');
    if (content.includes(GENERATED_MARKER)) out.push(relative);
  }
  return out;
}

/** Relative paths (with `/`) of all files below a folder; none when it does not exist. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
