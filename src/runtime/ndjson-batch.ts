import { inspectJson, stringifyKeeping, type JsonFindings } from './json-inspect.js';
import { validateWithFindings } from './judge-findings.js';
import type { LineRegion } from './line-scanner.js';
import { DEFAULT_MAX_EVENT_BYTES, tooLarge, visitLines, type LineVisitor } from './ndjson-lines.js';
import { DEFAULT_RECORD_BYTES, formatViolationRecord, type RecordOptions } from './record.js';
import type { PiiMode, Redactor } from './redact.js';
import { addResult, createSummary, type ValidationSummary } from './summary.js';
import type { ValidationResult, Validator } from './types.js';
import { malformed } from './validator.js';

/** Deepest nesting of an event by default; deeper ones are dropped as `Malformed-Event` (`tooDeep`). */
export const DEFAULT_MAX_DEPTH = 64;

/** Options of NDJSON validation: size cap per line and what to produce. */
export interface NdjsonOptions {
  /** Lines longer than this many bytes are `Malformed-Event`s (default 32 KiB, Segment's limit). */
  maxEventBytes?: number;
  /** Deepest nesting of an event (default 64). */
  maxDepth?: number;
  /** PII values in the events passed on (`--out`): `keep` by default. Records never hold them. */
  pii?: PiiMode;
  /** Collect one JSON violation record per violating event (`validate --format json`). */
  records?: boolean;
  /** Collect the events that pass the policy, as NDJSON (`validate --out`). */
  passed?: boolean;
}

/** What a stretch of input produced: NDJSON texts ready to write, and its counts. */
export interface BatchOutput {
  /** One JSON violation record per violating event, one a line (empty unless `records` was asked for). */
  records: string;
  /** The events that pass the policy, as NDJSON (empty unless `passed` was asked for). */
  passed: string;
  /** The counts of this stretch, to merge into the run's. */
  summary: ValidationSummary;
}

/**
 * Parses one line; a line that is not JSON is a dropped `Malformed-Event`, and so is one with a
 * repeated key or nesting past `maxDepth` (see `validateWithFindings`).
 */
export function validateLine(validator: Validator, text: string, maxDepth = DEFAULT_MAX_DEPTH): ValidationResult {
  return judgeLine(validator, text, maxDepth).result;
}

function judgeLine(validator: Validator, text: string, maxDepth: number): { result: ValidationResult; findings: JsonFindings | undefined } {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (error) {
    // V8 names a UTF-16 offset; people look for a column.
    const detail = (error as Error).message.replace(/(?: in JSON)? at position (\d+)(?: \(line \d+ column \d+\))?$/, (_, at: string) => ` at column ${Number(at) + 1}`);
    return { result: malformed(undefined, undefined, undefined, 'invalidJson', '', { detail }), findings: undefined };
  }
  const found = message !== null && typeof message === 'object' ? inspectJson(text, message, maxDepth) : undefined;
  const findings = found && (found.duplicateKey !== undefined || found.tooDeep || found.bigNumbers) ? found : undefined;
  return { result: validateWithFindings(validator, message, findings, maxDepth), findings };
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
  private readonly maxDepth: number;
  private readonly recordOptions: RecordOptions;
  private readonly transform: ((message: Record<string, unknown>) => Record<string, unknown>) | undefined;

  /** `redactor`: the plan's PII paths, for `pii` in the passed events and for every record. */
  constructor(private readonly validator: Validator, private readonly options: NdjsonOptions = {}, redactor?: Redactor) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    const pii = options.pii ?? 'keep';
    const active = redactor && !redactor.empty ? redactor : undefined;
    this.recordOptions = {
      // A record stays within the event limit, but never under Segment's 32 KiB (a tiny limit would cut the violations).
      maxBytes: Math.max(this.maxEventBytes, DEFAULT_RECORD_BYTES),
      ...(active ? { redact: (message: Record<string, unknown>) => active.redact(message, pii === 'hash' ? 'hash' : 'drop') } : {}),
    };
    this.transform = active && pii !== 'keep' ? (message) => active.redact(message, pii) : undefined;
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
    const judged = judgeLine(this.validator, text, this.maxDepth);
    let { result } = judged;
    let passed: string | undefined;
    if (this.options.passed && result.message !== undefined) {
      const out = this.transform ? this.transform(result.message) : result.message;
      if (out === result.input) passed = text;
      else {
        try {
          passed = stringifyKeeping(out, judged.findings?.bigNumbers);
        } catch (error) {
          // Nested deeper than JSON.stringify's stack allows: it cannot be passed on as changed.
          result = unserializable(result, error);
        }
      }
    }
    addResult(this.summary, result, line);
    if (!result.valid && this.options.records) this.records.push(formatViolationRecord(result, line, text, this.recordOptions));
    if (passed !== undefined) this.passed.push(passed);
  }

  fault(line: number, result: ValidationResult): void {
    addResult(this.summary, result, line);
    if (this.options.records) this.records.push(formatViolationRecord(result, line, undefined, this.recordOptions));
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
