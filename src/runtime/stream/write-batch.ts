import type { Redis } from 'ioredis';
import type { Validator } from '../types.js';
import { deadLetter, decideEntry, type EntryOutcome, type StreamTargets } from './entries.js';
import type { ReadEntry } from './reads.js';
import type { StreamMetrics } from './stream-metrics.js';

export interface BatchSettings extends StreamTargets {
  group: string;
  validator: Validator;
  maxDeliveries: number;
  metrics: StreamMetrics;
}

/**
 * Validates a batch and, in one MULTI/EXEC, XADDs every result and XACKs every entry: either all
 * of it happens or none (then the entries stay pending and are read again). Metrics count only
 * what EXEC committed.
 */
export async function writeBatch(redis: Redis, entries: readonly ReadEntry[], settings: BatchSettings): Promise<void> {
  const multi = redis.multi();
  const outcomes: EntryOutcome[] = [];
  const acks = new Map<string, string[]>();
  for (const entry of entries) {
    const ids = acks.get(entry.stream);
    if (ids) ids.push(entry.id);
    else acks.set(entry.stream, [entry.id]);
    if (entry.deleted) continue; // trimmed away while pending: nothing left to validate
    const outcome = entry.deliveries > settings.maxDeliveries
      ? deadLetter(entry, settings, 'maxDeliveries', `delivered ${entry.deliveries} times (--max-deliveries ${settings.maxDeliveries})`)
      : decideEntry(entry, settings.validator, settings);
    outcomes.push(outcome);
    for (const write of outcome.writes) multi.xadd(write.stream, '*', ...write.fields);
  }
  for (const [stream, ids] of acks) multi.xack(stream, settings.group, ...ids);
  const replies = await multi.exec();
  if (replies === null) throw new Error('EXEC aborted');
  const failed = replies.find(([error]) => error);
  // Inside EXEC a command can fail alone (a key of the wrong type): say so rather than go on.
  if (failed) throw failed[0]!;
  const { metrics } = settings;
  metrics.batches.inc();
  metrics.read.inc([], entries.length);
  for (const outcome of outcomes) {
    if (outcome.verdict === 'accepted') metrics.accepted.inc();
    else if (outcome.verdict === 'dead-lettered') metrics.deadLettered.inc([reasonOf(outcome)]);
    else {
      if (outcome.verdict === 'violating') metrics.accepted.inc();
      metrics.violating.inc([outcome.verdict === 'dropped' ? 'dropped' : 'forwarded']);
      for (const type of outcome.types) metrics.violations.inc([type]);
    }
  }
}

function reasonOf(outcome: EntryOutcome): string {
  const fields = outcome.writes[0]?.fields;
  return fields?.[0] === 'reason' ? String(fields[1]) : 'unknown';
}
