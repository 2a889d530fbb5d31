import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';

export const SOURCE_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

export interface ListedFiles {
  files: string[];
  /** Paths given that do not exist. */
  missing: string[];
}

interface GitIgnore {
  dir: string;
  rules: Ignore;
}

/**
 * The source files under the given paths: node_modules and declaration files skipped, files that
 * a .gitignore (in the folder, below it, or above it up to the repository root) or an `ignore`
 * glob excludes left out. A file or folder named explicitly is linted even when ignored.
 */
export async function listSourceFiles(paths: readonly string[], cwd: string, ignoreGlobs: readonly string[]): Promise<ListedFiles> {
  const files = new Set<string>();
  const missing: string[] = [];
  const excluded = ignoreGlobs.length > 0 ? picomatch([...ignoreGlobs], { dot: true }) : undefined;
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      missing.push(given);
      continue;
    }
    if (info.isFile()) {
      if (SOURCE_FILE.test(absolute) && !absolute.split(path.sep).includes('node_modules')) files.add(absolute);
      continue;
    }
    const found = await glob(SOURCE_EXTENSIONS.map((ext) => `**/*.${ext}`), {
      cwd: absolute,
      absolute: true,
      ignore: ['**/node_modules/**', '**/.git/**'],
      followSymbolicLinks: false,
    });
    const gitignores = await readGitIgnores(absolute);
    for (const file of found) {
      const normalized = path.resolve(file);
      if (DECLARATION_FILE.test(normalized) || isGitIgnored(gitignores, normalized)) continue;
      if (excluded?.(toPosix(path.relative(cwd, normalized)))) continue;
      files.add(normalized);
    }
  }
  return { files: [...files].sort(), missing };
}

function isGitIgnored(gitignores: GitIgnore[], file: string): boolean {
  return gitignores.some(({ dir, rules }) => {
    const relative = path.relative(dir, file);
    return !relative.startsWith('..') && !path.isAbsolute(relative) && rules.ignores(toPosix(relative));
  });
}

/** .gitignore files of the folder, of its subfolders, and of the folders above it up to the repository root. */
async function readGitIgnores(dir: string): Promise<GitIgnore[]> {
  const dirs: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    dirs.push(current);
    if (existsSync(path.join(current, '.git')) || path.dirname(current) === current) break;
  }
  const below = await glob(['**/.gitignore'], { cwd: dir, absolute: true, dot: true, ignore: ['**/node_modules/**', '**/.git/**'] });
  const candidates = [...dirs.map((d) => path.join(d, '.gitignore')), ...below.map((f) => path.resolve(f))];
  const out: GitIgnore[] = [];
  for (const file of new Set(candidates)) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const gitignore = { dir: path.dirname(file), rules: ignore().add(text) };
    // A folder named explicitly is linted even when a .gitignore above it leaves it out.
    const self = toPosix(path.relative(gitignore.dir, dir));
    if (self !== '' && !self.startsWith('..') && gitignore.rules.ignores(`${self}/`)) continue;
    out.push(gitignore);
  }
  return out;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
