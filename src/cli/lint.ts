import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { hasErrors } from '../core/diagnostics.js';
import { ConfigError } from '../core/errors.js';
import { parseCallSpec } from '../lint/call-spec.js';
import { mergeLintConfig } from '../lint/config.js';
import { lintProject } from '../lint/lint-project.js';
import type { LintResult } from '../lint/lint-sources.js';
import { isValidCallee, readLintConfig } from '../lint/read-config.js';
import { LINT_RULES } from '../lint/rules/index.js';
import { formatPretty, summarize } from '../report/diagnostics.js';
import { findReporter } from '../report/reporter.js';
import { LINT_REPORTERS } from '../report/reporters.js';
import { loadPlan } from '../sources/load-plan.js';
import { EXIT, formatOption, outputOption, type ExitCode, type Io } from './io.js';
import { integerOption } from './options.js';

/** A `--format` of `trackplan lint`: the name of one of LINT_REPORTERS. */
export type LintFormat = string;

export interface LintOptions {
  plan: string;
  format: LintFormat;
  coverage?: boolean;
  receiver?: string[];
  call?: string[];
  generated?: string;
  ignore?: string[];
  typeCheck?: boolean;
  tsconfig?: string;
  maxWarnings?: number;
  output?: string;
  suggestWrappers?: boolean;
}

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** `trackplan lint`: check the analytics calls of a code base against the plan. */
export async function runLint(paths: string[], options: LintOptions, io: Io): Promise<ExitCode> {
  if (options.suggestWrappers) return (await import('./suggest-wrappers.js')).runSuggestWrappers(paths, options, io);
  const { plan, diagnostics } = await loadPlan(options.plan, { cwd: io.cwd });
  if (!plan || hasErrors(diagnostics)) {
    io.stderr(formatPretty(diagnostics, { color: io.color }));
    io.stderr(`trackplan lint: the plan has errors; fix them first (trackplan check)\n`);
    return EXIT.error;
  }
  const fromPlan = await readLintConfig(plan, io.cwd);
  if (fromPlan.diagnostics.length > 0) {
    io.stderr(formatPretty(fromPlan.diagnostics, { color: io.color }));
    io.stderr(`trackplan lint: the plan's lint: settings have errors\n`);
    return EXIT.error;
  }
  for (const receiver of options.receiver ?? []) {
    if (!isValidCallee(receiver) || receiver.startsWith('*.')) throw new ConfigError(`--receiver ${JSON.stringify(receiver)}: expected a name like analytics or window.analytics`);
  }
  const config = mergeLintConfig(fromPlan.config, {
    receivers: options.receiver ?? [],
    calls: (options.call ?? []).map(parseCallSpec),
    ignore: options.ignore ?? [],
    ...(options.generated !== undefined ? { generated: options.generated } : {}),
  });
  const result = await lintProject({
    plan,
    config,
    paths,
    cwd: io.cwd,
    typeCheck: options.typeCheck !== false,
    ...(options.tsconfig !== undefined ? { tsconfig: options.tsconfig } : {}),
  });
  const report = formatResult(result, options, io.color && options.output === undefined);
  if (options.output !== undefined) {
    const target = path.resolve(io.cwd, options.output);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, report);
    const { errors, warnings } = summarize(result.diagnostics);
    io.stderr(`trackplan lint: ${errors} errors, ${warnings} warnings; ${options.format} report written to ${options.output}\n`);
  } else io.stdout(report);
  const { warnings } = summarize(result.diagnostics);
  if (hasErrors(result.diagnostics)) return EXIT.findings;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return EXIT.findings;
  return EXIT.clean;
}

function formatResult(result: LintResult, options: LintOptions, color: boolean): string {
  return findReporter(LINT_REPORTERS, options.format).format(result, {
    color,
    coverage: options.coverage ?? false,
    rules: LINT_RULES.map(({ id, description, severity }) => ({ id, description, severity })),
    toolVersion: version,
  });
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerLint(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command('lint')
    .description('check the analytics calls of a TypeScript/JavaScript code base against the plan')
    .argument('[paths...]', 'files or folders to lint', ['.'])
    .option('--plan <dir>', 'plan folder', 'plans')
    .addOption(formatOption(LINT_REPORTERS))
    .option('--coverage', 'report, per planned call, its call sites and the calls never sent')
    .option('--receiver <name>', 'an object whose track/identify/page/screen/group are browser-SDK calls (repeatable)', collect)
    .option('--call <spec>', 'a wrapper: callee[:key=value,...] with keys type, event, properties, message, from, prefix, suffix, pattern, replace, e.g. \'track:from=@/lib/analytics,suffix= - [WEB]\' (repeatable)', collect)
    .option('--suggest-wrappers', 'list functions whose parameters reach an analytics SDK or collector, each with a ready lint.calls entry (--format pretty or json; exits 0 with or without suggestions, 2 on usage or config errors)')
    .option('--generated <dir>', 'folder of the generated typed functions (default: generated)')
    .option('--ignore <glob>', 'files not to lint (repeatable)', collect)
    .option('--no-type-check', 'do not start the TypeScript type checker (faster; misses SDK instances found only by type and non-literal values)')
    .option('--tsconfig <file>', 'one tsconfig.json for every file (default: each file\'s own project, the nearest tsconfig.json or jsconfig.json above it, its references followed)')
    .addOption(new Option('--max-warnings <n>', 'exit 1 when there are more warnings than this').argParser(integerOption('--max-warnings')))
    .addOption(outputOption())
    .action(async (paths: string[], options: LintOptions) => done(await runLint(paths, options, io)));
}
