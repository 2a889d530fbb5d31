import type { Redis } from 'ioredis';
import type { StreamEntry } from './entries.js';

/** An entry as read, with how many times the group delivered it (1 for new entries). */
export interface ReadEntry extends StreamEntry {
  deliveries: number;
  /** The entry was deleted from the stream while pending: acknowledge it, nothing else. */
  deleted?: boolean;
}

// Replies read as bytes (callBuffer): values go out again without a decode and encode.
type RawEntry = [Buffer, Buffer[] | null] | null;
type RawRead = [Buffer, RawEntry[]][] | null;

export interface ReadScope {
  streams: readonly string[];
  group: string;
  consumer: string;
  batch: number;
}

/** New entries for the group (`>`), blocking up to `blockMs` (without it: what is there now). */
export async function readNew(redis: Redis, scope: ReadScope, blockMs?: number): Promise<ReadEntry[]> {
  const reply = await redis.callBuffer(
    'XREADGROUP', 'GROUP', scope.group, scope.consumer, 'COUNT', scope.batch, ...(blockMs === undefined ? [] : ['BLOCK', blockMs]),
    'STREAMS', ...scope.streams, ...scope.streams.map(() => '>'),
  ) as RawRead;
  return toEntries(reply, 1);
}

/**
 * This consumer's own pending entries (read from id 0): after a failed write or a reconnect, what
 * was read but not acknowledged. Entries whose write did run are acknowledged and no longer here,
 * so nothing is written twice.
 */
export async function readOwnPending(redis: Redis, scope: ReadScope): Promise<ReadEntry[]> {
  const reply = await redis.callBuffer(
    'XREADGROUP', 'GROUP', scope.group, scope.consumer, 'COUNT', scope.batch, 'STREAMS', ...scope.streams, ...scope.streams.map(() => '0'),
  ) as RawRead;
  const entries = toEntries(reply, 0);
  await addDeliveries(redis, scope, entries);
  return entries;
}

/**
 * Takes over entries other consumers left pending for `minIdleMs` (XAUTOCLAIM), one pass over the
 * streams from each stream's cursor. Returns the entries and whether every cursor went round.
 */
export async function claimIdle(redis: Redis, scope: ReadScope, minIdleMs: number, cursors: Map<string, string>): Promise<{ entries: ReadEntry[]; round: boolean }> {
  const entries: ReadEntry[] = [];
  let round = true;
  for (const stream of scope.streams) {
    if (entries.length >= scope.batch) {
      round = false;
      break;
    }
    const reply = await redis.callBuffer('XAUTOCLAIM', stream, scope.group, scope.consumer, minIdleMs, cursors.get(stream) ?? '0-0', 'COUNT', scope.batch - entries.length) as [Buffer, RawEntry[], ...unknown[]];
    const next = reply[0].toString();
    cursors.set(stream, next);
    if (next !== '0-0') round = false;
    // Redis 6.2 answers nil for entries deleted while pending; 7 lists their ids apart and drops them from the PEL.
    for (const raw of reply[1]) if (raw) entries.push(toEntry(stream, raw, 0));
  }
  await addDeliveries(redis, scope, entries);
  return { entries, round };
}

/** Fills in delivery counts from XPENDING (one call per stream, over the range read). */
async function addDeliveries(redis: Redis, scope: ReadScope, entries: ReadEntry[]): Promise<void> {
  const byStream = new Map<string, ReadEntry[]>();
  for (const entry of entries) {
    const list = byStream.get(entry.stream);
    if (list) list.push(entry);
    else byStream.set(entry.stream, [entry]);
  }
  for (const [stream, list] of byStream) {
    const pending = await redis.xpending(stream, scope.group, list[0]!.id, list.at(-1)!.id, list.length, scope.consumer) as [string, string, number, number][];
    const counts = new Map(pending.map(([id, , , deliveries]) => [id, deliveries]));
    for (const entry of list) entry.deliveries = counts.get(entry.id) ?? 1;
  }
}

function toEntries(reply: RawRead, deliveries: number): ReadEntry[] {
  const entries: ReadEntry[] = [];
  for (const [stream, list] of reply ?? []) {
    const name = stream.toString();
    for (const raw of list) if (raw) entries.push(toEntry(name, raw, deliveries));
  }
  return entries;
}

function toEntry(stream: string, [rawId, fields]: [Buffer, Buffer[] | null], deliveries: number): ReadEntry {
  const id = rawId.toString();
  return fields === null ? { stream, id, fields: [], deliveries, deleted: true } : { stream, id, fields, deliveries };
}
