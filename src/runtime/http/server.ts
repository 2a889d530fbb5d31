import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { PiiMode, Redactor } from '../redact.js';
import type { Validator } from '../types.js';
import { HttpError } from './errors.js';
import { Forwarder, type ForwarderOptions } from './forward/forwarder.js';
import { Gauge } from './metrics.js';
import { createIngestHandler, type IngestHandler, type IngestSink } from './middleware.js';
import type { Limits } from './parse-messages.js';
import { sendJson } from './respond.js';
import { createServeMetrics, type ServeMetrics } from './serve-metrics.js';
import { answerClientError, applyTimeouts, DEFAULT_TIMEOUTS, type Timeouts } from './server-timeouts.js';
import { SpoolError } from './spool/spool-error.js';
import { Spool, type SpoolOptions } from './spool/spool.js';
import { ViolationsFile, type ViolationsFileOptions } from './violations-file.js';
import { ViolationsWebhook } from './violations-webhook.js';

/** Options of `startServer`. */
export interface ServeOptions {
  /** Validates each message and applies the plan's policy. */
  validator: Validator;
  /** The address to listen on (ingestion and admin ports). Default `127.0.0.1`. */
  host?: string;
  /** 0 picks a free port (tests). Default 8088. */
  port?: number;
  /** Serve `/health` and `/metrics` on this port instead of the ingestion port (0: any free port). */
  adminPort?: number;
  /** Accepted write keys (Basic auth user name); none: every request is accepted. */
  writeKeys?: readonly string[];
  /** Size and depth limits of requests, each defaulting to `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
  /** Header, body and idle timeouts of client connections (slow clients are cut). */
  timeouts?: Partial<Timeouts>;
  /** Forward accepted messages through an on-disk spool to `URL/v1/batch`. */
  forward?: Omit<ForwarderOptions, 'spool' | 'metrics' | 'log'> & { spool: SpoolOptions };
  /** Without `forward`: where accepted messages go, as NDJSON text (the CLI writes them to stdout). */
  output?: (ndjson: string) => void;
  /** NDJSON file that gets one record per violating message (appended, rotated by size). */
  violationsFile?: string;
  /** Rotation of the violations file. */
  violationsRotation?: Pick<ViolationsFileOptions, 'maxFileBytes' | 'maxFiles'>;
  /**
   * A Slack-compatible incoming webhook that gets a summary of violations, at most one post per
   * `intervalMs` (default 60 s).
   */
  webhook?: { url: string; intervalMs?: number };
  /** PII values (the plan's `pii: true`) in what leaves the server; never in violation records. */
  pii?: { redactor: Redactor; mode: PiiMode };
  /** Where operator messages go (spool recovery, failed writes and posts); default: nowhere. */
  log?: (text: string) => void;
}

/** A server started by `startServer`. */
export interface RunningServer {
  /** The ingestion URL, with the port actually bound (`http://127.0.0.1:8088`). */
  url: string;
  /** Where `/health` and `/metrics` are served: `url` unless an admin port was given. */
  adminUrl: string;
  /** The ingestion server. */
  server: http.Server;
  /** The counters `/metrics` prints. */
  metrics: ServeMetrics;
  /** The on-disk spool, when the server forwards. */
  spool: Spool | undefined;
  /** What moves the spool upstream, when the server forwards; its `status` is on `/health`. */
  forwarder: Forwarder | undefined;
  /**
   * Stops accepting (new requests get 503), finishes the requests in progress, forwards what the
   * spool holds for up to `drainTimeoutMs`, then closes. Undelivered messages stay in the spool.
   */
  close(options?: { drainTimeoutMs?: number }): Promise<{ delivered: boolean; left: number }>;
}

/** What one server is made of, built before it listens. */
interface Parts {
  log: (text: string) => void;
  metrics: ServeMetrics;
  spool: Spool | undefined;
  forwarder: Forwarder | undefined;
  violationsFile: ViolationsFile | undefined;
  webhook: ViolationsWebhook | undefined;
  state: { closing: boolean };
}

/** `trackplan serve` as a library: the ingestion handler, `/health`, `/metrics`, spool and forwarder. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const parts = await openParts(options);
  const ingest = createIngestHandler({
    validator: options.validator,
    sink: createSink(options, parts),
    metrics: parts.metrics,
    isClosing: () => parts.state.closing,
    ...(options.writeKeys ? { writeKeys: options.writeKeys } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.pii && options.pii.mode !== 'keep' && !options.pii.redactor.empty ? { transform: (message) => options.pii!.redactor.redact(message, options.pii!.mode) } : {}),
    onViolations: (results, request) => {
      parts.violationsFile?.write(results, request.raw);
      parts.webhook?.add(results);
    },
  });
  const admin = (req: http.IncomingMessage, res: http.ServerResponse) => answerAdmin(req, res, options, parts);
  const separateAdmin = options.adminPort !== undefined;
  const server = createHttpServer(options, (req, res) => {
    if (separateAdmin || !admin(req, res)) ingest(req, res);
  });
  const adminServer = separateAdmin ? createHttpServer(options, (req, res) => {
    if (!admin(req, res)) res.writeHead(404, { 'Content-Length': 0 }).end();
  }) : undefined;
  const url = await listen(server, options.port ?? 8088, options.host ?? '127.0.0.1');
  const adminUrl = adminServer ? await listen(adminServer, options.adminPort!, options.host ?? '127.0.0.1') : url;
  parts.forwarder?.start();
  return {
    url,
    adminUrl,
    server,
    metrics: parts.metrics,
    spool: parts.spool,
    forwarder: parts.forwarder,
    close: once((closeOptions = {}) => closeParts(parts, server, adminServer, closeOptions.drainTimeoutMs ?? 30_000)),
  };
}

/** Opens the spool, forwarder, violations file and webhook the options ask for. */
async function openParts(options: ServeOptions): Promise<Parts> {
  const log = options.log ?? (() => undefined);
  const metrics = createServeMetrics();
  const spool = options.forward
    ? await Spool.open({ ...options.forward.spool, onError: (error, during) => log(`spool: a ${during} failed (${error.code ?? error.message}); clients get 503 until a write succeeds`) })
    : undefined;
  for (const problem of spool?.problems ?? []) {
    log(`spool: ${problem.kind === 'torn-line' ? 'removed a line cut short by a crash (never acknowledged)' : 'skipped an unreadable line'} at ${problem.file}:${problem.line}`);
  }
  const forwarder = spool && options.forward
    ? new Forwarder({ deadLetterFile: path.join(options.forward.spool.dir, 'dead-letter.ndjson'), ...options.forward, spool, metrics, log })
    : undefined;
  const pii = options.pii;
  const recordRedact = pii && !pii.redactor.empty ? (message: Record<string, unknown>) => pii.redactor.redact(message, pii.mode === 'hash' ? 'hash' : 'drop') : undefined;
  const violationsFile = options.violationsFile
    ? new ViolationsFile(options.violationsFile, {
        log,
        maxBytes: options.limits?.maxMessageBytes ?? 32 * 1024,
        ...options.violationsRotation,
        ...(recordRedact ? { redact: recordRedact } : {}),
      })
    : undefined;
  await violationsFile?.ready();
  const { validator } = options;
  const webhook = options.webhook
    ? new ViolationsWebhook({ ...options.webhook, plan: `${validator.planId}@${validator.planVersion}`, log, onPost: (ok) => metrics.webhookPosts.inc([ok ? 'ok' : 'failed']) })
    : undefined;
  if (spool) registerSpoolGauges(metrics, spool);
  return { log, metrics, spool, forwarder, violationsFile, webhook, state: { closing: false } };
}

function registerSpoolGauges(metrics: ServeMetrics, spool: Spool): void {
  metrics.registry.register(new Gauge('trackplan_spool_bytes', 'Bytes in the spool waiting for the upstream.', () => spool.stats.bytes));
  metrics.registry.register(new Gauge('trackplan_spool_messages', 'Messages in the spool waiting for the upstream.', () => spool.stats.messages));
  metrics.registry.register(new Gauge('trackplan_spool_max_bytes', 'Size bound of the spool; past it requests get 503.', () => spool.stats.maxBytes));
}

/** Where accepted messages go: the spool (the 200 means "stored"), or the output function. */
function createSink(options: ServeOptions, parts: Parts): IngestSink {
  const { spool, metrics } = parts;
  if (!spool) {
    return ({ json }) => {
      if (json.length > 0) options.output?.(`${json.join('\n')}\n`);
    };
  }
  return ({ json, writeKey, receivedAt }) => {
    if (json.length === 0) return;
    const key = writeKey ?? '';
    const count = json.length;
    // Not an async function: its frame would keep the request's messages alive until the write is done.
    return spool.append(json.map((text) => ({ receivedAt, writeKey: key, json: text }))).then(() => metrics.spooled.inc([], count), refuseStorageError);
  }
}

/** Storage knows nothing of HTTP: its refusals become 503s with Retry-After here. */
function refuseStorageError(error: unknown): never {
  if (!(error instanceof SpoolError)) throw error;
  const retry = { 'Retry-After': '5' };
  if (error.kind === 'full') throw new HttpError('spoolFull', { bytes: error.waitingBytes }, retry);
  if (error.kind === 'closing') throw new HttpError('shuttingDown', {}, retry);
  throw new HttpError('storageUnavailable', { reason: error.errno ?? 'I/O error' }, retry);
}

/** `/health` and `/metrics`; false when the request is for neither. Neither shows a secret. */
function answerAdmin(req: http.IncomingMessage, res: http.ServerResponse, options: ServeOptions, parts: Parts): boolean {
  const route = req.url?.split('?', 1)[0];
  if (req.method !== 'GET' || (route !== '/health' && route !== '/metrics')) return false;
  if (route === '/metrics') {
    const text = parts.metrics.registry.render();
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
    return true;
  }
  const { spool, forwarder } = parts;
  const room = spool ? spool.writeFailure === undefined && spool.hasRoom(options.limits?.maxMessageBytes ?? 32 * 1024) : true;
  const status = parts.state.closing || !room ? 'unavailable' : forwarder && forwarder.status.failures > 0 ? 'degraded' : 'ok';
  sendJson(res, status === 'unavailable' ? 503 : 200, {
    status,
    plan: { id: options.validator.planId, version: options.validator.planVersion },
    ...(spool ? { spool: { ...spool.stats, ...(spool.writeFailure ? { writeFailure: spool.writeFailure } : {}) } } : {}),
    // The upstream's URL (it may carry credentials) and its answers (they may echo data) stay out.
    ...(forwarder ? { upstream: { ...forwarder.status } } : {}),
  });
  return true;
}

function createHttpServer(options: ServeOptions, listener: http.RequestListener): http.Server {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const server = http.createServer({ ...applyTimeouts(timeouts) }, listener);
  // Keep-alive sockets of SDKs outlive a request by default; a proxy should not cut them early.
  server.keepAliveTimeout = timeouts.idleMs;
  server.on('clientError', answerClientError);
  return server;
}

async function listen(server: http.Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shown}:${address.port}`;
}

/**
 * Requests in progress finish (new ones on open sockets get 503); sockets go as they fall idle.
 * Then the forwarder drains the spool for up to `drainTimeoutMs`, and every part closes.
 */
async function closeParts(parts: Parts, server: http.Server, adminServer: http.Server | undefined, drainTimeoutMs: number): Promise<{ delivered: boolean; left: number }> {
  parts.state.closing = true;
  const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => server.closeIdleConnections(), 25);
  server.closeIdleConnections();
  const cutoff = setTimeout(() => server.closeAllConnections(), Math.min(drainTimeoutMs, 10_000));
  await stopped;
  clearInterval(sweep);
  clearTimeout(cutoff);
  const { forwarder, spool } = parts;
  const delivered = forwarder ? await forwarder.drain(drainTimeoutMs) : true;
  await forwarder?.stop();
  const left = spool?.stats.messages ?? 0;
  await spool?.close();
  await parts.violationsFile?.close();
  await parts.webhook?.close();
  if (adminServer) {
    adminServer.closeAllConnections();
    await new Promise<void>((resolve) => adminServer.close(() => resolve()));
  }
  return { delivered, left };
}

/** The function, run once: later calls get the first call's promise. */
function once<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let result: Promise<R> | undefined;
  return (...args) => (result ??= run(...args));
}

export type { IngestHandler };
