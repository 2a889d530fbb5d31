import type { StoredEntry } from '../spool/line.js';

/** Entries that waited less go out byte for byte: a few seconds are within what device clocks and SDK
 * batching (10 s and more) already blur, and a backlog under full load stays cheap to forward. */
const SHIFT_AFTER_MS = 5000;

/**
 * The body of a `/v1/batch` post, built from the JSON bytes the spool holds without parsing or
 * encoding them again.
 *
 * Upstreams correct device clocks with `timestamp = receivedAt - (sentAt - originalTimestamp)`.
 * A message that waited in the spool (upstream down, replay after a restart) would come out late
 * by the wait, so its `sentAt` is moved forward by exactly that wait: the event keeps its time.
 */
export function buildBatchBody(entries: readonly StoredEntry[], now: number): Buffer {
  const parts: Buffer[] = [OPEN];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (i > 0) parts.push(COMMA);
    parts.push(now - entry.receivedAt >= SHIFT_AFTER_MS ? Buffer.from(shiftSentAt(entry.data.toString('utf8'), now - entry.receivedAt)) : entry.data);
  }
  parts.push(Buffer.from(`],"sentAt":${JSON.stringify(new Date(now).toISOString())}}`));
  return Buffer.concat(parts);
}

const OPEN = Buffer.from('{"batch":[');
const COMMA = Buffer.from(',');

/**
 * The message with its `sentAt` moved forward by `waitedMs`. Only the value of the top-level
 * `sentAt` member changes: the rest of the text goes out as the client wrote it (never parsed and
 * serialized again, so any nesting and any number literal pass). A `sentAt` that is no date, or
 * whose shifted time is outside the range of dates (`+275760-09-13T00:00:00.000Z`), stays as it is.
 * Never throws.
 */
export function shiftSentAt(json: string, waitedMs: number): string {
  const span = findTopLevelString(json, 'sentAt');
  if (!span) return json;
  let value: unknown;
  try {
    value = JSON.parse(json.slice(span.start, span.end));
  } catch {
    return json;
  }
  const sentAt = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  const shifted = new Date(sentAt + waitedMs);
  if (Number.isNaN(shifted.getTime())) return json;
  return `${json.slice(0, span.start)}${JSON.stringify(shifted.toISOString())}${json.slice(span.end)}`;
}

/** Where the string value of a top-level member lies in a JSON object's text (iterative: any depth). */
function findTopLevelString(json: string, key: string): { start: number; end: number } | undefined {
  let depth = 0;
  let expectKey = false;
  let matched = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 34) {
      const end = closingQuote(json, i);
      if (depth === 1 && expectKey) {
        matched = json.slice(i + 1, end) === key;
        expectKey = false;
      } else if (depth === 1 && matched) return { start: i, end: end + 1 };
      else matched = false;
      i = end;
    } else if (c === 123 || c === 91) {
      depth++;
      if (depth === 1) expectKey = c === 123;
      matched = false;
    } else if (c === 125 || c === 93) depth--;
    else if (c === 44 && depth === 1) {
      expectKey = true;
      matched = false;
    } else if (c !== 58 && c !== 32 && c !== 9 && c !== 10 && c !== 13) matched = false;
  }
  return undefined;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i;
  }
  return text.length;
}
