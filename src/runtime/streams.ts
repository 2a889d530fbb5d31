import { Transform, type TransformCallback, type Writable } from 'node:stream';
import { LineScanner, type ScanEntry } from './line-scanner.js';
import { DEFAULT_MAX_EVENT_BYTES, tooLarge, visitLines } from './ndjson-lines.js';
import { validateLine } from './ndjson-batch.js';
import { toViolationRecord } from './record.js';
import type { ValidationResult, Validator, ViolationRecord } from './types.js';

/** One line of an NDJSON stream: its text, or why it cannot be an event. */
export class NdjsonLine {
  constructor(
    /** 1-based line number in the stream. */
    readonly line: number,
    /** The line without its line break; undefined when `fault` is set. */
    readonly text: string | undefined,
    /** Set for a line over the size limit or not UTF-8: a dropped `Malformed-Event`. */
    readonly fault?: ValidationResult,
  ) {}
}

/** A validated event with its line number (null for messages that did not come from lines). */
export interface LineResult {
  /** 1-based line number, or null. */
  line: number | null;
  /** What the validator says about the event. */
  result: ValidationResult;
  /** The text of a line that was not JSON (the result has no `input` then). */
  raw?: string;
}

/** Options of `createLineSplitter`. */
export interface SplitterOptions {
  /** Lines longer than this are reported, not buffered (default 32 KiB). */
  maxEventBytes?: number;
}

/** Calls `emit` for each line of the scanner's entries, numbering from `next`; returns the next number. */
function emitLines(entries: ScanEntry[], next: number, maxBytes: number, emit: (line: NdjsonLine) => void): number {
  let line = next;
  for (const entry of entries) {
    if (entry.kind === 'oversize') {
      emit(new NdjsonLine(line, undefined, tooLarge(entry.bytes, maxBytes)));
      line++;
    } else {
      line += visitLines(entry, line, maxBytes, {
        line: (n, text) => emit(new NdjsonLine(n, text)),
        fault: (n, result) => emit(new NdjsonLine(n, undefined, result)),
      });
    }
  }
  return line;
}

/** Bytes in, `NdjsonLine` objects out; blank lines are skipped but counted. */
export function createLineSplitter(options: SplitterOptions = {}): Transform {
  const maxBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const scanner = new LineScanner(maxBytes);
  let next = 1;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer | string, _encoding, callback: TransformCallback) {
      next = emitLines(scanner.push(toBuffer(chunk)), next, maxBytes, (line) => this.push(line));
      callback();
    },
    flush(callback: TransformCallback) {
      next = emitLines(scanner.end(), next, maxBytes, (line) => this.push(line));
      callback();
    },
  });
}

/** Options of `createValidateTransform`. */
export interface ValidateTransformOptions {
  /** `results` (default): a `LineResult` per input; `messages`: only the messages to pass on. */
  output?: 'results' | 'messages';
  /**
   * Where violating events go, as `ViolationRecord`s (dropped ones with their message). A
   * Writable in object mode is waited on when full, so a slow sink slows the stream down.
   */
  violations?: Writable | ((record: ViolationRecord) => void);
}

/**
 * Validates each object written to it (an `NdjsonLine` from `createLineSplitter`, or a message)
 * and applies the policy.
 */
export function createValidateTransform(validator: Validator, options: ValidateTransformOptions = {}): Transform {
  const sink = options.violations;
  return new Transform({
    objectMode: true,
    transform(chunk: unknown, _encoding, callback: TransformCallback) {
      const { line, result, raw } = validateChunk(validator, chunk);
      if (options.output === 'messages') {
        if (result.message !== undefined) this.push(result.message);
      } else {
        this.push((raw === undefined ? { line, result } : { line, result, raw }) satisfies LineResult);
      }
      if (result.valid || !sink) return callback();
      const record = toViolationRecord(result, line, raw);
      if (typeof sink === 'function') {
        sink(record);
        return callback();
      }
      if (sink.write(record)) return callback();
      sink.once('drain', () => callback());
    },
  });
}

function validateChunk(validator: Validator, chunk: unknown): LineResult {
  if (!(chunk instanceof NdjsonLine)) return { line: null, result: validator.validate(chunk) };
  if (chunk.fault) return { line: chunk.line, result: chunk.fault };
  const result = validateLine(validator, chunk.text ?? '');
  return result.input === undefined && chunk.text !== undefined
    ? { line: chunk.line, result, raw: chunk.text }
    : { line: chunk.line, result };
}

/** Options of `validateStream`. */
export type ValidateStreamOptions = SplitterOptions;

/**
 * Validates an NDJSON byte stream (a file or socket stream, or any async iterable of chunks):
 * `for await (const { line, result } of validateStream(source, validator))`. Pull-based: the
 * source is read only as fast as the loop consumes.
 */
export async function* validateStream(
  source: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>,
  validator: Validator,
  options: ValidateStreamOptions = {},
): AsyncGenerator<LineResult> {
  const maxBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const scanner = new LineScanner(maxBytes);
  let next = 1;
  const results: LineResult[] = [];
  const collect = (line: NdjsonLine) => results.push(validateChunk(validator, line));
  for await (const chunk of source) {
    next = emitLines(scanner.push(toBuffer(chunk)), next, maxBytes, collect);
    yield* results.splice(0);
  }
  emitLines(scanner.end(), next, maxBytes, collect);
  yield* results.splice(0);
}

function toBuffer(chunk: Buffer | Uint8Array | string): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  return typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
