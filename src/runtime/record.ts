import type { ValidationResult, ViolationRecord } from './types.js';

/** How a record is bounded and cleaned before it is written. */
export interface RecordOptions {
  /**
   * Most bytes of one record line (the message limit): past it, the message is replaced by a
   * truncated `excerpt` of its text, and past that the violations are cut too. Default 32 KiB.
   */
  maxBytes?: number;
  /** Removes or hashes the PII values of a message before it is recorded (see `createRedactor`). */
  redact?: (message: Record<string, unknown>) => Record<string, unknown>;
}

export const DEFAULT_RECORD_BYTES = 32 * 1024;

/**
 * The record of a violating event for `validate --format json` and the server's violations file
 * (DESIGN section 5): `{ line, messageId, type, event, outcome, violations }`, plus the message
 * as received when the policy dropped it, so that the sink loses nothing.
 */
export function toViolationRecord(result: ValidationResult, line?: number | null, raw?: string, options: RecordOptions = {}): ViolationRecord {
  const input = result.input as Record<string, unknown> | undefined;
  const isMessage = input !== null && typeof input === 'object' && !Array.isArray(input);
  const messageId = isMessage ? input['messageId'] : undefined;
  const record: ViolationRecord = {
    line: line ?? null,
    messageId: typeof messageId === 'string' ? messageId : null,
    type: typeof result.call === 'string' ? result.call : null,
    event: result.event ?? null,
    outcome: result.outcome,
    violations: result.violations,
  };
  if (result.outcome === 'dropped') {
    if (result.input !== undefined) record.message = isMessage && options.redact ? options.redact(input) : result.input;
    else if (raw !== undefined) record.raw = raw;
  }
  return record;
}

/**
 * The record as one JSON line (with its newline), never longer than `maxBytes`. A dropped message
 * nested too deeply for JSON.stringify is replaced by `raw` (the text it came from, when the
 * caller has it), so that writing a record never throws.
 */
export function formatViolationRecord(result: ValidationResult, line?: number | null, raw?: string, options: RecordOptions = {}): string {
  const record = toViolationRecord(result, line, result.input === undefined ? raw : undefined, options);
  let text: string | undefined;
  // Too deep to serialize, known beforehand: trying costs tens of ms until the stack runs out.
  const tooDeep = result.violations.some((violation) => violation.meta.keyword === 'tooDeep');
  try {
    if (tooDeep) throw new RangeError('too deep');
    text = JSON.stringify(record);
  } catch {
    delete record.message;
    // Unredactable raw text of a message whose parse is too deep to serialize: an excerpt at most.
    if (raw !== undefined) record.raw = raw;
    text = JSON.stringify(record);
  }
  const maxBytes = options.maxBytes ?? DEFAULT_RECORD_BYTES;
  if (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes) text = truncateRecord(record, maxBytes);
  return `${text}\n`;
}

/** The record cut to `maxBytes`: an excerpt of the message, then as many violations as fit. */
function truncateRecord(record: ViolationRecord, maxBytes: number): string {
  const { message, raw, ...rest } = record;
  let body = raw ?? (message === undefined ? undefined : safeStringify(message));
  const bounded: ViolationRecord = { ...rest };
  let text = JSON.stringify(bounded);
  if (Buffer.byteLength(text) > maxBytes - 200) {
    // Even without the message the violations are too many: keep the first ones that fit.
    let keep = bounded.violations.length;
    while (keep > 0 && Buffer.byteLength(text) > maxBytes - 200) {
      keep = Math.floor(keep / 2);
      bounded.violations = record.violations.slice(0, keep);
      bounded.omittedViolations = record.violations.length - keep;
      text = JSON.stringify(bounded);
    }
  }
  if (body !== undefined) {
    const room = maxBytes - Buffer.byteLength(text) - 64;
    if (room > 0) {
      // Escapes can grow a character into six bytes of JSON: cut the text, not its encoding.
      body = sliceBytes(body, Math.floor(room / 6));
      bounded.excerpt = body;
      bounded.truncated = true;
      text = JSON.stringify(bounded);
    } else bounded.truncated = true;
  }
  return JSON.stringify(bounded);
}

function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function sliceBytes(text: string, bytes: number): string {
  const cut = Buffer.from(text, 'utf8').subarray(0, Math.max(0, bytes)).toString('utf8');
  return cut.endsWith('\uFFFD') ? cut.slice(0, -1) : cut;
}
