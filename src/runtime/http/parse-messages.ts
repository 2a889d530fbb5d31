import { inspectJson, measureValue, scanJson, type JsonFindings } from '../json-inspect.js';
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
  /** Most entries in one batch: each costs a validation and maybe a violation record. */
  maxBatchEntries: number;
  /** Deepest nesting of a message (objects and arrays); deeper ones are dropped as Malformed-Event. */
  maxDepth: number;
}

/** The default request limits of the ingestion handler. */
export const DEFAULT_LIMITS: Limits = { maxMessageBytes: 32 * 1024, maxBatchBytes: 500 * 1024, maxBatchEntries: 2000, maxDepth: 64 };

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
  /** What JSON.parse hid about each message (a repeated key, too deep, numbers past doubles), when anything. */
  findings: (JsonFindings | undefined)[];
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
  if (batch.length > limits.maxBatchEntries) throw new HttpError('tooManyEntries', { count: batch.length, limit: limits.maxBatchEntries });
  const keyCounts: number[] = [];
  let raw: (string | undefined)[] = (text !== undefined ? findBatchElements(text, keyCounts) : undefined) ?? [];
  if (raw.length !== batch.length) raw = [];
  // Before any member is merged in: the findings are about the client's own text.
  const findings = inspectBatch(batch, raw, keyCounts.length === batch.length ? keyCounts : undefined, text, limits.maxDepth);
  // Without raw texts, measure each message here; with them, the caller measures what it forwards.
  if (raw.length === 0) checkMessageSizes(batch, limits.maxMessageBytes, undefined, findings);
  mergeBatchFields(parsed, batch, raw);
  return { messages: batch, raw, bodyWriteKey: parsed['writeKey'], findings };
}

/**
 * The findings of each batch element: from its own text when the elements were cut from the body,
 * else from one exact scan of the whole body (its pointers name the element).
 */
function inspectBatch(
  batch: unknown[], raw: (string | undefined)[], keyCounts: number[] | undefined, text: string | undefined, maxDepth: number,
): (JsonFindings | undefined)[] {
  const findings: (JsonFindings | undefined)[] = new Array(batch.length);
  if (raw.length === batch.length) {
    for (let i = 0; i < batch.length; i++) {
      const element = batch[i];
      if (element === null || typeof element !== 'object') continue;
      // The common case: as many keys in the text as parsed, nothing too deep or past doubles.
      const shape = keyCounts ? measureValue(element, maxDepth) : undefined;
      if (shape && !shape.tooDeep && !shape.nonFinite && shape.keys === keyCounts![i]) continue;
      const found = inspectJson(raw[i]!, element, maxDepth);
      if (found.duplicateKey !== undefined || found.tooDeep || found.bigNumbers) findings[i] = found;
    }
    return findings;
  }
  for (let i = 0; i < batch.length; i++) if (measureValue(batch[i], maxDepth).tooDeep) findings[i] = { tooDeep: true };
  if (text === undefined) return findings;
  const whole = scanJson(text);
  const element = (pointer: string) => /^\/batch\/(\d+)(\/.*)?$/.exec(pointer);
  const duplicate = whole.duplicateKey === undefined ? undefined : element(whole.duplicateKey);
  if (duplicate) (findings[Number(duplicate[1])] ??= {}).duplicateKey = duplicate[2] ?? '';
  for (const [pointer, literal] of whole.bigNumbers ?? []) {
    const match = element(pointer);
    if (match) ((findings[Number(match[1])] ??= {}).bigNumbers ??= new Map()).set(match[2] ?? '', literal);
  }
  return findings;
}

function parseSingle(endpoint: Endpoint, message: Json, text: string | undefined, limits: Limits): ParsedRequest {
  // A body another middleware parsed was not measured on the way in.
  const found: JsonFindings = text === undefined ? { tooDeep: measureValue(message, limits.maxDepth).tooDeep } : inspectJson(text, message, limits.maxDepth);
  const findings = [found.duplicateKey !== undefined || found.tooDeep || found.bigNumbers ? found : undefined];
  if (text === undefined) checkMessageSizes([message], limits.maxMessageBytes, 'the message', findings);
  // The endpoint names the call, as in Segment's and RudderStack's APIs.
  let raw = text;
  if (message['type'] === undefined) raw = raw && prependMembers(raw, `"type":${JSON.stringify(endpoint)}`);
  else if (message['type'] !== endpoint) raw = undefined;
  message['type'] = endpoint;
  return { messages: [message], raw: [raw], bodyWriteKey: message['writeKey'], findings };
}

/** Throws a 413 naming the first message whose JSON is over the limit (too deep ones are judged apart). */
export function checkMessageSizes(batch: readonly unknown[], limit: number, name?: string, findings: readonly (JsonFindings | undefined)[] = []): void {
  for (let i = 0; i < batch.length; i++) {
    if (findings[i]?.tooDeep) continue;
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
