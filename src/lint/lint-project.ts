import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { PlanIR } from '../core/ir.js';
import type { LintConfig } from './config.js';
import { lintSources, type LintResult } from './lint-sources.js';
import { listSourceFiles } from './list-files.js';
import { findProjectBoundary, ProjectFinder, type TsProject } from './projects.js';

/** Options of `lintProject`: the plan, the lint config and the project folder. */
export interface LintProjectOptions {
  /** The plan to lint against. */
  plan: PlanIR;
  /** The lint settings (see `defaultLintConfig`). */
  config: LintConfig;
  /** Files or folders to lint, relative to `cwd` (default: `.`). */
  paths?: string[];
  /** The project folder: paths and file names are relative to it. */
  cwd: string;
  /** Ask the type checker about what the syntax cannot tell (default true). */
  typeCheck?: boolean;
  /**
   * One tsconfig.json (or jsconfig.json) whose compiler options (paths, jsx, ...) every file is
   * checked with; default: each file's own project, the nearest config above it (its references followed).
   */
  tsconfig?: string;
}

/** `trackplan lint` as a library call: lists and reads the files, then lints them against the plan. */
export async function lintProject(options: LintProjectOptions): Promise<LintResult> {
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const { files, missing } = await listSourceFiles(paths, options.cwd, options.config.ignore);
  if (missing.length > 0) throw new ConfigError(`not found: ${missing.join(', ')} (expected files or folders to lint)`);
  // Synchronous reads: for thousands of small files they take a fraction of the time of as many
  // concurrent promises through the thread pool.
  const sources = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  return lintSources(sources, {
    plan: options.plan,
    config: options.config,
    cwd: options.cwd,
    ...(options.typeCheck !== undefined ? { typeCheck: options.typeCheck } : {}),
    projectOf: findProjects(options),
  });
}

/** Each file's project from the file system; or, with `tsconfig`, that one for every file. */
function findProjects(options: LintProjectOptions): (file: string) => TsProject {
  const finder = new ProjectFinder(findProjectBoundary(options.cwd), options.cwd);
  if (options.tsconfig === undefined) return (file) => finder.projectOf(file);
  const tsconfig = path.resolve(options.cwd, options.tsconfig);
  if (!existsSync(tsconfig)) throw new ConfigError(`tsconfig not found: ${options.tsconfig}`);
  const project = finder.readProject(tsconfig);
  return () => project;
}
