import { readdir, readFile, rm, truncate } from 'node:fs/promises';
import path from 'node:path';
import type { SpoolCursor } from './cursor.js';
import { decodeLine, type LineChunk } from './line.js';

export interface RecoveredSegment {
  seq: number;
  file: string;
  /** The valid lines (corrupt ones left out), or none. */
  chunk: LineChunk;
  /** Byte size of each valid line, in order. */
  sizes: number[];
  bytes: number;
}

/** A damaged spool line found (and skipped) when the spool is opened. */
export interface RecoveryProblem {
  /** The segment file. */
  file: string;
  /** 1-based line number in the segment file. */
  line: number;
  /**
   * `torn-line`: a last line without its newline, a write a crash cut short (never acknowledged),
   * cut off the file; `corrupt-line`: a line that does not decode, skipped.
   */
  kind: 'torn-line' | 'corrupt-line';
}

const SEGMENT = /^(\d{16})\.log$/;

export function segmentFile(dir: string, seq: number): string {
  return path.join(dir, `${String(seq).padStart(16, '0')}.log`);
}

/** Lists the segment files a previous run left, dropping those the cursor says were delivered. */
export async function listSegments(dir: string, cursor: SpoolCursor): Promise<{ seq: number; file: string }[]> {
  const names = (await readdir(dir)).filter((name) => SEGMENT.test(name)).sort();
  const kept: { seq: number; file: string }[] = [];
  for (const name of names) {
    const seq = Number(SEGMENT.exec(name)![1]);
    const file = path.join(dir, name);
    if (seq < cursor.segment) await rm(file, { force: true });
    else kept.push({ seq, file });
  }
  return kept;
}

/**
 * Reads a segment file back. A last line without its newline is a write cut short by a crash of
 * the machine: it was never acknowledged (the 200 waits for the write), so it is cut off the file.
 * `verify: false` skips checking each line's JSON: for segments this process wrote itself.
 */
export async function readSegment(seq: number, file: string, problems: RecoveryProblem[] = [], verify = true): Promise<RecoveredSegment> {
  const buffer = await readFile(file);
  const end = buffer.lastIndexOf(0x0a) + 1;
  if (end < buffer.length) {
    await truncate(file, end);
    problems.push({ file, line: countLines(buffer, end) + 1, kind: 'torn-line' });
  }
  const ends: number[] = [];
  const sizes: number[] = [];
  const valid: Buffer[] = [];
  let dropped = false;
  for (let start = 0, line = 1; start < end; line++) {
    const stop = buffer.indexOf(0x0a, start);
    if (decodeLine(buffer, start, stop, verify)) {
      valid.push(buffer.subarray(start, stop + 1));
      sizes.push(stop - start + 1);
      ends.push(stop);
    } else {
      problems.push({ file, line, kind: 'corrupt-line' });
      dropped = true;
    }
    start = stop + 1;
  }
  if (!dropped) return { seq, file, chunk: { buffer: buffer.subarray(0, end), ends }, sizes, bytes: end };
  // Corrupt lines are left out of memory (the cursor counts valid lines only, the same on every read).
  const kept = Buffer.concat(valid);
  let offset = 0;
  const keptEnds = sizes.map((size) => (offset += size) - 1);
  return { seq, file, chunk: { buffer: kept, ends: keptEnds }, sizes, bytes: end };
}

function countLines(buffer: Buffer, end: number): number {
  let count = 0;
  for (let i = buffer.indexOf(0x0a); i !== -1 && i < end; i = buffer.indexOf(0x0a, i + 1)) count++;
  return count;
}
