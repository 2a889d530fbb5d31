import { sortDiagnostics } from '../core/diagnostics.js';
import type { LintReport } from '../core/lint-results.js';
import { jsonDiagnostic, summarize } from './diagnostics.js';
import { projectsJson } from './lint-projects.js';

/**
 * The stable JSON of `trackplan lint --format json` (DESIGN section 5):
 * `{ diagnostics: [{ file, line, column, endLine, endColumn, ruleId, messageId, severity, message, related? }], coverage, summary, projects }`;
 * `related` holds the other places a finding involves, e.g. the shared const a call's properties come from;
 * `summary.checker` tells whether the type checker ran, `projects` which tsconfig each file with calls used.
 */
export function formatLintJson(result: LintReport): string {
  const diagnostics = sortDiagnostics(result.diagnostics).map(jsonDiagnostic);
  const { stats } = result;
  const summary = { ...summarize(result.diagnostics), files: stats.files, parsed: stats.parsed, calls: stats.calls, checker: stats.checker };
  return `${JSON.stringify({ diagnostics, coverage: result.coverage, summary, projects: projectsJson(stats.projects) }, null, 2)}\n`;
}
