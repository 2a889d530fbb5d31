import type { ViolationRecord } from '../runtime/types.js';
import { eventKey } from './paths.js';

/** Violation counts of one planned (or unplanned) call. */
export interface EventViolations {
  call: string;
  name: string;
  /** Violating events (records). */
  records: number;
  /** Violations by type (`Required-Missing`, ...). */
  byType: Map<string, number>;
  /** Violations by property path (`properties.email` -> `email`). */
  byProperty: Map<string, number>;
  /** Records by day (`YYYY-MM-DD`). */
  byDay: Map<string, number>;
}

/** Everything the catalog shows about violations, counted while the records stream in. */
export interface ViolationTally {
  records: number;
  violations: number;
  byType: Map<string, number>;
  byDay: Map<string, number>;
  byEvent: Map<string, EventViolations>;
}

export function createViolationTally(): ViolationTally {
  return { records: 0, violations: 0, byType: new Map(), byDay: new Map(), byEvent: new Map() };
}

const bump = (map: Map<string, number>, key: string, n = 1) => map.set(key, (map.get(key) ?? 0) + n);

const TIME_FIELDS = ['receivedAt', 'timestamp', 'originalTimestamp', 'sentAt'] as const;

/**
 * The day of a record: its own time (`receivedAt`/`timestamp`, which stream and server records may
 * carry), else the time of the message kept in it, else `fallbackDay` (the day the file was
 * written: `validate --format json` records carry no time).
 */
export function recordDay(record: Record<string, unknown>, fallbackDay: string): string {
  const message = record['message'];
  const places = [record, ...(message !== null && typeof message === 'object' ? [message as Record<string, unknown>] : [])];
  for (const place of places) {
    for (const field of TIME_FIELDS) {
      const value = place[field];
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const time = new Date(value);
      if (!Number.isNaN(time.getTime())) return time.toISOString().slice(0, 10);
    }
  }
  return fallbackDay;
}

/** Counts one violation record into the tally. */
export function addViolationRecord(tally: ViolationTally, record: ViolationRecord, day: string): void {
  const call = record.type ?? 'unknown';
  const name = call === 'track' ? (record.event ?? '(no event name)') : call;
  const key = eventKey(call, name);
  let entry = tally.byEvent.get(key);
  if (!entry) {
    entry = { call, name, records: 0, byType: new Map(), byProperty: new Map(), byDay: new Map() };
    tally.byEvent.set(key, entry);
  }
  tally.records++;
  entry.records++;
  bump(tally.byDay, day);
  bump(entry.byDay, day);
  for (const violation of record.violations) {
    tally.violations++;
    bump(tally.byType, violation.type);
    bump(entry.byType, violation.type);
    if (violation.property !== undefined && violation.property !== '') bump(entry.byProperty, violation.property);
  }
}

/** Entries of a count map, largest first, then by key. */
export function sortCounts(map: ReadonlyMap<string, number>): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
