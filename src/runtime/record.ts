import type { ValidationResult, ViolationRecord } from './types.js';

/**
 * The record of a violating event for `validate --format json` and the server's violations file
 * (DESIGN section 5): `{ line, messageId, type, event, outcome, violations }`, plus the message
 * as received when the policy dropped it, so that the sink loses nothing.
 */
export function toViolationRecord(result: ValidationResult, line?: number | null, raw?: string): ViolationRecord {
  const input = result.input as Record<string, unknown> | undefined;
  const messageId = input !== null && typeof input === 'object' && !Array.isArray(input) ? input['messageId'] : undefined;
  const record: ViolationRecord = {
    line: line ?? null,
    messageId: typeof messageId === 'string' ? messageId : null,
    type: typeof result.call === 'string' ? result.call : null,
    event: result.event ?? null,
    outcome: result.outcome,
    violations: result.violations,
  };
  if (result.outcome === 'dropped') {
    if (result.input !== undefined) record.message = result.input;
    else if (raw !== undefined) record.raw = raw;
  }
  return record;
}

/**
 * The record as one JSON line (with its newline). A dropped message nested too deeply for
 * JSON.stringify is replaced by `raw` (the text it came from, when the caller has it), so that
 * writing a record never throws.
 */
export function formatViolationRecord(result: ValidationResult, line?: number | null, raw?: string): string {
  const keepRaw = result.input === undefined ? raw : undefined;
  try {
    return `${JSON.stringify(toViolationRecord(result, line, keepRaw))}\n`;
  } catch {
    return `${JSON.stringify(toViolationRecord({ ...result, input: undefined }, line, raw))}\n`;
  }
}
