import { isUtf8 } from 'node:buffer';
import { formatViolationRecord } from '../record.js';
import type { ValidationResult, Validator } from '../types.js';

/** The streams a consumer writes to; `deadLetter` falls back to `violations`, then to nothing. */
export interface StreamTargets {
  /** Stream for the events the policy passes. */
  out: string;
  /** Stream for violation records (the `validate --format json` shape). */
  violations?: string | undefined;
  /** Stream for entries that are no event, or were delivered too often. */
  deadLetter?: string | undefined;
  /** The entry field holding the event JSON, in inputs and outputs. */
  field: string;
}

/**
 * One entry as XREADGROUP returns it: id and the flat field/value list. Values may be the bytes
 * Redis sent (the consumer reads them so): an event that passes untouched goes out as those bytes.
 */
export interface StreamEntry {
  stream: string;
  id: string;
  fields: readonly (string | Buffer)[];
}

/** One XADD to issue: the target stream and its flat field/value list. */
export interface EntryWrite {
  stream: string;
  fields: (string | Buffer)[];
  /**
   * For an event or a violation record, whose `fields` are `[field, data, 'id', id, 'stream',
   * stream]` and then `'messageId', messageId` when the event has one: those values, so that the
   * consumer sends only them (the field names are the same for every entry).
   */
  ids?: EntryIds;
}

/** The values of an event's or a violation record's write (see `EntryWrite.ids`). */
export interface EntryIds {
  data: string | Buffer;
  id: string;
  stream: string;
  messageId: string | undefined;
}

/** What became of one entry, for the metrics. */
export type EntryVerdict = 'accepted' | 'violating' | 'dropped' | 'dead-lettered';

export interface EntryOutcome {
  verdict: EntryVerdict;
  writes: EntryWrite[];
  /** Violation types of a violating entry (for `trackplan_stream_violations_total`). */
  types: string[];
}

/** Why an entry went to the dead-letter stream: a `Malformed-Event` keyword, or one of these. */
export type DeadLetterReason = 'missingField' | 'invalidJson' | 'maxDeliveries' | 'unserializable' | string;

/**
 * Validates one entry and applies the plan's policy: the event the policy passes goes to `out`,
 * the violation record (the `validate --format json` shape) to `violations`, and an entry that is
 * no event at all to the dead-letter stream with its reason. Every write carries the input entry
 * id, its stream and the `messageId`, so that downstream can deduplicate redeliveries.
 */
export function decideEntry(entry: StreamEntry, validator: Validator, targets: StreamTargets): EntryOutcome {
  const value = fieldValue(entry.fields, targets.field);
  if (value === undefined) return deadLetter(entry, targets, 'missingField', `the entry has no "${targets.field}" field`);
  const raw = typeof value === 'string' ? value : value.toString('utf8');
  let event: unknown;
  try {
    event = JSON.parse(raw);
  } catch (error) {
    return deadLetter(entry, targets, 'invalidJson', `"${targets.field}" is not valid JSON: ${(error as Error).message}`, raw);
  }
  const result = validator.validate(event);
  const malformed = result.violations.find((violation) => violation.type === 'Malformed-Event');
  if (malformed) return deadLetter(entry, targets, malformed.meta.keyword, malformed.message, raw, result);
  const messageId = readMessageId(event);
  const writes: EntryWrite[] = [];
  if (result.message !== undefined) {
    // An untouched valid event goes out as the bytes it came in: no second encoding. As the text
    // already decoded for JSON.parse when that encodes back to the same bytes (valid UTF-8): the
    // client sends strings cheaper than bytes.
    let data: string | Buffer;
    try {
      data = result.message !== event ? JSON.stringify(result.message) : typeof value === 'string' || isUtf8(value) ? raw : value;
    } catch (error) {
      return deadLetter(entry, targets, 'unserializable', (error as Error).message, raw, result);
    }
    writes.push(withIds(targets.out, targets.field, data, entry, messageId));
  }
  if (result.violations.length === 0) return { verdict: 'accepted', writes, types: [] };
  if (targets.violations !== undefined) {
    writes.push(withIds(targets.violations, targets.field, recordText(result, raw), entry, messageId));
  }
  return { verdict: result.outcome === 'dropped' ? 'dropped' : 'violating', writes, types: result.violations.map((v) => v.type) };
}

/** The dead-letter write for an entry: its raw field value, the reason id and text, and its ids. */
export function deadLetter(
  entry: StreamEntry, targets: StreamTargets, reason: DeadLetterReason, detail: string,
  raw?: string, result?: ValidationResult,
): EntryOutcome {
  const stream = targets.deadLetter ?? targets.violations;
  if (stream === undefined) return { verdict: 'dead-lettered', writes: [], types: [] };
  const fields: (string | Buffer)[] = [
    'reason', reason, 'detail', detail, 'id', entry.id, 'stream', entry.stream,
    ...(raw !== undefined ? [targets.field, raw] : []),
    ...(result ? ['record', recordText(result, raw)] : []),
  ];
  return { verdict: 'dead-lettered', writes: [{ stream, fields }], types: [] };
}

function withIds(stream: string, field: string, data: string | Buffer, entry: StreamEntry, messageId: string | undefined): EntryWrite {
  const fields: (string | Buffer)[] = [field, data, 'id', entry.id, 'stream', entry.stream];
  if (messageId !== undefined) fields.push('messageId', messageId);
  return { stream, fields, ids: { data, id: entry.id, stream: entry.stream, messageId } };
}

function recordText(result: ValidationResult, raw: string | undefined): string {
  return formatViolationRecord(result, null, raw).slice(0, -1);
}

function fieldValue(fields: readonly (string | Buffer)[], name: string): string | Buffer | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const key = fields[i]!;
    if (typeof key === 'string' ? key === name : key.length === name.length && key.toString('latin1') === name) return fields[i + 1];
  }
  return undefined;
}

function readMessageId(event: unknown): string | undefined {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return undefined;
  const id = (event as Record<string, unknown>)['messageId'];
  return typeof id === 'string' ? id : undefined;
}
