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

export function shiftSentAt(json: string, waitedMs: number): string {
  const message = JSON.parse(json) as Record<string, unknown>;
  const sentAt = typeof message['sentAt'] === 'string' ? Date.parse(message['sentAt']) : Number.NaN;
  if (Number.isNaN(sentAt)) return json;
  message['sentAt'] = new Date(sentAt + waitedMs).toISOString();
  return JSON.stringify(message);
}
