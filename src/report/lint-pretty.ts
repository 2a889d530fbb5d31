import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { formatLocation, isSheetLocation, type Location } from '../core/location.js';
import type { LintReport } from '../core/lint-results.js';
import { codeFrame } from './code-frame.js';
import { summarize } from './diagnostics.js';
import { formatCoverage } from './lint-coverage.js';

export interface LintPrettyOptions {
  color?: boolean;
  coverage?: boolean;
}

/** `file:line:col  error  message  rule-id`, a code frame under each finding, a summary, and coverage when asked. */
export function formatLintPretty(result: LintReport, options: LintPrettyOptions = {}): string {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const out: string[] = [];
  for (const d of sortDiagnostics(result.diagnostics)) {
    const severity = d.severity === 'error' ? paint(31, 'error') : paint(33, 'warning');
    out.push(`${formatLocation(d.location)}  ${severity}  ${d.message}  ${paint(90, d.ruleId)}`);
    const frame = frameOf(d, result.texts, options.color ?? false);
    out.push(frame);
  }
  const { errors, warnings } = summarize(result.diagnostics);
  const { stats } = result;
  // One project is the common case and says nothing; several tell that each package was checked with its own tsconfig.
  const projects = stats.projects.length > 1 ? `, ${stats.projects.length} TypeScript projects` : '';
  const scanned = `${stats.files} file${stats.files === 1 ? '' : 's'}, ${stats.parsed} parsed, ${stats.calls} analytics call${stats.calls === 1 ? '' : 's'}${projects}`;
  out.push(errors + warnings === 0
    ? `no problems (${scanned})\n`
    : `${paint(errors > 0 ? 31 : 33, `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`)} (${scanned})\n`);
  if (options.coverage) out.push(formatCoverage(result.coverage));
  return out.join('\n');
}

/** The frame of the finding's place, then one per related place (the shared const it comes from), each under its `file:line:col`. */
function frameOf(d: Diagnostic, texts: ReadonlyMap<string, string>, color: boolean): string {
  const frames = [frameAt(d.location, texts, color)];
  for (const related of d.related ?? []) {
    const frame = frameAt(related, texts, color);
    if (frame !== '') frames.push(`  ${formatLocation(related)}  related\n${frame}`);
  }
  return frames.filter((f) => f !== '').join('');
}

function frameAt(location: Location | undefined, texts: ReadonlyMap<string, string>, color: boolean): string {
  if (!location || isSheetLocation(location)) return '';
  const text = texts.get(location.file);
  return text === undefined ? '' : codeFrame(text, location, { color });
}
