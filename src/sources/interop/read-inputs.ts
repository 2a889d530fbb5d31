import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InteropInputError } from './errors.js';
import type { InputFile } from './types.js';

/**
 * Reads the inputs of `trackplan import`: each path a file, or a folder read whole (a rudder-cli
 * project, an Iglu registry), skipping dot-folders and node_modules. Paths in every location are
 * relative to `cwd`, with `/`, in a stable order.
 */
export async function readInputs(paths: readonly string[], cwd: string): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new InteropInputError(given, 'no such file or folder');
    const files = info.isDirectory() ? await listFiles(absolute) : [absolute];
    if (files.length === 0) throw new InteropInputError(given, 'the folder has no files');
    for (const file of files) {
      const display = path.relative(cwd, file).split(path.sep).join('/') || file;
      out.push({ path: display, text: await readFile(file, 'utf8') });
    }
  }
  return out;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort();
}
