import { sortDiagnostics } from '../core/diagnostics.js';
import { isSheetLocation } from '../core/location.js';
import type { LintReport } from '../core/lint-results.js';
import { summarize } from './diagnostics.js';
import { projectsJson } from './lint-projects.js';

/**
 * The stable JSON of `trackplan lint --format json` (DESIGN section 5):
 * `{ diagnostics: [{ file, line, column, endLine, endColumn, ruleId, messageId, severity, message }], coverage, summary, projects }`,
 * `summary.checker` telling whether the type checker ran, `projects` which tsconfig each file with calls used.
 */
export function formatLintJson(result: LintReport): string {
  const diagnostics = sortDiagnostics(result.diagnostics).map((d) => {
    const where = d.location && !isSheetLocation(d.location)
      ? { file: d.location.file, line: d.location.line, column: d.location.column, endLine: d.location.endLine, endColumn: d.location.endColumn }
      : {};
    return { ...where, ruleId: d.ruleId, messageId: d.messageId, severity: d.severity, message: d.message };
  });
  const { stats } = result;
  const summary = { ...summarize(result.diagnostics), files: stats.files, parsed: stats.parsed, calls: stats.calls, checker: stats.checker };
  return `${JSON.stringify({ diagnostics, coverage: result.coverage, summary, projects: projectsJson(stats.projects) }, null, 2)}\n`;
}
