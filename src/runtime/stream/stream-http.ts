import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from '../http/respond.js';
import type { StreamConsumer } from './consumer.js';

/** The `/metrics` and `/health` server of a consumer. */
export interface StreamHttp {
  /** Where it listens. */
  url: string;
  /** Stops it. */
  close(): Promise<void>;
}

/**
 * `/metrics` (Prometheus text, with lag and pending read from XINFO GROUPS at scrape time) and
 * `/health` (200 while Redis is reachable, 503 otherwise) for one consumer.
 */
export async function startStreamHttp(consumer: StreamConsumer, info: Record<string, unknown>, host: string, port: number): Promise<StreamHttp> {
  const server = http.createServer((req, res) => {
    const route = req.url?.split('?', 1)[0];
    if (req.method === 'GET' && route === '/health') {
      const validator = consumer.validator();
      sendJson(res, consumer.connected ? 200 : 503, {
        status: consumer.connected ? 'ok' : 'unavailable',
        consumer: consumer.consumer,
        ...info,
        plan: { id: validator.planId, version: validator.planVersion },
      });
    } else if (req.method === 'GET' && route === '/metrics') {
      // Lag is best effort: while Redis is away the counters still answer.
      consumer.refreshGroupInfo().catch(() => undefined).finally(() => {
        const text = consumer.metrics.registry.render();
        res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
      });
    } else {
      sendJson(res, 404, { error: 'not found: GET /health or /metrics' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
