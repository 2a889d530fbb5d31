import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { LintConfig } from './config.js';
import { listSourceFiles } from './list-files.js';
import { createProjectResolver } from './project-runs.js';
import { createAliasFinder } from './suggest-from.js';
import { suggestWrappers, type SuggestWrappersResult } from './suggest-wrappers.js';

/** Options of `suggestWrappersInProject`. */
export interface SuggestProjectOptions {
  /** Files or folders to look at, relative to `cwd` (default `.`). */
  paths?: string[];
  /** The project folder: paths, file names and `from:` paths are relative to it. */
  cwd: string;
  /** Receivers and ignores of the plan's lint settings. */
  config: Pick<LintConfig, 'receivers' | 'ignore'>;
}

/** `trackplan lint --suggest-wrappers` as a library call: lists and reads the files, then finds wrappers. */
export async function suggestWrappersInProject(options: SuggestProjectOptions): Promise<SuggestWrappersResult> {
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const { files, missing } = await listSourceFiles(paths, options.cwd, options.config.ignore);
  if (missing.length > 0) throw new ConfigError(`not found: ${missing.join(', ')} (expected files or folders to look at)`);
  const sources = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const texts = new Map(sources.map((s) => [path.resolve(s.file), s.text]));
  // Each file resolves imports with its own project's options (its `paths` aliases).
  const resolveModule = createProjectResolver(options.cwd, texts);
  const aliasOf = createAliasFinder(sources, { resolveModule, packageNameOf: (file) => packageNameOf(file, options.cwd) });
  return suggestWrappers(sources, { cwd: options.cwd, receivers: options.config.receivers, resolveModule, aliasOf });
}

/** The `name` of the nearest package.json above a file, up to the working directory. */
function packageNameOf(file: string, cwd: string): string | undefined {
  const stop = path.resolve(cwd);
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
        return typeof name === 'string' ? name : undefined;
      } catch (error) {
        // A package.json that does not parse names no package; it is not ours to report here.
        if (error instanceof SyntaxError) return undefined;
        throw error;
      }
    }
    if (dir === stop || dir === path.dirname(dir)) return undefined;
  }
}
