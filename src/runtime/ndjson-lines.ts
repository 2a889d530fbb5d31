import { isUtf8 } from 'node:buffer';
import type { LineRegion } from './line-scanner.js';
import type { ValidationResult } from './types.js';
import { malformed } from './validator.js';

/** Segment's limit for one message, and our default for one NDJSON line. */
export const DEFAULT_MAX_EVENT_BYTES = 32 * 1024;

export interface LineVisitor {
  /** A non-blank line, decoded, without its line ending. */
  line(line: number, text: string): void;
  /** A line that cannot be an event: too large or not UTF-8 (a dropped `Malformed-Event`). */
  fault(line: number, result: ValidationResult): void;
}

/**
 * Regions are decoded in pieces of about this many bytes, cut at line ends. A string of a whole
 * region (a 1 MiB read) would be a large object: live while its lines are parsed, it outlives the
 * young generation and then waits for a full collection, dozens of them at a time.
 */
const PIECE_BYTES = 64 * 1024;

/**
 * Visits the lines of a region, numbering them from `firstLine`; returns how many lines it held
 * (blank ones included, so numbers stay true to the file).
 */
export function visitLines(region: LineRegion, firstLine: number, maxBytes: number, visitor: LineVisitor): number {
  const { buf, end } = region;
  let line = firstLine;
  for (let pos = region.start; pos < end;) {
    let stop = end;
    if (end - pos > PIECE_BYTES) {
      const newline = buf.indexOf(10, pos + PIECE_BYTES - 1);
      if (newline !== -1 && newline < end) stop = newline + 1;
    }
    line += visitPiece({ kind: 'lines', buf, start: pos, end: stop }, line, maxBytes, visitor);
    pos = stop;
  }
  return line - firstLine;
}

/**
 * `visitLines` on one piece. The common case, valid UTF-8, is decoded once and sliced; only a
 * piece with bad bytes is looked at line by line.
 */
function visitPiece(region: LineRegion, firstLine: number, maxBytes: number, visitor: LineVisitor): number {
  const { buf, start, end } = region;
  if (start === end) return 0;
  if (!isUtf8(buf.subarray(start, end))) return visitBytes(region, firstLine, maxBytes, visitor);
  const text = buf.toString('utf8', start, end);
  let line = firstLine;
  let pos = 0;
  while (pos < text.length) {
    let newline = text.indexOf('\n', pos);
    if (newline === -1) newline = text.length;
    const stop = newline > pos && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    // A UTF-16 unit is 1 to 3 UTF-8 bytes: count bytes only when the length leaves doubt.
    if ((stop - pos) * 3 > maxBytes) {
      const bytes = Buffer.byteLength(text.slice(pos, stop));
      if (bytes > maxBytes) {
        visitor.fault(line, tooLarge(bytes, maxBytes));
        line++;
        pos = newline + 1;
        continue;
      }
    }
    if (stop > pos && (text.charCodeAt(pos) > 32 || text.slice(pos, stop).trim() !== '')) visitor.line(line, text.slice(pos, stop));
    line++;
    pos = newline + 1;
  }
  return line - firstLine;
}

function visitBytes(region: LineRegion, firstLine: number, maxBytes: number, visitor: LineVisitor): number {
  const { buf, end } = region;
  let line = firstLine;
  let pos = region.start;
  while (pos < end) {
    let newline = buf.indexOf(10, pos);
    if (newline === -1 || newline >= end) newline = end;
    const stop = newline > pos && buf[newline - 1] === 13 ? newline - 1 : newline;
    const bytes = buf.subarray(pos, stop);
    if (bytes.length > maxBytes) visitor.fault(line, tooLarge(bytes.length, maxBytes));
    else if (!isUtf8(bytes)) visitor.fault(line, malformed(undefined, undefined, undefined, 'invalidUtf8', ''));
    else {
      const text = bytes.toString('utf8');
      if (text.trim() !== '') visitor.line(line, text);
    }
    line++;
    pos = newline + 1;
  }
  return line - firstLine;
}

export function tooLarge(bytes: number, limit: number): ValidationResult {
  return malformed(undefined, undefined, undefined, 'tooLarge', '', { bytes, limit });
}

/** Counts the lines of a region the way `visitLines` numbers them. */
export function countLines(region: LineRegion): number {
  const { buf, start, end } = region;
  if (start === end) return 0;
  let count = 0;
  let pos = buf.indexOf(10, start);
  while (pos !== -1 && pos < end) {
    count++;
    pos = buf.indexOf(10, pos + 1);
  }
  return buf[end - 1] === 10 ? count : count + 1;
}
