import type { Redis } from 'ioredis';
import type { Validator } from '../types.js';
import { deadLetter, decideEntry, type EntryOutcome, type StreamTargets } from './entries.js';
import type { ReadEntry } from './reads.js';
import type { StreamMetrics } from './stream-metrics.js';
import { isScriptRefused, WriteScript } from './write-script.js';

export interface BatchSettings extends StreamTargets {
  group: string;
  validator: Validator;
  maxDeliveries: number;
  metrics: StreamMetrics;
  /** Shared by one consumer's batches: `multi` once Redis refused the script (then MULTI/EXEC). */
  writeMode?: WriteMode;
}

/** How a consumer's batches are written; `onFallback` is told once, with Redis's refusal. */
export interface WriteMode {
  multi: boolean;
  onFallback?: (reason: string) => void;
}

/**
 * Validates a batch and, in one atomic script call (see write-script.ts; MULTI/EXEC where Redis
 * refuses scripts), XADDs every result and then XACKs every entry: either all of it happens or the
 * entries stay pending and are read again. The call is sent before this returns (validation is synchronous), so the caller can
 * validate the next batch while Redis runs it. Metrics count only what the script committed.
 */
export async function writeBatch(redis: Redis, entries: readonly ReadEntry[], settings: BatchSettings): Promise<void> {
  const script = new WriteScript(settings.group, settings.field);
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
    for (const write of outcome.writes) script.add(write);
  }
  for (const [stream, ids] of acks) script.ack(stream, ids);
  await send(redis, script, settings.writeMode);
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

/**
 * The script, or MULTI/EXEC where Redis refuses scripts. A refused script did not run, so the
 * batch is sent again as MULTI/EXEC; the batches sent behind it are refused in turn and follow
 * in the same order.
 */
async function send(redis: Redis, script: WriteScript, mode: WriteMode | undefined): Promise<void> {
  if (mode?.multi) return script.runMulti(redis);
  try {
    await script.run(redis);
  } catch (error) {
    if (!mode || !isScriptRefused(error)) throw error;
    if (!mode.multi) {
      mode.multi = true;
      mode.onFallback?.((error as Error).message);
    }
    await script.runMulti(redis);
  }
}

function reasonOf(outcome: EntryOutcome): string {
  const fields = outcome.writes[0]?.fields;
  return fields?.[0] === 'reason' ? String(fields[1]) : 'unknown';
}
