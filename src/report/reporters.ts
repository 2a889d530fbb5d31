import type { LintReport } from '../core/lint-results.js';
import type { ValidationSummary } from '../runtime/summary.js';
import { formatGithub, type ReportContext } from './diagnostics.js';
import { formatLintJson } from './lint-json.js';
import { lintSarifProperties } from './lint-projects.js';
import { formatLintPretty } from './lint-pretty.js';
import { defineReporter } from './reporter.js';
import { formatSarif, type SarifRule } from './sarif.js';
import { formatValidationPretty, type ValidationReportContext } from './validation-pretty.js';

export { DIAGNOSTIC_REPORTERS, type ReportContext } from './diagnostics.js';
export { DIFF_REPORTERS } from './diff.js';

export interface LintReportContext extends ReportContext {
  coverage: boolean;
  /** The lint rules, for SARIF's rule table. */
  rules: readonly SarifRule[];
  toolVersion: string;
}

/** Code lint results (`trackplan lint`). */
export const LINT_REPORTERS = [
  defineReporter<LintReport, LintReportContext>({
    name: 'pretty', description: 'for people, with code frames',
    format: (result, { color, coverage }) => formatLintPretty(result, { color, coverage }),
  }),
  defineReporter<LintReport, LintReportContext>({ name: 'json', description: 'findings, coverage and summary', format: (result) => formatLintJson(result) }),
  defineReporter<LintReport, LintReportContext>({
    name: 'sarif', description: 'SARIF 2.1.0 for code scanning',
    format: (result, { rules, toolVersion }) => formatSarif(result.diagnostics, {
      toolName: 'trackplan', toolVersion, informationUri: 'https://www.npmjs.com/package/trackplan', rules, ...lintSarifProperties(result),
    }),
  }),
  defineReporter<LintReport, LintReportContext>({
    name: 'github', description: 'GitHub Actions annotations',
    format: (result, { coverage }) => {
      const { summary } = result.coverage;
      const notice = coverage ? `::notice title=trackplan coverage::${summary.sent} of ${summary.planned} planned calls are sent from the code (${summary.percent}%)\n` : '';
      return formatGithub(result.diagnostics) + notice;
    },
  }),
];

/**
 * Event validation (`trackplan validate`). The `json` reporter's records are written while the
 * input streams (one line per violating event); its summary goes to stderr.
 */
export const VALIDATION_REPORTERS = [
  defineReporter<ValidationSummary, ReportContext & ValidationReportContext>({
    name: 'pretty', description: 'a summary for people',
    format: (summary, context) => formatValidationPretty(summary, context),
  }),
  defineReporter<ValidationSummary, ReportContext & ValidationReportContext>({
    name: 'json', description: 'one JSON object per violating event', output: 'stderr',
    format: (summary, { plan }) => `${summary.events} events, ${summary.violating} with violations (${plan})\n`,
  }),
];

/** The `--format` names of a registry, as a type. */
export type FormatName<R extends readonly { name: string }[]> = R[number]['name'];
