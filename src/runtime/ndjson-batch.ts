import type { LineRegion } from './line-scanner.js';
import { DEFAULT_MAX_EVENT_BYTES, tooLarge, visitLines, type LineVisitor } from './ndjson-lines.js';
import { formatViolationRecord } from './record.js';
import { addResult, createSummary, type ValidationSummary } from './summary.js';
import type { ValidationResult, Validator } from './types.js';
import { malformed } from './validator.js';

/** Options of NDJSON validation: size cap per line and what to produce. */
export interface NdjsonOptions {
  /** Lines longer than this many bytes are `Malformed-Event`s (default 32 KiB, Segment's limit). */
  maxEventBytes?: number;
  /** Collect one JSON violation record per violating event (`validate --format json`). */
  records?: boolean;
  /** Collect the events that pass the policy, as NDJSON (`validate --out`). */
  passed?: boolean;
}

/** What a stretch of input produced: NDJSON texts ready to write, and its counts. */
export interface BatchOutput {
  records: string;
  passed: string;
  summary: ValidationSummary;
}

/** Parses one line; a line that is not JSON is a dropped `Malformed-Event`. */
export function validateLine(validator: Validator, text: string): ValidationResult {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (error) {
    // V8 names a UTF-16 offset; people look for a column.
    const detail = (error as Error).message.replace(/(?: in JSON)? at position (\d+)(?: \(line \d+ column \d+\))?$/, (_, at: string) => ` at column ${Number(at) + 1}`);
    return malformed(undefined, undefined, undefined, 'invalidJson', '', { detail });
  }
  return validator.validate(message);
}

/**
 * Validates NDJSON regions and collects their output as text: the engine of `trackplan validate`,
 * on the main thread or in each worker. An event that passes unchanged is written back as the
 * very line it came from, not re-serialized.
 */
export class NdjsonBatch implements LineVisitor {
  private records: string[] = [];
  private passed: string[] = [];
  summary: ValidationSummary = createSummary();
  readonly maxEventBytes: number;

  constructor(private readonly validator: Validator, private readonly options: NdjsonOptions = {}) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  }

  /** Validates the lines of a region; returns how many lines it held. */
  addRegion(region: LineRegion, firstLine: number): number {
    const count = visitLines(region, firstLine, this.maxEventBytes, this);
    this.summary.lines += count;
    return count;
  }

  /** A line over the size limit, skipped by the scanner. */
  addOversize(line: number, bytes: number): void {
    this.summary.lines++;
    this.fault(line, tooLarge(bytes, this.maxEventBytes));
  }

  line(line: number, text: string): void {
    let result = validateLine(this.validator, text);
    let passed: string | undefined;
    if (this.options.passed && result.message !== undefined) {
      if (result.message === result.input) passed = text;
      else {
        try {
          passed = JSON.stringify(result.message);
        } catch (error) {
          // Nested deeper than JSON.stringify's stack allows: it cannot be passed on as changed.
          result = unserializable(result, error);
        }
      }
    }
    addResult(this.summary, result, line);
    if (!result.valid && this.options.records) this.records.push(formatViolationRecord(result, line, text));
    if (passed !== undefined) this.passed.push(passed);
  }

  fault(line: number, result: ValidationResult): void {
    addResult(this.summary, result, line);
    if (this.options.records) this.records.push(formatViolationRecord(result, line));
  }

  /** Hands over the collected text (and, with `resetSummary`, the counts) and starts afresh. */
  take(resetSummary = false): BatchOutput {
    const output: BatchOutput = {
      records: joinRecords(this.records),
      passed: joinLines(this.passed),
      summary: this.summary,
    };
    this.records = [];
    this.passed = [];
    if (resetSummary) this.summary = createSummary();
    return output;
  }
}

function unserializable(result: ValidationResult, error: unknown): ValidationResult {
  const violation = malformed(result.input, result.call, result.event, 'unserializable', '', { detail: (error as Error).message }).violations[0]!;
  return { ...result, valid: false, outcome: 'dropped', message: undefined, violations: [...result.violations, violation] };
}

function joinLines(lines: string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Records are whole lines already (newline included). */
function joinRecords(records: string[]): string {
  return records.join('');
}
