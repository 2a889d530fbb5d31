import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisOptions } from 'ioredis';
import { backoffDelay } from '../http/forward/backoff.js';
import type { Validator } from '../types.js';
import { checkTargets, ensureGroup, FatalStreamError, isFatal } from './group.js';
import { claimIdle, readNew, readOwnPending, type ReadEntry, type ReadScope } from './reads.js';
import { scrubSecret } from './redis-url.js';
import { createStreamMetrics, type StreamMetrics } from './stream-metrics.js';
import { writeBatch, type WriteMode } from './write-batch.js';
import { defineWriteScript } from './write-script.js';
import type { StreamTargets } from './entries.js';

type RedisClient = import('ioredis').Redis;

/** What `startStreamConsumer` reads, validates with, and writes to. */
export interface StreamConsumerOptions extends StreamTargets {
  /** ioredis connection options (see `parseRedisUrl`). */
  redis: RedisOptions;
  /** Input streams (already expanded: see `expandStreams`). */
  streams: readonly string[];
  /** The consumer group. */
  group: string;
  /** Default: host name and pid, unique per process. */
  consumer?: string;
  /** The plan's validator (`createValidator`); `setValidator` replaces it later. */
  validator: Validator;
  /** Entries per XREADGROUP (default 100). */
  batch?: number;
  /** How long one XREADGROUP waits for entries (default 1000 ms); also the longest a stop waits. */
  blockMs?: number;
  /** Entries pending longer than this at another consumer are taken over (default 30000 ms). */
  claimIdleMs?: number;
  /** An entry delivered more often than this goes to the dead-letter stream (default 5). */
  maxDeliveries?: number;
  /**
   * How each batch is written: `script` (default), one Lua script call, cheapest for this process;
   * `multi`, MULTI/EXEC, cheaper for Redis (see docs/stream.md). Both are atomic; a Redis that
   * refuses scripts gets `multi`.
   */
  writeMode?: 'script' | 'multi';
  /** Create the group if missing, from the start of each stream (entries already there count). */
  createGroup?: boolean;
  /** Scrubbed from every logged message. */
  secret?: string | undefined;
  /** One line per event worth telling an operator (Redis errors and retries). */
  log?: (text: string) => void;
}

/** A running consumer: `stop()` finishes the batch in flight, then closes the connections. */
export interface StreamConsumer {
  /** This consumer's name in the group. */
  readonly consumer: string;
  /** Its Prometheus metrics (`metrics.registry.render()`). */
  readonly metrics: StreamMetrics;
  /** True while the Redis connection is up. */
  readonly connected: boolean;
  /** Used from the next batch on (a plan re-read on SIGHUP); the batch in flight finishes with the old one. */
  setValidator(validator: Validator): void;
  /** The validator in use. */
  validator(): Validator;
  /** Refreshes the lag and pending gauges from XINFO GROUPS (on a second connection). */
  refreshGroupInfo(): Promise<void>;
  /** Finishes the read and the batch in flight, then closes the connections. */
  stop(): Promise<void>;
  /** Settles when the loop ends: after `stop()`, or rejected by an error retrying cannot fix. */
  readonly done: Promise<void>;
}

const RETRY = { minMs: 100, maxMs: 5000 };

/**
 * Starts a consumer-group worker: XREADGROUP a batch, validate, apply the policy, then XADD the
 * results and XACK the batch in one atomic script call (as a MULTI/EXEC would), so an entry is
 * acknowledged exactly when its results are written. While Redis runs one batch's write and reads
 * the next batch, this process validates the batch before: up to two writes and one read ahead
 * are in flight. Connection errors (a Redis restart) are retried with backoff; after one, the
 * consumer lets every command in flight settle, then first re-reads its own pending entries,
 * whose write did not run.
 */
export async function startStreamConsumer(options: StreamConsumerOptions): Promise<StreamConsumer> {
  const log = (text: string) => options.log?.(scrubSecret(text, options.secret));
  const consumerName = options.consumer ?? `${hostname()}-${process.pid}`;
  const scope: ReadScope = { streams: options.streams, group: options.group, consumer: consumerName, batch: options.batch ?? 100 };
  const blockMs = options.blockMs ?? 1000;
  const claimIdleMs = options.claimIdleMs ?? 30_000;
  const maxDeliveries = options.maxDeliveries ?? 5;
  const metrics = createStreamMetrics();
  // Commands fail at once while disconnected (no offline queue, no resend): a resent write could
  // write a batch twice. The loop below retries, and starts again from the pending entries.
  const { Redis } = await import('ioredis');
  const redis = new Redis({ ...options.redis, lazyConnect: true, enableOfflineQueue: false, autoResendUnfulfilledCommands: false, maxRetriesPerRequest: 0, retryStrategy: (times) => Math.min(50 * times, 1000) });
  defineWriteScript(redis);
  let lastError: Error | undefined;
  // Reported by the loop, which sees every failed command; kept for a refused AUTH at connect.
  redis.on('error', (error: Error) => void (lastError = error));
  let admin: typeof redis | undefined;
  let validator = options.validator;
  const writeMode: WriteMode = { multi: options.writeMode === 'multi', onFallback: (reason) => log(`redis refuses scripts (${reason}); writing each batch with MULTI/EXEC instead`) };
  let stopping = false;
  let wake: (() => void) | undefined;

  await connectWithRetry(redis, log, () => lastError);
  await ensureGroup(redis, options.streams, options.group, options.createGroup ?? false);
  await checkTargets(redis, [options.out, options.violations, options.deadLetter]);

  const loop = async () => {
    let failures = 0;
    let recovering = true; // a consumer started under a name it used before has its own pending entries
    let nextClaim = 0;
    const cursors = new Map<string, string>();
    // The next batch, asked for before this one is validated, so that Redis reads it meanwhile.
    // Never with BLOCK: a write sent behind a blocked read would wait for the read.
    let ahead: Promise<ReadEntry[]> | undefined;
    // Batch writes sent and not yet answered, oldest first: the previous batch's runs in Redis
    // while this one is validated. One connection runs them in the order sent.
    const writes: Promise<void>[] = [];
    while (!stopping || ahead || writes.length > 0) {
      try {
        let entries: ReadEntry[] = [];
        if (ahead) {
          const next = ahead;
          ahead = undefined;
          entries = await next;
        }
        if (entries.length > 0) {
          // Read ahead: process them like any read.
        } else if (stopping) {
          await drain(writes);
          break;
        } else if (recovering) {
          // Pending entries are those whose write has not run: wait for the writes in flight first.
          await drain(writes);
          entries = await readOwnPending(redis, scope);
          if (entries.length === 0) recovering = false;
        } else if (Date.now() >= nextClaim) {
          const claimed = await claimIdle(redis, scope, claimIdleMs, cursors);
          entries = claimed.entries;
          metrics.claimed.inc([], entries.length);
          if (claimed.round) nextClaim = Date.now() + Math.max(100, claimIdleMs / 2);
        }
        if (entries.length === 0 && !recovering) {
          // Nothing in hand: let the writes answer (so that a failed one is seen now), then wait for entries.
          await drain(writes);
          entries = await readNew(redis, scope, blockMs);
        }
        if (entries.length > 0) {
          if (!stopping && !recovering && Date.now() < nextClaim) {
            ahead = readNew(redis, scope);
            ahead.catch(() => undefined);
          }
          // Sent before writeBatch returns; awaited once the next batch is validated and sent.
          const written = writeBatch(redis, entries, { ...options, group: options.group, validator, maxDeliveries, metrics, writeMode });
          written.catch(() => undefined);
          writes.push(written);
          while (writes.length > 1) await writes.shift();
        }
        failures = 0;
      } catch (error) {
        // Every command sent settles before the next step: a write in flight may still commit, and
        // the entries of one that did not are read again with the pending ones (so is a read ahead).
        await Promise.allSettled([...writes.splice(0), ahead]);
        ahead = undefined;
        if (isFatal(error)) throw new FatalStreamError(scrubSecret((error as Error).message, options.secret));
        if ((error as Error).message.startsWith('NOGROUP') && options.createGroup) {
          // Redis came back without its data (no persistence): the group is gone with it.
          await ensureGroup(redis, options.streams, options.group, true).catch(() => undefined);
        }
        metrics.errors.inc();
        recovering = true;
        const delay = backoffDelay(failures++, RETRY);
        log(`redis: ${(error as Error).message}; retrying in ${delay} ms`);
        if (stopping) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, delay).unref();
        });
      }
    }
  };
  const done = loop().finally(async () => {
    redis.disconnect();
    admin?.disconnect();
  });
  done.catch(() => undefined);

  return {
    consumer: consumerName,
    metrics,
    get connected() {
      return redis.status === 'ready';
    },
    setValidator(next) {
      validator = next;
    },
    validator: () => validator,
    async refreshGroupInfo() {
      if (!admin) {
        admin = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: 1 });
        admin.on('error', () => undefined); // a failed scrape answers without lag; the loop reports Redis errors
      }
      for (const stream of options.streams) {
        const groups = await admin.xinfo('GROUPS', stream) as unknown[][];
        for (const group of groups) {
          const info = toRecord(group);
          if (info['name'] !== options.group) continue;
          const lag = info['lag'];
          metrics.groups.values.set(stream, { lag: typeof lag === 'number' ? lag : null, pending: Number(info['pending'] ?? 0) });
        }
      }
    },
    async stop() {
      stopping = true;
      wake?.();
      await done.catch(() => undefined);
    },
    done,
  };
}

async function connectWithRetry(redis: RedisClient, log: (text: string) => void, lastError: () => Error | undefined): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await redis.connect();
      return;
    } catch (caught) {
      // ioredis rejects with "Connection is closed"; the reason (WRONGPASS, ...) came as an event.
      const error = isFatal(lastError()) ? lastError()! : caught;
      if (isFatal(error)) {
        redis.disconnect();
        throw new FatalStreamError((error as Error).message);
      }
      const delay = backoffDelay(attempt, RETRY);
      log(`redis: cannot connect (${(error as Error).message}); retrying in ${delay} ms`);
      redis.disconnect();
      await sleep(delay);
    }
  }
}

/** Waits for every write in flight, oldest first; the first that failed throws. */
async function drain(writes: Promise<void>[]): Promise<void> {
  while (writes.length > 0) await writes.shift();
}

function toRecord(flat: unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) record[String(flat[i])] = flat[i + 1];
  return record;
}
