import { existsSync } from 'node:fs';
import path from 'node:path';
import { hasErrors } from '../core/diagnostics.js';
import { ConfigError } from '../core/errors.js';
import { defaultLintConfig, mergeLintConfig, type LintConfig } from '../lint/config.js';
import { readLintConfig } from '../lint/read-config.js';
import { suggestWrappersInProject } from '../lint/suggest-project.js';
import { formatPretty } from '../report/diagnostics.js';
import { findReporter } from '../report/reporter.js';
import { SUGGEST_REPORTERS } from '../report/wrapper-suggestions.js';
import { loadPlan } from '../sources/load-plan.js';
import { EXIT, writeReport, type ExitCode, type Io } from './io.js';

/** The `trackplan lint` options `--suggest-wrappers` reads. */
export interface SuggestWrappersOptions {
  plan: string;
  format: string;
  receiver?: string[];
  ignore?: string[];
  output?: string;
}

/**
 * `trackplan lint --suggest-wrappers`: lists functions whose parameters reach an analytics sink,
 * each with a ready `lint.calls` entry. The plan is optional (its receivers and ignores apply
 * when it exists). Exit 0 with or without suggestions, 2 on a usage or config error.
 */
export async function runSuggestWrappers(paths: string[], options: SuggestWrappersOptions, io: Io): Promise<ExitCode> {
  if (!SUGGEST_REPORTERS.some((r) => r.name === options.format)) {
    throw new ConfigError(`--suggest-wrappers prints ${SUGGEST_REPORTERS.map((r) => r.name).join(' or ')}, not ${options.format}`);
  }
  const settings = await planSettings(options.plan, io);
  if (!settings) return EXIT.error;
  const config = mergeLintConfig(settings, { receivers: options.receiver ?? [], ignore: options.ignore ?? [] });
  const result = await suggestWrappersInProject({ paths, cwd: io.cwd, config });
  await writeReport(io, options.output, findReporter(SUGGEST_REPORTERS, options.format).format(result, {}));
  if (options.output !== undefined) io.stderr(`trackplan lint: ${result.suggestions.length} wrapper${result.suggestions.length === 1 ? '' : 's'} suggested; written to ${options.output}\n`);
  return EXIT.clean;
}

/** The plan's lint settings; the defaults when there is no plan folder; undefined (reported) when the plan has errors. */
async function planSettings(planPath: string, io: Io): Promise<LintConfig | undefined> {
  if (!existsSync(path.resolve(io.cwd, planPath))) return defaultLintConfig();
  const { plan, diagnostics } = await loadPlan(planPath, { cwd: io.cwd });
  const fromPlan = plan && !hasErrors(diagnostics) ? await readLintConfig(plan, io.cwd) : undefined;
  if (!fromPlan || fromPlan.diagnostics.length > 0) {
    io.stderr(formatPretty(fromPlan?.diagnostics ?? diagnostics, { color: io.color }));
    io.stderr(`trackplan lint: the plan or its lint: settings have errors; fix them first (trackplan check)\n`);
    return undefined;
  }
  return fromPlan.config;
}
