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
import { callNames } from './call-names.js';
import { collectBindings } from './file-bindings.js';
import { generatedModules } from './generated-names.js';
import type { TrackedCall } from './model.js';
import { parseSource, syntaxProblems } from './parse.js';
import { indexPlan } from './plan-index.js';
import { createLintProgram, defaultCompilerOptions } from './program.js';
import { resolveCall, type ResolveContext } from './resolve-call.js';
import { findRule } from './rules/index.js';
import { scanFile, type FileScan } from './scan-file.js';

export type { LintStats } from '../core/lint-results.js';

export interface SourceText {
  /** Absolute path. */
  file: string;
  text: string;
}

export interface LintSourcesOptions {
  plan: PlanIR;
  config: LintConfig;
  /** File names in diagnostics, source `paths` and the generated module are relative to this folder. */
  cwd: string;
  /** Ask the type checker about what the syntax cannot tell (default true). */
  typeCheck?: boolean;
  compilerOptions?: ts.CompilerOptions;
}

export interface LintResult extends LintReport {
  calls: TrackedCall[];
}

/** Lints source texts (already read) against a plan. The file system is touched only to resolve imports for the checker. */
export function lintSources(sources: readonly SourceText[], options: LintSourcesOptions): LintResult {
  const { plan, config, cwd } = options;
  const index = indexPlan(plan);
  const { functions: generated, modules: generatedModulePaths } = generatedModules(plan, path.resolve(cwd, config.generated));
  const { methodNames, functionNames, prefilter } = callNames(config, generated, generatedModulePaths);
  const display = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || file;

  const diagnostics: Diagnostic[] = [];
  const typeCheck = options.typeCheck !== false;
  const texts = new Map(sources.map((s) => [path.resolve(s.file), s.text]));
  // The scanned files that hold candidate calls; with the checker they wait for it, with their ASTs.
  const scans: FileScan[] = [];
  const parsed = new Map<string, ts.SourceFile>();
  const calls: TrackedCall[] = [];
  let parsedCount = 0;

  let checker: ts.TypeChecker | undefined;
  const getChecker = () => {
    if (!typeCheck) return undefined;
    checker ??= createLintProgram(scans.map((s) => s.absolute), parsed, texts, options.compilerOptions ?? defaultCompilerOptions()).getTypeChecker();
    return checker;
  };
  // Files the checker led to; the linted files are their own scans. Without the checker nothing
  // is kept: each file's tree is dropped as soon as its calls are checked.
  const bindingsCache = new Map<ts.SourceFile, FileBindings>();
  let current: FileScan | undefined;
  const evaluator = new Evaluator({
    bindings: (sourceFile) => {
      if (current?.sourceFile === sourceFile) return current;
      let bindings = bindingsCache.get(sourceFile);
      if (!bindings) {
        bindings = collectBindings(sourceFile, display(sourceFile.fileName));
        bindingsCache.set(sourceFile, bindings);
      }
      return bindings;
    },
    checker: getChecker,
  });
  const context: ResolveContext = {
    receivers: new Set(config.receivers),
    wrappers: config.calls,
    generated,
    generatedModules: generatedModulePaths,
    checker: getChecker,
    evaluator,
  };
  const checkScan = (scan: FileScan) => {
    current = scan;
    const fileCalls: TrackedCall[] = [];
    const sourceIds = index.sourcesOf(scan.file);
    for (const node of scan.calls) {
      const layout = resolveCall(scan, node, context);
      if (layout) fileCalls.push(extractCall(scan, node, layout, evaluator, sourceIds));
    }
    calls.push(...fileCalls);
    diagnostics.push(...checkCalls(fileCalls, scan.ignores, index, config.rules));
    current = undefined;
  };

  const syntaxRule = findRule('syntax-error')!;
  for (const source of sources) {
    // The generated modules call the SDK with whatever their callers pass: their callers are what is linted.
    if (generatedModulePaths.has(path.resolve(source.file).replace(/(?:\.d)?\.[cm]?[jt]sx?$/, ''))) continue;
    if (!prefilter.test(source.text)) continue;
    const sourceFile = parseSource(source.file, source.text);
    parsedCount++;
    const file = display(source.file);
    const problems = syntaxProblems(sourceFile);
    if (problems.length > 0) {
      const first = problems[0]!;
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
      const location = { file, line: line + 1, column: character + 1, endLine: line + 1, endColumn: character + 1 };
      const diagnostic = ruleDiagnostic(syntaxRule, 'syntaxError', location, { detail: first.message }, config.rules);
      if (diagnostic) diagnostics.push(diagnostic);
      continue;
    }
    const scan = scanFile(sourceFile, file, path.resolve(source.file), {
      methodNames, functionNames, generatedModules: generatedModulePaths, candidates: prefilter.positions(source.text),
    });
    if (scan.calls.length === 0) continue;
    if (!typeCheck) {
      checkScan(scan);
      continue;
    }
    bindingsCache.set(sourceFile, scan);
    parsed.set(scan.absolute, sourceFile);
    scans.push(scan);
  }
  for (const scan of scans) checkScan(scan);
  const withFindings = new Set(diagnostics.map((d) => (d.location && 'file' in d.location ? d.location.file : '')));
  const findingTexts = new Map<string, string>();
  for (const source of sources) {
    const file = display(source.file);
    if (withFindings.has(file)) findingTexts.set(file, source.text);
  }
  return {
    texts: findingTexts,
    diagnostics: sortDiagnostics(diagnostics),
    calls,
    coverage: computeCoverage(plan, index, calls),
    stats: { files: sources.length, parsed: parsedCount, calls: calls.length, checker: checker !== undefined },
  };
}
