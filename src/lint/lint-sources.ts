import path from 'node:path';
import { ts } from 'ts-morph';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import type { PlanIR } from '../core/ir.js';
import type { LintReport } from '../core/lint-results.js';
import { checkCalls, ruleDiagnostic } from './apply-rules.js';
import type { LintConfig } from './config.js';
import { computeCoverage } from './coverage.js';
import { Evaluator, type FileBindings } from './evaluate.js';
import { extractCall } from './extract-call.js';
import { callNames, type CallNames } from './call-names.js';
import { collectBindings } from './file-bindings.js';
import { generatedModules } from './generated-names.js';
import type { TrackedCall } from './model.js';
import { parseSource, syntaxProblems } from './parse.js';
import { indexPlan, type PlanIndex } from './plan-index.js';
import { defaultCompilerOptions } from './program.js';
import { ProjectRuns, type ProjectRun } from './project-runs.js';
import type { TsProject } from './projects.js';
import { resolveCall, type ResolveContext } from './resolve-call.js';
import { findRule } from './rules/index.js';
import { scanFile, type FileScan } from './scan-file.js';
import type { SdkForm } from './sdk.js';

export type { LintStats } from '../core/lint-results.js';

/** One source file in memory. */
export interface SourceText {
  /** Absolute path. */
  file: string;
  /** Its text. */
  text: string;
}

/** Options of `lintSources`. */
export interface LintSourcesOptions {
  /** The plan to lint against. */
  plan: PlanIR;
  /** The lint settings. */
  config: LintConfig;
  /** File names in diagnostics, source `paths` and the generated module are relative to this folder. */
  cwd: string;
  /** Ask the type checker about what the syntax cannot tell (default true). */
  typeCheck?: boolean;
  /** Compiler options for the type checker when `projectOf` is not given (default: strict ES2022). */
  compilerOptions?: ts.CompilerOptions;
  /**
   * The TypeScript project of each file (absolute path): its compiler options resolve the file's
   * imports. Files of one project share one checker. Default: one project of `compilerOptions`.
   */
  projectOf?: (file: string) => TsProject;
  /** At most this many files with calls share one type-checker program (default 200): memory stays bounded in a large package. */
  checkerBatch?: number;
}

export interface LintResult extends LintReport {
  calls: TrackedCall[];
}

/** Lints source texts (already read) against a plan. The file system is touched only to resolve imports for the checker. */
export function lintSources(sources: readonly SourceText[], options: LintSourcesOptions): LintResult {
  const run = startRun(sources, options);
  for (const [project, group] of groupByProject(sources, run.projects)) lintProjectFiles(run, project, group);
  return finishRun(run, sources);
}

/**
 * Files with calls that wait for one program at most: a package of thousands of such files gets
 * a program per batch (each with the imports of its files), so memory does not grow with its size.
 */
const CHECKER_BATCH = 200;

/**
 * Lints the files of one project. Project by project (and batch by batch), so that only one
 * program and the trees of the files that wait for it live at a time.
 */
function lintProjectFiles(run: LintRun, project: ProjectRun, sources: readonly SourceText[]): void {
  run.project = project;
  for (const source of sources) {
    scanSource(run, source);
    if (run.waiting.length >= (run.options.checkerBatch ?? CHECKER_BATCH)) checkWaiting(run, project);
  }
  checkWaiting(run, project);
}

/** Checks the scans that waited for the checker, then lets go of their trees and of the program. */
function checkWaiting(run: LintRun, project: ProjectRun): void {
  for (const scan of run.waiting) run.checkScan(scan);
  delete project.checker;
  run.waiting = [];
  run.parsed.clear();
  run.bindingsCache.clear();
}

function groupByProject(sources: readonly SourceText[], projects: ProjectRuns): Map<ProjectRun, SourceText[]> {
  const groups = new Map<ProjectRun, SourceText[]>();
  for (const source of sources) {
    const project = projects.of(path.resolve(source.file));
    project.files++;
    const group = groups.get(project);
    if (group) group.push(source);
    else groups.set(project, [source]);
  }
  return groups;
}

/** The state of one lint run: the plan's index, the names to look for, and what was found so far. */
interface LintRun {
  options: LintSourcesOptions;
  index: PlanIndex;
  names: CallNames;
  generatedModulePaths: ReadonlyMap<string, SdkForm>;
  display: (file: string) => string;
  diagnostics: Diagnostic[];
  calls: TrackedCall[];
  projects: ProjectRuns;
  /** The project whose files are being linted. */
  project?: ProjectRun;
  /** Scans whose calls need the checker wait for it (with their trees) until their batch is full or their project done. */
  waiting: FileScan[];
  parsed: Map<string, ts.SourceFile>;
  bindingsCache: Map<ts.SourceFile, FileBindings>;
  parsedCount: number;
  /**
   * Resolves and checks the calls of one scan. With `syntaxOnly`, the checker is not started:
   * when a call asks for it, nothing is kept and false is returned (the scan must wait for it).
   */
  checkScan: (scan: FileScan, syntaxOnly?: boolean) => boolean;
}

function startRun(sources: readonly SourceText[], options: LintSourcesOptions): LintRun {
  const { plan, config, cwd } = options;
  const index = indexPlan(plan);
  const { functions: generated, modules: generatedModulePaths } = generatedModules(plan, path.resolve(cwd, config.generated));
  const texts = new Map(sources.map((s) => [path.resolve(s.file), s.text]));
  const single: TsProject = { options: options.compilerOptions ?? defaultCompilerOptions() };
  const projects = new ProjectRuns(options.projectOf ?? (() => single), texts);
  const run: LintRun = {
    options, index, generatedModulePaths, projects,
    names: callNames(config, generated, generatedModulePaths),
    display: (file) => path.relative(cwd, file).split(path.sep).join('/') || file,
    diagnostics: [], calls: [], waiting: [], parsed: new Map(), bindingsCache: new Map(), parsedCount: 0,
    checkScan: () => true,
  };
  let syntaxOnly = false;
  let checkerAsked = false;
  // The checker of the project being linted: every node the evaluator and resolver ask about
  // belongs to that project's program (imported files included).
  const getChecker = () => {
    const project = run.project;
    if (options.typeCheck === false || !project) return undefined;
    if (syntaxOnly) {
      checkerAsked = true;
      return undefined;
    }
    return project.checker ?? projects.startChecker(project, run.waiting.map((s) => s.absolute), run.parsed);
  };
  let current: FileScan | undefined;
  const evaluator = new Evaluator({ bindings: (sourceFile) => (current?.sourceFile === sourceFile ? current : bindingsOf(run, sourceFile)), checker: getChecker });
  const context: ResolveContext = {
    receivers: new Set(config.receivers), wrappers: config.calls, generated, generatedModules: generatedModulePaths, checker: getChecker, evaluator,
    resolveModule: (specifier, containingFile) => projects.resolveModule(specifier, containingFile), cwd: path.resolve(cwd),
  };
  run.checkScan = (scan, onlySyntax = false) => {
    current = scan;
    syntaxOnly = onlySyntax;
    checkerAsked = false;
    const fileCalls = resolveCalls(scan, context, evaluator, index.sourcesOf(scan.file));
    current = undefined;
    syntaxOnly = false;
    if (checkerAsked) return false;
    run.calls.push(...fileCalls);
    if (fileCalls.length > 0) run.project?.filesWithCalls.push(scan.file);
    run.diagnostics.push(...checkCalls(fileCalls, scan.ignores, index, config.rules));
    return true;
  };
  return run;
}

/**
 * Bindings of a file the checker led to (the linted files are their own scans). Without the
 * checker nothing is kept: each file's tree is dropped as soon as its calls are checked.
 */
function bindingsOf(run: LintRun, sourceFile: ts.SourceFile): FileBindings {
  let bindings = run.bindingsCache.get(sourceFile);
  if (!bindings) {
    bindings = collectBindings(sourceFile, run.display(sourceFile.fileName));
    run.bindingsCache.set(sourceFile, bindings);
  }
  return bindings;
}

function resolveCalls(scan: FileScan, context: ResolveContext, evaluator: Evaluator, sourceIds: string[]): TrackedCall[] {
  const calls: TrackedCall[] = [];
  for (const node of scan.calls) {
    const layout = resolveCall(scan, node, context);
    if (layout) calls.push(extractCall(scan, node, layout, evaluator, sourceIds));
  }
  return calls;
}

/** Parses and scans one file that may hold calls; checks it now, or keeps it for the checker. */
function scanSource(run: LintRun, source: SourceText): void {
  // The generated modules call the SDK with whatever their callers pass: their callers are what is linted.
  if (run.generatedModulePaths.has(path.resolve(source.file).replace(/(?:\.d)?\.[cm]?[jt]sx?$/, ''))) return;
  if (!run.names.prefilter.test(source.text)) return;
  const sourceFile = parseSource(source.file, source.text);
  run.parsedCount++;
  const file = run.display(source.file);
  if (reportSyntaxError(run, sourceFile, file)) return;
  const { methodNames, functionNames, prefilter } = run.names;
  const scan = scanFile(sourceFile, file, path.resolve(source.file), {
    methodNames, functionNames, generatedModules: run.generatedModulePaths, candidates: prefilter.positions(source.text),
  });
  if (scan.calls.length === 0) return;
  // A file whose calls the syntax resolves is done now, its tree dropped; only the files whose
  // calls need the checker become the roots of a program.
  if (run.checkScan(scan, true)) return;
  run.bindingsCache.set(sourceFile, scan);
  run.parsed.set(scan.absolute, sourceFile);
  run.waiting.push(scan);
}

/** A file that does not parse gets one syntax-error finding at its first problem, and no call checks. */
function reportSyntaxError(run: LintRun, sourceFile: ts.SourceFile, file: string): boolean {
  const problems = syntaxProblems(sourceFile);
  if (problems.length === 0) return false;
  const first = problems[0]!;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
  const location = { file, line: line + 1, column: character + 1, endLine: line + 1, endColumn: character + 1 };
  const diagnostic = ruleDiagnostic(findRule('syntax-error')!, 'syntaxError', location, { detail: first.message }, run.options.config.rules);
  if (diagnostic) run.diagnostics.push(diagnostic);
  return true;
}

function finishRun(run: LintRun, sources: readonly SourceText[]): LintResult {
  const withFindings = new Set(run.diagnostics.flatMap((d) => [d.location, ...(d.related ?? [])]).map((l) => (l && 'file' in l ? l.file : '')));
  const texts = new Map<string, string>();
  for (const source of sources) {
    const file = run.display(source.file);
    if (withFindings.has(file)) texts.set(file, source.text);
  }
  // Projects are linted in turn: calls go back to the order of the files.
  const order = new Map(sources.map((source, i) => [run.display(source.file), i]));
  const calls = run.calls.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  const projects = run.projects.stats(run.display);
  return {
    texts,
    diagnostics: sortDiagnostics(run.diagnostics),
    calls,
    coverage: computeCoverage(run.options.plan, run.index, calls),
    stats: { files: sources.length, parsed: run.parsedCount, calls: calls.length, checker: projects.some((p) => p.checker), projects },
  };
}
