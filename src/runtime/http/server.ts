import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ValidationResult, Validator } from '../types.js';
import { Forwarder, type ForwarderOptions } from './forward/forwarder.js';
import { Gauge } from './metrics.js';
import { createIngestHandler, type IngestSink } from './middleware.js';
import type { Limits } from './parse-messages.js';
import { sendJson } from './respond.js';
import { createServeMetrics, type ServeMetrics } from './serve-metrics.js';
import { Spool, type SpoolOptions } from './spool/spool.js';
import { ViolationsFile } from './violations-file.js';
import { ViolationsWebhook } from './violations-webhook.js';

/** Options of `startServer`. */
export interface ServeOptions {
  validator: Validator;
  host?: string;
  /** 0 picks a free port (tests). Default 8088. */
  port?: number;
  writeKeys?: readonly string[];
  limits?: Partial<Limits>;
  /** Forward accepted messages through an on-disk spool to `URL/v1/batch`. */
  forward?: Omit<ForwarderOptions, 'spool' | 'metrics' | 'log'> & { spool: SpoolOptions };
  /** Without `forward`: where accepted messages go, as NDJSON text (the CLI writes them to stdout). */
  output?: (ndjson: string) => void;
  violationsFile?: string;
  webhook?: { url: string; intervalMs?: number };
  log?: (text: string) => void;
  /** Called with the results of each request that had violations (after the file and webhook). */
  onViolations?: (results: readonly ValidationResult[]) => void;
}

/** A server started by `startServer`. */
export interface RunningServer {
  url: string;
  server: http.Server;
  metrics: ServeMetrics;
  spool: Spool | undefined;
  forwarder: Forwarder | undefined;
  /**
   * Stops accepting (new requests get 503), finishes the requests in progress, forwards what the
   * spool holds for up to `drainTimeoutMs`, then closes. Undelivered messages stay in the spool.
   */
  close(options?: { drainTimeoutMs?: number }): Promise<{ delivered: boolean; left: number }>;
}

/** `trackplan serve` as a library: the ingestion handler, `/health`, `/metrics`, spool and forwarder. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  const metrics = createServeMetrics();
  const { validator } = options;
  const spool = options.forward ? await Spool.open(options.forward.spool) : undefined;
  for (const problem of spool?.problems ?? []) {
    log(`spool: ${problem.kind === 'torn-line' ? 'removed a line cut short by a crash (never acknowledged)' : 'skipped an unreadable line'} at ${problem.file}:${problem.line}`);
  }
  const forwarder = spool && options.forward
    ? new Forwarder({ deadLetterFile: path.join(options.forward.spool.dir, 'dead-letter.ndjson'), ...options.forward, spool, metrics, log })
    : undefined;
  const violationsFile = options.violationsFile ? new ViolationsFile(options.violationsFile, log) : undefined;
  await violationsFile?.ready();
  const webhook = options.webhook
    ? new ViolationsWebhook({ ...options.webhook, plan: `${validator.planId}@${validator.planVersion}`, log, onPost: (ok) => metrics.webhookPosts.inc([ok ? 'ok' : 'failed']) })
    : undefined;
  if (spool) {
    metrics.registry.register(new Gauge('trackplan_spool_bytes', 'Bytes in the spool waiting for the upstream.', () => spool.stats.bytes));
    metrics.registry.register(new Gauge('trackplan_spool_messages', 'Messages in the spool waiting for the upstream.', () => spool.stats.messages));
    metrics.registry.register(new Gauge('trackplan_spool_max_bytes', 'Size bound of the spool; past it requests get 503.', () => spool.stats.maxBytes));
  }

  const sink: IngestSink = spool
    ? ({ json, writeKey, receivedAt }) => {
        if (json.length === 0) return;
        const key = writeKey ?? '';
        const count = json.length;
        // Not an async function: its frame would keep the request's messages alive until the write is done.
        return spool.append(json.map((text) => ({ receivedAt, writeKey: key, json: text }))).then(() => metrics.spooled.inc([], count));
      }
    : ({ json }) => {
        if (json.length > 0) options.output?.(`${json.join('\n')}\n`);
      };
  let closing = false;
  const ingest = createIngestHandler({
    validator,
    sink,
    metrics,
    isClosing: () => closing,
    ...(options.writeKeys ? { writeKeys: options.writeKeys } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    onViolations: (results, request) => {
      violationsFile?.write(results, request.raw);
      webhook?.add(results);
      options.onViolations?.(results);
    },
  });

  const server = http.createServer((req, res) => {
    const route = req.url?.split('?', 1)[0];
    if (req.method === 'GET' && route === '/health') {
      const room = spool?.hasRoom(options.limits?.maxMessageBytes ?? 32 * 1024) ?? true;
      const status = closing || !room ? 'unavailable' : forwarder && forwarder.status.failures > 0 ? 'degraded' : 'ok';
      sendJson(res, status === 'unavailable' ? 503 : 200, {
        status,
        plan: { id: validator.planId, version: validator.planVersion },
        ...(spool ? { spool: spool.stats } : {}),
        ...(forwarder ? { upstream: { url: options.forward!.url, ...forwarder.status } } : {}),
      });
    } else if (req.method === 'GET' && route === '/metrics') {
      const text = metrics.registry.render();
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    } else ingest(req, res);
  });
  // Keep-alive sockets of SDKs outlive a request by default; a proxy should not cut them early.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8088, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  forwarder?.start();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closed: Promise<{ delivered: boolean; left: number }> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    server,
    metrics,
    spool,
    forwarder,
    close(closeOptions = {}) {
      closed ??= (async () => {
        closing = true;
        const drainTimeoutMs = closeOptions.drainTimeoutMs ?? 30_000;
        // Requests in progress finish (new ones on open sockets get 503); sockets go as they fall idle.
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        const sweep = setInterval(() => server.closeIdleConnections(), 25);
        server.closeIdleConnections();
        const cutoff = setTimeout(() => server.closeAllConnections(), Math.min(drainTimeoutMs, 10_000));
        await stopped;
        clearInterval(sweep);
        clearTimeout(cutoff);
        const delivered = forwarder ? await forwarder.drain(drainTimeoutMs) : true;
        await forwarder?.stop();
        const left = spool?.stats.messages ?? 0;
        await spool?.close();
        await violationsFile?.close();
        await webhook?.close();
        return { delivered, left };
      })();
      return closed;
    },
  };
}
