import { sortDiagnostics } from '../core/diagnostics.js';
import type { LintReport } from '../core/lint-results.js';
import { jsonDiagnostic, summarize } from './diagnostics.js';

/**
 * The stable JSON of `trackplan lint --format json` (DESIGN section 5):
 * `{ diagnostics: [{ file, line, column, endLine, endColumn, ruleId, messageId, severity, message, related? }], coverage, summary }`;
 * `related` holds the other places a finding involves, e.g. the shared const a call's properties come from.
 */
export function formatLintJson(result: LintReport): string {
  const diagnostics = sortDiagnostics(result.diagnostics).map(jsonDiagnostic);
  const summary = { ...summarize(result.diagnostics), files: result.stats.files, parsed: result.stats.parsed, calls: result.stats.calls };
  return `${JSON.stringify({ diagnostics, coverage: result.coverage, summary }, null, 2)}\n`;
}
