import { HttpError } from './errors.js';
import { describeJsonError } from './json-error.js';
import { findBatchElements, flattenLines, prependMembers } from './json-spans.js';

/** The calls of the tracking API, each with its own endpoint. */
export const MESSAGE_ENDPOINTS = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;
/** `import` is Segment's name for a batch of historical events: the same body as `batch`. */
export const BATCH_ENDPOINTS = ['batch', 'import'] as const;
/** An endpoint of the tracking API: one call type, or a batch. */
export type Endpoint = (typeof MESSAGE_ENDPOINTS)[number] | (typeof BATCH_ENDPOINTS)[number];

/** Size limits of the ingestion handler, per request and per message. */
export interface Limits {
  /** Largest message, in bytes of its JSON (Segment: 32 KiB). */
  maxMessageBytes: number;
  /** Largest batch request body, in bytes (Segment: 500 KiB). */
  maxBatchBytes: number;
}

/** The default request limits of the ingestion handler. */
export const DEFAULT_LIMITS: Limits = { maxMessageBytes: 32 * 1024, maxBatchBytes: 500 * 1024 };

export interface ParsedRequest {
  /** One entry per message: objects, or whatever else a batch held (the validator reports those). */
  messages: unknown[];
  /**
   * The JSON text of each message, matching the parsed object (members this function added
   * included), when it could be cut from the body; forwarding it saves serializing again.
   */
  raw: (string | undefined)[];
  /** Segment's HTTP API also takes the write key in the body. */
  bodyWriteKey?: unknown;
}

type Json = Record<string, unknown>;

export function isBatchEndpoint(endpoint: Endpoint): boolean {
  return endpoint === 'batch' || endpoint === 'import';
}

/** Parses a request body (already read and inflated, or parsed by other middleware) into its messages. */
export function parseRequestBody(endpoint: Endpoint, body: Buffer | Json, limits: Limits): ParsedRequest {
  let parsed: unknown = body;
  let text: string | undefined;
  if (Buffer.isBuffer(body)) {
    text = body.toString('utf8');
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new HttpError('malformedJson', { detail: describeJsonError(text, error) });
    }
    if (body.indexOf(0x0a) !== -1 || body.indexOf(0x0d) !== -1) text = flattenLines(text);
  }
  if (!isObject(parsed)) {
    throw new HttpError('invalidBody', { detail: `the body of /v1/${endpoint} must be a JSON object, found ${describeKind(parsed)}` });
  }
  if (!isBatchEndpoint(endpoint)) return parseSingle(endpoint, parsed, text?.trim(), limits);
  const batch = parsed['batch'];
  if (!Array.isArray(batch)) {
    throw new HttpError('invalidBody', { detail: `the body of /v1/${endpoint} must have a "batch" array, found ${describeKind(batch)}` });
  }
  let raw: (string | undefined)[] = (text !== undefined ? findBatchElements(text) : undefined) ?? [];
  if (raw.length !== batch.length) raw = [];
  // Without raw texts, measure each message here; with them, the caller measures what it forwards.
  if (raw.length === 0) checkMessageSizes(batch, limits.maxMessageBytes);
  mergeBatchFields(parsed, batch, raw);
  return { messages: batch, raw, bodyWriteKey: parsed['writeKey'] };
}

function parseSingle(endpoint: Endpoint, message: Json, text: string | undefined, limits: Limits): ParsedRequest {
  // A body another middleware parsed was not measured on the way in.
  if (text === undefined) checkMessageSizes([message], limits.maxMessageBytes, 'the message');
  // The endpoint names the call, as in Segment's and RudderStack's APIs.
  let raw = text;
  if (message['type'] === undefined) raw = raw && prependMembers(raw, `"type":${JSON.stringify(endpoint)}`);
  else if (message['type'] !== endpoint) raw = undefined;
  message['type'] = endpoint;
  return { messages: [message], raw: [raw], bodyWriteKey: message['writeKey'] };
}

/** Throws a 413 naming the first message whose JSON is over the limit. */
export function checkMessageSizes(batch: readonly unknown[], limit: number, name?: string): void {
  for (let i = 0; i < batch.length; i++) {
    const message = batch[i];
    const bytes = Buffer.byteLength(JSON.stringify(message) ?? '');
    if (bytes > limit) throw tooLarge(name ?? `batch[${i}]`, message, bytes, limit);
  }
}

export function tooLarge(where: string, message: unknown, bytes: number, limit: number): HttpError {
  const id = isObject(message) && typeof message['messageId'] === 'string' ? ` (messageId ${message['messageId']})` : '';
  return new HttpError('messageTooLarge', { where: `${where}${id}`, size: bytes, limit });
}

/** Batch-level `context`, `integrations` and `sentAt` apply to every message that lacks its own. */
function mergeBatchFields(body: Json, batch: unknown[], raw: (string | undefined)[]): void {
  const context = isObject(body['context']) ? body['context'] : undefined;
  const integrations = isObject(body['integrations']) ? body['integrations'] : undefined;
  const sentAt = typeof body['sentAt'] === 'string' ? body['sentAt'] : undefined;
  if (!context && !integrations && !sentAt) return;
  const sentAtMember = sentAt === undefined ? '' : `"sentAt":${JSON.stringify(sentAt)}`;
  for (let i = 0; i < batch.length; i++) {
    const message = batch[i];
    if (!isObject(message)) continue;
    if (context || integrations) raw[i] = undefined;
    if (context) message['context'] = isObject(message['context']) ? { ...context, ...message['context'] } : { ...context };
    if (integrations) message['integrations'] = isObject(message['integrations']) ? { ...integrations, ...message['integrations'] } : { ...integrations };
    if (sentAt && message['sentAt'] === undefined) {
      message['sentAt'] = sentAt;
      const text = raw[i];
      if (text !== undefined) raw[i] = prependMembers(text, sentAtMember);
    }
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return `a ${typeof value}`;
}
