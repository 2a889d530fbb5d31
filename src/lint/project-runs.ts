import path from 'node:path';
import { ts } from 'ts-morph';
import type { ProjectStats } from '../core/lint-results.js';
import { createLintProgram, foldersOf } from './program.js';
import { findProjectBoundary, ProjectFinder, type TsProject } from './projects.js';

/** One TypeScript project's part of a lint run. */
export interface ProjectRun {
  project: TsProject;
  /** Linted files it governs. */
  files: number;
  /** Files (display names) whose analytics calls were resolved with its options. */
  filesWithCalls: string[];
  /** Its type checker, while its files are being checked; dropped afterwards. */
  checker?: ts.TypeChecker;
  /** Whether a checker was ever built for it. */
  checkerStarted: boolean;
  moduleCache?: ts.ModuleResolutionCache;
}

/**
 * The projects of one lint run. Files are linted project by project; a project's program is built
 * on the first question only the checker can answer, over the files of that project that hold
 * calls, and is released when the project's files are done, so memory stays at the largest
 * package's program (plus the library typings all programs share).
 */
export class ProjectRuns {
  private readonly runs = new Map<TsProject, ProjectRun>();
  private readonly libraries = new Map<string, ts.SourceFile>();
  private readonly host: ts.ModuleResolutionHost;

  constructor(private readonly projectOf: (file: string) => TsProject, private readonly texts: ReadonlyMap<string, string>) {
    const folders = foldersOf(texts.keys());
    this.host = {
      fileExists: (file) => texts.has(path.resolve(file)) || ts.sys.fileExists(file),
      readFile: (file) => texts.get(path.resolve(file)) ?? ts.sys.readFile(file),
      directoryExists: (dir) => folders.has(path.resolve(dir)) || ts.sys.directoryExists(dir),
      realpath: (file) => (ts.sys.realpath ? ts.sys.realpath(file) : file),
      getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
    };
  }

  /** The run of the project that governs a file (absolute path). */
  of(file: string): ProjectRun {
    const project = this.projectOf(file);
    let run = this.runs.get(project);
    if (!run) {
      run = { project, files: 0, filesWithCalls: [], checkerStarted: false };
      this.runs.set(project, run);
    }
    return run;
  }

  /** Builds the checker of a project over its files that hold calls (`parsed`: their trees, reused). */
  startChecker(run: ProjectRun, rootNames: string[], parsed: ReadonlyMap<string, ts.SourceFile>): ts.TypeChecker {
    run.checkerStarted = true;
    run.checker = createLintProgram(rootNames, parsed, this.texts, run.project.options, this.libraries).getTypeChecker();
    return run.checker;
  }

  /**
   * The file a module specifier names, resolved as the containing file's project resolves it
   * (`paths`, `baseUrl`, package `exports`, workspace links), or undefined when it does not resolve.
   */
  resolveModule(specifier: string, containingFile: string): string | undefined {
    const run = this.of(containingFile);
    const { options } = run.project;
    run.moduleCache ??= ts.createModuleResolutionCache(this.host.getCurrentDirectory!(), (name) => name, options);
    const mode = ts.getImpliedNodeFormatForFile(containingFile, run.moduleCache.getPackageJsonInfoCache(), this.host, options);
    const resolved = ts.resolveModuleName(specifier, containingFile, options, this.host, run.moduleCache, undefined, mode).resolvedModule;
    return resolved ? path.resolve(resolved.resolvedFileName) : undefined;
  }

  /** Each project with its config (relative to `cwd` by `display`), sorted by config path; defaults first. */
  stats(display: (file: string) => string): ProjectStats[] {
    return [...this.runs.values()]
      .map((run) => ({
        tsconfig: run.project.tsconfig === undefined ? null : display(run.project.tsconfig),
        checker: run.checkerStarted,
        files: run.files,
        filesWithCalls: [...run.filesWithCalls].sort(),
      }))
      .sort((a, b) => compareText(a.tsconfig ?? '', b.tsconfig ?? ''));
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `resolveModule` for tools that read a code base without linting it (`--suggest-wrappers`): each
 * containing file's own project (nearest tsconfig/jsconfig up to the repository root), files in
 * `texts` seen as well as the disk.
 */
export function createProjectResolver(cwd: string, texts: ReadonlyMap<string, string>): (specifier: string, containingFile: string) => string | undefined {
  const finder = new ProjectFinder(findProjectBoundary(cwd), cwd);
  const runs = new ProjectRuns((file) => finder.projectOf(file), texts);
  return (specifier, containingFile) => runs.resolveModule(specifier, containingFile);
}
