import { appendFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { Spool } from '../spool/spool.js';
import type { StoredEntry } from '../spool/line.js';
import type { ServeMetrics } from '../serve-metrics.js';
import { backoffDelay, parseRetryAfter } from './backoff.js';
import { buildBatchBody } from './batch-body.js';
import { maskUrl } from '../mask-url.js';
import { postBatch, type PostResult } from './post-batch.js';

/** Options of the `Forwarder`: the upstream URL, batching, retries and backoff. */
export interface ForwarderOptions {
  /** The spool the forwarder reads batches from and acknowledges them in. */
  spool: Spool;
  /** Base URL of a RudderStack data plane or a Segment-compatible API: batches go to `URL/v1/batch`. */
  url: string;
  /** Most messages per batch. Default 500. */
  maxBatchMessages?: number;
  /** Most bytes per batch, under the 500 KiB batch limit of both APIs. Default 450 KiB. */
  maxBatchBytes?: number;
  /** Batches on their way at once. Default 8. */
  concurrency?: number;
  /** How long a part-full batch waits for more messages. Default 20 ms. */
  lingerMs?: number;
  /** First retry delay; it doubles per failed attempt, half of it random. Default 250 ms. */
  minBackoffMs?: number;
  /** Longest retry delay, also the cap on a `Retry-After`. Default 30 s. */
  maxBackoffMs?: number;
  /** How long one post may take before it counts as a network error. Default 30 s. */
  timeoutMs?: number;
  /** Sends batches gzip-compressed (`Content-Encoding: gzip`). Default false. */
  gzip?: boolean;
  /** NDJSON file for messages the upstream refuses for good (a 400 on the message alone). */
  deadLetterFile?: string;
  /** Where to count forwarded messages and upstream requests and errors (`/metrics`). */
  metrics?: ServeMetrics;
  /** Where operator messages go (a spool that cannot be read back, ...). */
  log?: (text: string) => void;
  /** The clock of `sentAt`, `lastSuccessAt`, HTTP-date `Retry-After` and dead-letter records, in epoch ms. Default `Date.now`. */
  now?: () => number;
  /** The backoff jitter source, in [0, 1); injectable for tests. Default `Math.random`. */
  random?: () => number;
}

/** What the forwarder reports on `/health`. */
export interface ForwarderStatus {
  /** Consecutive failed posts; 0 when the last post succeeded. */
  failures: number;
  /** Why the last failed post failed (`HTTP 503`, a network error), or undefined before any failure. */
  lastError: string | undefined;
  /** When a post last succeeded, in epoch ms; undefined before the first. */
  lastSuccessAt: number | undefined;
}

interface Flight {
  entries: StoredEntry[];
  done: boolean;
  finished: Promise<void>;
}

type Verdict = 'delivered' | 'refused' | 'retry';

/**
 * Moves spooled messages to the upstream: a few batches on their way at once, each a range of the
 * spool that no other batch holds, acknowledged in the spool in order and only after a 2xx (so
 * nothing goes twice within a run, and a crash replays at most what was on its way). Network
 * errors, 408, 429 and 5xx (and 401/403/404, which an operator fixes) are retried with exponential
 * backoff that pauses every batch; a 400 or 413 is narrowed down by halving the batch until the
 * refused message stands alone, and that one goes to the dead-letter file.
 */
export class Forwarder {
  /** Failures and the last success, live: `/health` reads it. */
  readonly status: ForwarderStatus = { failures: 0, lastError: undefined, lastSuccessAt: undefined };
  private readonly endpoint: URL;
  private readonly agent: http.Agent;
  private readonly options: Required<Pick<ForwarderOptions, 'maxBatchMessages' | 'maxBatchBytes' | 'concurrency' | 'lingerMs' | 'minBackoffMs' | 'maxBackoffMs' | 'timeoutMs' | 'gzip'>>;
  private stopped = false;
  private draining = false;
  private loop: Promise<void> | undefined;
  private readonly wakers = new Set<(cut: 'stop' | 'drain' | 'event') => void>();
  private pausedUntil = 0;
  private lastDetail = '';

  constructor(private readonly config: ForwarderOptions) {
    this.endpoint = new URL(`${config.url.replace(/\/+$/, '')}/v1/batch`);
    this.agent = this.endpoint.protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
    this.options = {
      maxBatchMessages: config.maxBatchMessages ?? 500,
      maxBatchBytes: config.maxBatchBytes ?? 450 * 1024,
      concurrency: config.concurrency ?? 8,
      lingerMs: config.lingerMs ?? 20,
      minBackoffMs: config.minBackoffMs ?? 250,
      maxBackoffMs: config.maxBackoffMs ?? 30_000,
      timeoutMs: config.timeoutMs ?? 30_000,
      gzip: config.gzip ?? false,
    };
  }

  /** Starts forwarding in the background; calling it again does nothing. */
  start(): void {
    this.loop ??= this.run();
  }

  /**
   * Sends at once (no linger, a pending backoff cut short once) until the spool is empty; true
   * then, false if `timeoutMs` passes first (what is left stays in the spool for the next start).
   */
  async drain(timeoutMs: number): Promise<boolean> {
    this.draining = true;
    this.pausedUntil = 0;
    this.wake('drain');
    const deadline = Date.now() + timeoutMs;
    while (this.config.spool.stats.messages > 0 && Date.now() < deadline && !this.stopped) {
      await new Promise<void>((resolve) => setTimeout(resolve, Math.min(20, Math.max(1, deadline - Date.now()))));
    }
    return this.config.spool.stats.messages === 0;
  }

  /** Stops after the posts on their way; batches not acknowledged stay in the spool. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake('stop');
    // Posts still on their way are cut: their batches stay in the spool, sent again at the next start.
    this.agent.destroy();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { spool } = this.config;
    const window: Flight[] = [];
    let onTheirWay = 0;
    while (!this.stopped) {
      while (window[0]?.done) {
        const flight = window.shift()!;
        spool.ack(flight.entries);
        onTheirWay -= flight.entries.length;
      }
      const unsent = spool.stats.messages - onTheirWay;
      if (window.length < this.options.concurrency && unsent > 0 && Date.now() >= this.pausedUntil) {
        if (!this.draining && unsent < this.options.maxBatchMessages) await this.sleep(this.options.lingerMs);
        const entries = await this.peek(onTheirWay);
        if (entries.length === 0 || this.stopped) continue;
        const flight: Flight = { entries, done: false, finished: Promise.resolve() };
        flight.finished = this.deliver(entries).then((complete) => {
          flight.done = complete;
          this.wake('event');
        });
        window.push(flight);
        onTheirWay += entries.length;
        continue;
      }
      // Nothing to start: wait for a batch to finish, new data, the end of a pause, or stop.
      await new Promise<void>((resolve) => {
        const waker = () => {
          this.wakers.delete(waker);
          clearTimeout(timer);
          resolve();
        };
        const paused = this.pausedUntil - Date.now();
        const timer = setTimeout(waker, paused > 0 ? paused : 1000);
        this.wakers.add(waker);
        if (unsent === 0) void spool.waitForData(onTheirWay).then(waker);
      });
    }
    await Promise.all(window.map((flight) => flight.finished));
    while (window[0]?.done) spool.ack(window.shift()!.entries);
  }

  /**
   * The next batch of the spool. Reading a segment back can fail (EMFILE, EIO): that pauses
   * forwarding like an upstream failure, and the loop tries again after the backoff.
   */
  private async peek(skip: number): Promise<StoredEntry[]> {
    try {
      return sameKeyPrefix(await this.config.spool.peek(this.options.maxBatchMessages, this.options.maxBatchBytes, skip));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'I/O error';
      this.config.log?.(`cannot read the spool back (${code}); forwarding pauses and tries again`);
      this.pausedUntil = Date.now() + this.options.minBackoffMs * 4;
      return [];
    }
  }

  /** Posts one spool range until all of it is delivered or dead-lettered; false when stopped first. */
  private async deliver(entries: StoredEntry[]): Promise<boolean> {
    const parts = [entries];
    let attempt = 0;
    while (parts.length > 0) {
      while (Date.now() < this.pausedUntil && !this.stopped) await this.sleep(this.pausedUntil - Date.now());
      if (this.stopped) return false;
      const part = parts[0]!;
      const result = await postBatch(this.endpoint, buildBatchBody(part, this.now()), {
        writeKey: part[0]!.writeKey,
        timeoutMs: this.options.timeoutMs,
        gzip: this.options.gzip,
        agent: this.agent,
      });
      const verdict = judge(result.status);
      this.config.metrics?.upstreamRequests.inc([result.status === 0 ? 'network' : String(result.status)]);
      if (verdict === 'delivered') {
        parts.shift();
        this.config.metrics?.forwarded.inc([], part.length);
        this.status.failures = 0;
        this.status.lastSuccessAt = this.now();
        attempt = 0;
        continue;
      }
      this.status.failures++;
      // What /health shows: the status alone (the upstream's answer may echo what it was sent).
      this.status.lastError = result.status === 0 ? result.detail : `HTTP ${result.status}`;
      this.lastDetail = result.status === 0 ? result.detail : `HTTP ${result.status}: ${result.detail}`;
      this.config.metrics?.upstreamErrors.inc([reason(result.status)]);
      if (verdict === 'refused') {
        parts.shift();
        if (part.length > 1) {
          const half = Math.ceil(part.length / 2);
          parts.unshift(part.slice(0, half), part.slice(half));
        } else await this.deadLetter(part[0]!, result);
        continue;
      }
      if (this.status.failures === 1 || this.status.failures % 10 === 0) {
        this.config.log?.(`upstream ${maskUrl(this.endpoint.href)}: ${this.lastDetail} (failure ${this.status.failures}; ${this.config.spool.stats.messages} messages wait in the spool)`);
      }
      const delay = parseRetryAfter(result.retryAfter, this.now()) ?? backoffDelay(attempt, { minMs: this.options.minBackoffMs, maxMs: this.options.maxBackoffMs }, this.config.random);
      attempt++;
      // One failure pauses every batch: the upstream is down or asks to slow down for all of them.
      this.pausedUntil = Math.max(this.pausedUntil, Date.now() + Math.min(delay, this.options.maxBackoffMs));
    }
    return true;
  }

  private async deadLetter(entry: StoredEntry, result: PostResult): Promise<void> {
    this.config.metrics?.deadLettered.inc();
    const record = `{"at":${JSON.stringify(new Date(this.now()).toISOString())},"status":${result.status},"response":${JSON.stringify(result.detail)},"writeKey":${JSON.stringify(entry.writeKey)},"message":${entry.data.toString('utf8')}}\n`;
    const file = this.config.deadLetterFile;
    const failure = file ? await appendFile(file, record).then(() => undefined, (error: NodeJS.ErrnoException) => error.code ?? 'I/O error') : 'no dead-letter file';
    // Logs never carry a write key or message content (PII): the messageId is enough to find it.
    const id = messageIdOf(entry.data);
    if (failure === undefined) this.config.log?.(`upstream refused message ${id} for good (HTTP ${result.status}); kept in ${file}`);
    else this.config.log?.(`upstream refused message ${id} for good (HTTP ${result.status}) and it could not be dead-lettered (${failure}): lost`);
  }

  /** Waits (a linger or a backoff); stop() and the start of a drain cut it short. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.wakers.delete(waker);
        clearTimeout(timer);
        resolve();
      };
      const waker = (cut: 'stop' | 'drain' | 'event') => {
        if (cut !== 'event') done();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(waker);
    });
  }

  private wake(cut: 'stop' | 'drain' | 'event'): void {
    for (const waker of [...this.wakers]) waker(cut);
  }

  private now(): number {
    return this.config.now?.() ?? Date.now();
  }
}

function judge(status: number): Verdict {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 0 || status === 408 || status === 429 || status >= 500 || status === 401 || status === 403 || status === 404) return 'retry';
  return 'refused';
}

function reason(status: number): string {
  if (status === 0) return 'network';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  return 'client-error';
}

/** A batch carries one write key (the upstream's source): cut it where the key changes. */
function sameKeyPrefix(entries: StoredEntry[]): StoredEntry[] {
  const key = entries[0]?.writeKey;
  const end = entries.findIndex((entry) => entry.writeKey !== key);
  return end === -1 ? entries : entries.slice(0, end);
}

/** The messageId of a spooled message, for log lines (never its content). */
function messageIdOf(data: Buffer): string {
  const text = data.toString('utf8');
  const match = /"messageId"\s*:\s*("(?:[^"\\]|\\.){0,200}")/.exec(text);
  if (!match) return '(without messageId)';
  try {
    return JSON.stringify(JSON.parse(match[1]!));
  } catch {
    return '(without messageId)';
  }
}
