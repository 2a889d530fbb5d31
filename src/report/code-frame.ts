import type { FileLocation } from '../core/location.js';

export interface CodeFrameOptions {
  color?: boolean;
  /** Lines shown before the marked one. */
  before?: number;
}

/**
 * The marked line of a source with a gutter and a caret underline, like compilers print:
 *
 *   13 |   // the next call is wrong
 * > 14 |   analytics.track('Sign up', {});
 *      |                   ^^^^^^^^^
 */
export function codeFrame(text: string, location: FileLocation, options: CodeFrameOptions = {}): string {
  const lines = text.split(/\r?\n/);
  const target = lines[location.line - 1];
  if (target === undefined) return '';
  const first = Math.max(1, location.line - (options.before ?? 1));
  const width = String(location.line).length;
  const paint = (code: number, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[39m` : s);
  const out: string[] = [];
  for (let n = first; n <= location.line; n++) {
    const marker = n === location.line ? paint(31, '>') : ' ';
    out.push(`${marker} ${paint(90, `${String(n).padStart(width)} |`)} ${expandTabs(lines[n - 1]!)}`.trimEnd());
  }
  const start = location.column - 1;
  const end = location.endLine === location.line ? Math.max(location.endColumn - 1, start + 1) : target.length;
  const lead = expandTabs(target.slice(0, start)).length;
  const length = Math.max(1, expandTabs(target.slice(0, Math.min(end, Math.max(target.length, start + 1)))).length - lead);
  out.push(`  ${paint(90, `${' '.repeat(width)} |`)} ${' '.repeat(lead)}${paint(31, '^'.repeat(length))}`);
  return `${out.join('\n')}\n`;
}

function expandTabs(line: string): string {
  return line.replace(/\t/g, '  ');
}
