import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { replaceFolder } from '../replace-folder.js';

const PLAN_FILE = /\.ya?ml$/i;

export interface FolderChanges {
  /** Files whose content changes (or that are new). */
  changed: string[];
  /** Plan files in the folder that the new plan no longer has. */
  removed: string[];
}

/** What writing `files` into `dir` would change, without writing. */
export async function diffPlanFolder(dir: string, files: ReadonlyMap<string, string>): Promise<FolderChanges> {
  const existing = await listPlanFiles(dir);
  const changed: string[] = [];
  for (const [relative, content] of files) {
    const current = await readFile(path.join(dir, relative), 'utf8').catch(() => undefined);
    if (current !== content) changed.push(relative);
  }
  return { changed: changed.sort(), removed: existing.filter((f) => !files.has(f)).sort() };
}

/**
 * Replaces the plan files of a folder all at once: the new folder is assembled beside the old
 * one (with everything that is not a plan file carried over), then two renames swap them. A
 * failure leaves the old folder as it was; nothing is ever half-written.
 */
export async function writePlanFolder(dir: string, files: ReadonlyMap<string, string>, cwd: string): Promise<FolderChanges> {
  const target = path.resolve(dir);
  if (path.relative(target, path.resolve(cwd)).split(path.sep)[0] !== '..') {
    throw new ConfigError(`--out ${path.relative(cwd, target) || '.'} is the current folder or one of its parents; pull into a plan folder such as plans/`);
  }
  const changes = await diffPlanFolder(target, files);
  await replaceFolder(target, async (temp, exists) => {
    if (exists) await cp(target, temp, { recursive: true, filter: (source) => !isPlanFile(target, source) });
    for (const [relative, content] of files) {
      await mkdir(path.dirname(path.join(temp, relative)), { recursive: true });
      await writeFile(path.join(temp, relative), content);
    }
  });
  return changes;
}

/** The files `loadPlan` reads: `*.yaml` outside dot-folders and node_modules. */
function isPlanFile(root: string, file: string): boolean {
  const parts = path.relative(root, file).split(path.sep);
  return PLAN_FILE.test(file) && !parts.some((part) => part.startsWith('.') || part === 'node_modules');
}

async function listPlanFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && isPlanFile(dir, path.join(e.parentPath, e.name)))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}
