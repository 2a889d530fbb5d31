import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { formatLocation, isSheetLocation, type Location } from '../core/location.js';
import { codeFrame } from './code-frame.js';
import { defineReporter, findReporter } from './reporter.js';

export interface DiagnosticSummary {
  errors: number;
  warnings: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): DiagnosticSummary {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

export interface PrettyOptions {
  color?: boolean;
  /** The text of a file, to print a code frame under each diagnostic; none when it returns undefined. */
  source?: (file: string) => string | undefined;
}

/** `plans/x.yaml:3:5  error  message  rule-id`, with a code frame when the source is at hand, then a count. */
export function formatPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions = {}): string {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const lines = sortDiagnostics(diagnostics).map((d) => {
    const severity = d.severity === 'error' ? paint(31, 'error') : paint(33, 'warning');
    const head = `${formatLocation(d.location)}  ${severity}  ${d.message}  ${paint(90, d.ruleId)}`;
    const text = d.location && !isSheetLocation(d.location) ? options.source?.(d.location.file) : undefined;
    const frame = text !== undefined && d.location && !isSheetLocation(d.location) ? codeFrame(text, d.location, { color: options.color ?? false }) : '';
    return frame === '' ? head : `${head}\n${frame.trimEnd()}`;
  });
  const { errors, warnings } = summarize(diagnostics);
  if (errors + warnings === 0) return '';
  // Frames need air between them; plain one-line diagnostics read better packed.
  const separator = lines.some((line) => line.includes('\n')) ? '\n\n' : '\n';
  return `${lines.join(separator)}\n\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`;
}

/** A location as the JSON reports write it: `{ file, line, column, endLine, endColumn }` or `{ sheet, cell }`. */
export function jsonLocation(location: Location | undefined): Record<string, string | number> {
  if (!location) return {};
  return isSheetLocation(location)
    ? { sheet: location.sheet, cell: location.cell }
    : { file: location.file, line: location.line, column: location.column, endLine: location.endLine, endColumn: location.endColumn };
}

/** One diagnostic in the JSON reports: its place, ids, severity, message, and `related` places when it has any. */
export function jsonDiagnostic(d: Diagnostic): Record<string, unknown> {
  const related = d.related && d.related.length > 0 ? { related: d.related.map(jsonLocation) } : {};
  return { ...jsonLocation(d.location), ruleId: d.ruleId, messageId: d.messageId, severity: d.severity, message: d.message, ...related };
}

/**
 * Stable JSON: `{ diagnostics: [{ file, line, column, endLine, endColumn, ruleId, messageId, severity, message, related? }] }`,
 * `related` being the other places a finding involves (the first definition of a duplicate, a shared const).
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const items = sortDiagnostics(diagnostics).map(jsonDiagnostic);
  return `${JSON.stringify({ diagnostics: items, summary: summarize(diagnostics) }, null, 2)}\n`;
}

/** GitHub Actions workflow commands: annotations on the pull request's files. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : 'warning';
      const props: string[] = [];
      if (d.location && !isSheetLocation(d.location)) {
        props.push(`file=${escapeProperty(d.location.file)}`, `line=${d.location.line}`, `col=${d.location.column}`);
        if (d.location.endLine !== d.location.line || d.location.endColumn !== d.location.column) {
          props.push(`endLine=${d.location.endLine}`, `endColumn=${d.location.endColumn}`);
        }
      }
      props.push(`title=${escapeProperty(d.ruleId)}`);
      const where = d.location && isSheetLocation(d.location) ? `${formatLocation(d.location)}: ` : '';
      return `::${command} ${props.join(',')}::${escapeData(where + d.message)}\n`;
    })
    .join('');
}

/** What every reporter may use besides the result. */
export interface ReportContext {
  color: boolean;
}

/** Reporters of plan diagnostics (`trackplan check`, `sheets pull`). */
export const DIAGNOSTIC_REPORTERS = [
  defineReporter<readonly Diagnostic[], ReportContext & { source?: ((file: string) => string | undefined) | undefined }>({
    name: 'pretty', description: 'for people, with code frames',
    format: (diagnostics, { color, source }) => formatPretty(diagnostics, { color, ...(source ? { source } : {}) }),
  }),
  defineReporter<readonly Diagnostic[], ReportContext>({ name: 'json', description: 'one JSON document', format: (diagnostics) => formatJson(diagnostics) }),
  defineReporter<readonly Diagnostic[], ReportContext>({ name: 'github', description: 'GitHub Actions annotations', format: (diagnostics) => formatGithub(diagnostics) }),
];

export type DiagnosticFormat = string;

/** Diagnostics in the format of one reporter of DIAGNOSTIC_REPORTERS. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: DiagnosticFormat,
  color: boolean,
  source?: (file: string) => string | undefined,
): string {
  return findReporter(DIAGNOSTIC_REPORTERS, format).format(diagnostics, { color, source });
}
