import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { compileRuntimePlan } from '../../src/core/compiled-plan.js';
import { createValidator } from '../../src/runtime/validator.js';
import type { Validator, ValidatorOptions } from '../../src/runtime/types.js';
import { loadPlan } from '../../src/sources/load-plan.js';

export const PLAN_DIR = path.join(import.meta.dirname, 'fixtures', 'plan');

/** The validator of the serve tests' own plan (serve-test@2.3.0). */
export async function loadTestValidator(options: ValidatorOptions = {}): Promise<Validator> {
  const { plan } = await loadPlan(PLAN_DIR);
  if (!plan) throw new Error('the serve test plan does not load');
  return createValidator(compileRuntimePlan(plan), options);
}

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as received (inflated). */
  text: string;
  body: { batch: Record<string, unknown>[]; sentAt?: string } & Record<string, unknown>;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
}

/** A local stand-in for a RudderStack data plane: records every batch it acknowledges. */
export interface Upstream {
  url: string;
  /** Requests it answered with 2xx. */
  accepted: RecordedRequest[];
  /** Every request, whatever the answer. */
  seen: number;
  /** The status to answer with (and headers); default 200. */
  respond: (request: RecordedRequest) => Answer | Promise<Answer>;
  messages(): Record<string, unknown>[];
  /** Stops listening: connections are refused until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startUpstream(): Promise<Upstream> {
  let server: http.Server | undefined;
  let port = 0;
  const upstream: Upstream = {
    url: '',
    accepted: [],
    seen: 0,
    respond: () => ({ status: 200 }),
    messages: () => upstream.accepted.flatMap((request) => request.body.batch),
    async down() {
      const current = server;
      server = undefined;
      if (!current) return;
      const closed = new Promise((resolve) => current.close(resolve));
      current.closeAllConnections();
      await closed;
    },
    async up() {
      if (server) return;
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
          const request: RecordedRequest = { path: req.url ?? '', headers: req.headers, text, body: JSON.parse(text) };
          upstream.seen++;
          void Promise.resolve(upstream.respond(request)).then(({ status, headers = {} }) => {
            if (status >= 200 && status < 300) upstream.accepted.push(request);
            res.writeHead(status, headers).end(status < 300 ? 'OK' : 'nope');
          });
        });
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
      upstream.url = `http://127.0.0.1:${port}`;
    },
    close: () => upstream.down(),
  };
  await upstream.up();
  return upstream;
}

/** Polls until `check` returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: () => Record<string, unknown>;
}

export interface PostOptions {
  writeKey?: string;
  headers?: Record<string, string>;
  gzip?: boolean;
  method?: string;
}

/** Posts a body (an object is sent as JSON, a string or Buffer as is) with Basic auth. */
export function post(baseUrl: string, route: string, body: unknown, options: PostOptions = {}): Promise<Reply> {
  let payload: Buffer = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json', ...options.headers };
  if (options.gzip) {
    payload = gzipSync(payload);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = payload.length;
  if (options.writeKey !== undefined) headers['Authorization'] = `Basic ${Buffer.from(`${options.writeKey}:`).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${route}`, { method: options.method ?? 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
    });
    // A server that refuses a body early may close the socket while it is still being sent.
    req.on('error', reject);
    req.end(payload);
  });
}

export function get(baseUrl: string, route: string): Promise<Reply> {
  return post(baseUrl, route, '', { method: 'GET', headers: {} });
}
