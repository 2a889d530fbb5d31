import type { FileLocation } from '../core/location.js';

export const IGNORE_DIRECTIVE = 'trackplan-ignore-next-line';

/** `// trackplan-ignore-next-line <reason>`: silences the findings of the call on the next line. */
export interface IgnoreComment {
  /** The line the comment silences (the one after it). */
  targetLine: number;
  reason: string;
  span: FileLocation;
}

const PATTERN = /(\/\/|\/\*)[ \t]*trackplan-ignore-next-line\b([^\n]*)/g;

export function findIgnoreComments(text: string, file: string): IgnoreComment[] {
  if (!text.includes(IGNORE_DIRECTIVE)) return [];
  const out: IgnoreComment[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const match of text.matchAll(PATTERN)) {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = match.index;
    let reason = match[2]!;
    if (match[1] === '/*') reason = reason.replace(/\*\/.*$/, '');
    reason = reason.replace(/^\s*(?:--|:)?\s*/, '').trim();
    const column = match.index - lineStart + 1;
    out.push({ targetLine: line + 1, reason, span: { file, line, column, endLine: line, endColumn: column + match[0].trimEnd().length } });
  }
  return out;
}
