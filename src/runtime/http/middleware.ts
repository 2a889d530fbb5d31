import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ValidationResult, Validator } from '../types.js';
import { malformed } from '../validator.js';
import { stringifyKeeping } from '../json-inspect.js';
import { validateWithFindings } from '../judge-findings.js';
import { createWriteKeyAuth, type WriteKeyAuth } from './auth.js';
import { HttpError } from './errors.js';
import { prependMembers } from './json-spans.js';
import { BATCH_ENDPOINTS, DEFAULT_LIMITS, isBatchEndpoint, isObject, MESSAGE_ENDPOINTS, parseRequestBody, tooLarge, type Endpoint, type Limits, type ParsedRequest } from './parse-messages.js';
import { readBody } from './read-body.js';
import { sendError, sendOk, sendPreflight } from './respond.js';
import type { ServeMetrics } from './serve-metrics.js';

/** What one accepted request hands to the sink. */
export interface AcceptedBatch {
  /** The messages that pass the policy, as they should be forwarded (stripped, violations attached). */
  messages: Record<string, unknown>[];
  /** The JSON text of each of `messages`: the client's own text when the policy left it unchanged. */
  json: string[];
  /** The write key the client authenticated with (undefined when no key was sent to an open server). */
  writeKey: string | undefined;
  /** When the request was accepted (ms since the epoch). */
  receivedAt: number;
  /** One result per message of the request, in order, including dropped and malformed ones. */
  results: ValidationResult[];
}

/**
 * Receives accepted messages. The 200 waits for it: a sink that persists (the spool) makes the
 * acknowledgement mean "stored". A throw answers the client with an error, an HttpError with its status.
 */
export type IngestSink = (batch: AcceptedBatch) => void | Promise<void>;

/** Where violating results came from: `raw[i]` is the JSON text of `results[i]` when it was cut from the body. */
export interface ViolatingRequest {
  /** The write key the client authenticated with (undefined on an open server without one). */
  writeKey: string | undefined;
  /** When the request was accepted (ms since the epoch). */
  receivedAt: number;
  /** Per result, the message's JSON text as the client sent it, or undefined when it was not cut from the body. */
  raw: (string | undefined)[];
}

/** Options of `createIngestHandler`. */
export interface IngestOptions {
  /** Validates each message and applies the plan's policy. */
  validator: Validator;
  /** Takes what passes; the client's 200 waits for it. */
  sink: IngestSink;
  /** Accepted write keys (Basic auth user name); none: every request is accepted. */
  writeKeys?: readonly string[];
  /** Size and depth limits, each defaulting to `DEFAULT_LIMITS` (Segment's: 32 KiB a message, 500 KiB a batch). */
  limits?: Partial<Limits>;
  /** Called after the sink took a request, with the results that had violations (dropped ones included). */
  onViolations?: (results: ValidationResult[], request: ViolatingRequest) => void;
  /** Where to count requests, messages by outcome and violations (`/metrics`). */
  metrics?: ServeMetrics;
  /** Refuse new requests with 503 (set while a server drains before it exits). */
  isClosing?: () => boolean;
  /**
   * Changes each message that passes before it is forwarded, returning the same object when it
   * changes nothing (`serve --redact-pii` hashes or drops PII values here).
   */
  transform?: (message: Record<string, unknown>) => Record<string, unknown>;
}

/** The `next` callback of connect/Express middleware. */
export type NextFunction = (error?: unknown) => void;
/** A `node:http` request listener that is also connect/Express middleware. */
export type IngestHandler = (req: IncomingMessage, res: ServerResponse, next?: NextFunction) => void;

const ENDPOINTS = new Set<string>([...MESSAGE_ENDPOINTS, ...BATCH_ENDPOINTS]);
const ROUTE = /^\/v1\/([a-z]+)\/?$/;
/**
 * JSON, and what the SDKs really send: the RudderStack Node SDK posts gzipped JSON labelled
 * `application/x-www-form-urlencoded` (axios' default for a Buffer), browsers' sendBeacon `text/plain`.
 */
const JSON_TYPES = /^(application\/json|application\/[\w.+-]+\+json|text\/plain|application\/x-www-form-urlencoded)$/;

/**
 * The Segment/RudderStack HTTP tracking API (`POST /v1/track|identify|page|screen|group|alias|batch`)
 * as a request handler: authenticates the write key, reads JSON or gzip bodies within the size
 * limits, validates every message, applies the policy and hands what passes to the sink.
 * Requests for other paths go to `next` (404 without one).
 */
export function createIngestHandler(options: IngestOptions): IngestHandler {
  const auth = createWriteKeyAuth(options.writeKeys ?? []);
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { metrics } = options;

  async function ingest(req: IncomingMessage & { body?: unknown }, res: ServerResponse, endpoint: Endpoint): Promise<number> {
    const headerKey = checkRequestHead(req, options, auth);
    const body = preParsedBody(req) ?? (await readRequestBody(req, endpoint, limits));
    const accepted = await acceptMessages(endpoint, body, headerKey, { options, limits, auth });
    // Past this point only the tally and the violating results are kept: the parsed messages can
    // go while the sink writes, rather than outliving it (a batch is thousands of objects, and
    // objects that survive a young-generation collection are copied, then collected again later).
    const { tally, violating, violatingRaw, writeKey, receivedAt } = accepted;
    await options.sink(accepted.batch);
    if (tally) metrics!.record(tally);
    if (violating.length > 0) options.onViolations!(violating, { writeKey, receivedAt, raw: violatingRaw });
    sendOk(req, res);
    return 200;
  }

  return (req, res, next) => {
    const endpoint = routeOf(req.url ?? '/');
    if (endpoint === undefined) {
      if (next) next();
      else sendError(req, res, new HttpError('notFound', { method: req.method ?? 'GET', path: req.url ?? '/' }));
      return;
    }
    if (req.method === 'OPTIONS') {
      sendPreflight(req, res);
      return;
    }
    const started = process.hrtime.bigint();
    const finish = (status: number) => {
      metrics?.requests.inc([endpoint, String(status)]);
      metrics?.latency.observe(Number(process.hrtime.bigint() - started) / 1e9, [endpoint]);
    };
    if (req.method !== 'POST') {
      finish(sendError(req, res, new HttpError('methodNotAllowed', { path: `/v1/${endpoint}`, allow: 'POST' }, { Allow: 'POST, OPTIONS' })));
      return;
    }
    ingest(req, res, endpoint).then(finish, (error: unknown) => finish(sendError(req, res, error)));
  };
}

/** The endpoint a request path names, or undefined when it names none. */
function routeOf(url: string): Endpoint | undefined {
  const query = url.indexOf('?');
  const match = ROUTE.exec(query === -1 ? url : url.slice(0, query));
  return match && ENDPOINTS.has(match[1]!) ? (match[1] as Endpoint) : undefined;
}

/**
 * What can be refused before the body is read: a draining server, a content type that is not
 * JSON, a wrong key in the header. Returns the header's write key.
 */
function checkRequestHead(req: IncomingMessage, options: IngestOptions, auth: WriteKeyAuth): string | undefined {
  if (options.isClosing?.()) throw new HttpError('shuttingDown', {}, { 'Retry-After': '5' });
  const contentType = req.headers['content-type'];
  if (contentType !== undefined) {
    const mediaType = contentType.split(';', 1)[0]!.trim().toLowerCase();
    if (mediaType !== '' && !JSON_TYPES.test(mediaType)) throw new HttpError('unsupportedContentType', { type: mediaType });
  }
  const authorization = req.headers.authorization;
  return authorization === undefined ? undefined : auth.authorize(authorization);
}

function readRequestBody(req: IncomingMessage, endpoint: Endpoint, limits: Limits): Promise<Buffer> {
  const batch = isBatchEndpoint(endpoint);
  const limit = batch ? limits.maxBatchBytes : limits.maxMessageBytes;
  return readBody(req, {
    limit,
    tooLarge: () => (batch ? new HttpError('batchTooLarge', { limit, kind: 'batch' }) : new HttpError('messageTooLarge', { where: 'the request body', size: `more than ${limit}`, limit })),
  });
}

interface AcceptContext {
  options: IngestOptions;
  limits: Limits;
  auth: WriteKeyAuth;
}

/** A batch yields to the event loop after this many messages, so other clients are not kept waiting. */
const YIELD_EVERY = 250;

/** Parses and validates a request body; what the request handler keeps of it while the sink works. */
async function acceptMessages(endpoint: Endpoint, body: Buffer | Record<string, unknown>, headerKey: string | undefined, context: AcceptContext) {
  const { options, limits } = context;
  const parsed = parseRequestBody(endpoint, body, limits);
  const writeKey = headerKey ?? context.auth.authorize(undefined, parsed.bodyWriteKey);
  const receivedAt = Date.now();
  const results: ValidationResult[] = new Array(parsed.messages.length);
  const messages: Record<string, unknown>[] = [];
  const json: string[] = [];
  for (let i = 0; i < parsed.messages.length; i++) {
    if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    const judged = judgeMessage(parsed, i, options);
    results[i] = judged.result;
    if (judged.text === undefined) continue;
    if (judged.text.length * 3 > limits.maxMessageBytes && Buffer.byteLength(judged.text) > limits.maxMessageBytes) {
      throw tooLarge(isBatchEndpoint(endpoint) ? `batch[${i}]` : 'the message', parsed.messages[i], Buffer.byteLength(judged.text), limits.maxMessageBytes);
    }
    messages.push(judged.result.message!);
    json.push(judged.text);
  }
  const tally = options.metrics?.tally(results);
  const violating: ValidationResult[] = [];
  const violatingRaw: (string | undefined)[] = [];
  if (options.onViolations) {
    results.forEach((result, i) => {
      if (result.valid) return;
      violating.push(result);
      violatingRaw.push(detach(parsed.raw[i]));
    });
  }
  const accepted: AcceptedBatch = { messages, json, writeKey, receivedAt, results };
  return { batch: accepted, tally, violating, violatingRaw, writeKey, receivedAt };
}

/** Validates message `i` of a request; `text` is what to forward, undefined when nothing is. */
function judgeMessage(parsed: ParsedRequest, i: number, options: IngestOptions): { result: ValidationResult; text: string | undefined } {
  const message = parsed.messages[i];
  const findings = parsed.findings[i];
  let raw = parsed.raw[i];
  // Upstreams dedupe on messageId: one given here stays the same through every retry and replay.
  if (isObject(message) && !findings?.tooDeep && (typeof message['messageId'] !== 'string' || message['messageId'] === '')) {
    const id = randomUUID();
    if (raw !== undefined) raw = message['messageId'] === undefined ? prependMembers(raw, `"messageId":"${id}"`) : undefined;
    message['messageId'] = id;
  }
  let result = validateWithFindings(options.validator, message, findings, options.limits?.maxDepth ?? DEFAULT_LIMITS.maxDepth);
  if (!result.message) return { result, text: undefined };
  const out = options.transform ? options.transform(result.message) : result.message;
  // Unchanged by the policy: forward the client's own text rather than serializing it again.
  const text = out === message && raw !== undefined ? raw : serialize(out, findings?.bigNumbers);
  if (text === undefined) result = unserializable(result);
  return { result, text };
}
/**
 * The message to forward as JSON (numbers past the double range as the client wrote them);
 * undefined when it cannot be (nested too deeply for JSON.stringify).
 */
function serialize(message: Record<string, unknown>, bigNumbers: ReadonlyMap<string, string> | undefined): string | undefined {
  try {
    return stringifyKeeping(message, bigNumbers);
  } catch {
    return undefined;
  }
}

/**
 * A copy of a message's text that does not share the request body's: a slice of a string keeps
 * the whole of it alive, and the violations outlive the request (the body is 100s of KiB).
 */
function detach(raw: string | undefined): string | undefined {
  return raw === undefined || raw.length < 64 ? raw : Buffer.from(raw, 'utf8').toString('utf8');
}

/** A message that passed the policy but cannot be serialized is dropped, and recorded as such. */
function unserializable(result: ValidationResult): ValidationResult {
  const dropped = malformed(result.input, result.call, result.event, 'unserializable', '', { detail: 'nested too deeply' });
  return { ...dropped, violations: [...result.violations, ...dropped.violations] };
}

/** A body that connect/Express middleware (express.json, express.raw) already read. */
function preParsedBody(req: IncomingMessage & { body?: unknown }): Buffer | Record<string, unknown> | undefined {
  if (!req.readableEnded || req.body === undefined) return undefined;
  if (Buffer.isBuffer(req.body) || isObject(req.body)) return req.body;
  throw new HttpError('invalidBody', { detail: 'the request body was already read by another middleware, and not as JSON' });
}
