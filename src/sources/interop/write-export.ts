import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { replaceFolder } from '../replace-folder.js';

/**
 * Writes an export without ever leaving it half-written: one file goes to a temp file beside
 * the target and is renamed over it; a folder is assembled beside the target (carrying over the
 * files the export does not write) and swapped in with two renames.
 */
export async function writeExport(out: string, files: ReadonlyMap<string, string>, kind: 'file' | 'folder', cwd: string): Promise<void> {
  const target = path.resolve(cwd, out);
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  await mkdir(path.dirname(target), { recursive: true });
  if (kind === 'file') {
    const [content] = [...files.values()];
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${suffix}`);
    try {
      await writeFile(temp, content ?? '');
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
    return;
  }
  if (path.relative(target, path.resolve(cwd)).split(path.sep)[0] !== '..') {
    throw new ConfigError(`--out ${out} is the current folder or one of its parents; export into a folder of its own`);
  }
  await replaceFolder(target, async (temp, exists) => {
    if (exists) await cp(target, temp, { recursive: true });
    for (const [relative, content] of files) {
      await mkdir(path.dirname(path.join(temp, relative)), { recursive: true });
      await writeFile(path.join(temp, relative), content);
    }
  });
}
