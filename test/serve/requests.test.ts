import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/runtime/http/server.js';
import { tempTree } from '../helpers/temp.js';
import { loadTestValidator, post, startUpstream, waitFor, type Upstream } from './helpers.js';

let upstream: Upstream;
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  upstream = await startUpstream();
  dir = await tempTree({}, 'trackplan-serve-requests-');
  server = await startServer({
    validator: await loadTestValidator(),
    port: 0,
    writeKeys: ['key-a', 'key-b'],
    limits: { maxMessageBytes: 4096, maxBatchBytes: 64 * 1024 },
    forward: { url: upstream.url, lingerMs: 1, spool: { dir: path.join(dir, 'spool') } },
    violationsFile: path.join(dir, 'violations.ndjson'),
  });
});

afterAll(async () => {
  await server?.close({ drainTimeoutMs: 2000 });
  await upstream?.close();
});

const good = (id: string) => ({ type: 'track', userId: 'u1', event: 'Order Completed', messageId: id, properties: { order_id: id, total: 5 } });
const padding = (bytes: number) => 'x'.repeat(bytes);

interface BadCase {
  name: string;
  route: string;
  body: unknown;
  writeKey?: string;
  headers?: Record<string, string>;
  gzip?: boolean;
  method?: string;
  status: number;
  code: string;
  message?: RegExp;
}

const bad: BadCase[] = [
  { name: 'no auth', route: '/v1/track', body: good('m-noauth'), status: 401, code: 'unauthorized' },
  { name: 'wrong write key', route: '/v1/track', body: good('m-wrongkey'), writeKey: 'key-z', status: 401, code: 'invalidWriteKey' },
  { name: 'wrong write key in the body (Segment style)', route: '/v1/batch', body: { writeKey: 'key-z', batch: [good('m-bodykey')] }, status: 401, code: 'invalidWriteKey' },
  { name: 'malformed JSON', route: '/v1/track', body: '{"event":"Order Completed",}', writeKey: 'key-a', status: 400, code: 'malformedJson', message: /at line 1, column 28$/ },
  { name: 'malformed JSON on a later line', route: '/v1/batch', body: '{\n  "batch": [\n    {"type": "track" "event": "x"}\n  ]\n}', writeKey: 'key-a', status: 400, code: 'malformedJson', message: /at line 3, column 22$/ },
  { name: 'truncated JSON', route: '/v1/batch', body: '{"batch":[{"type":"track"', writeKey: 'key-a', status: 400, code: 'malformedJson', message: /at line 1, column 26$/ },
  { name: 'an empty body', route: '/v1/track', body: '', writeKey: 'key-a', status: 400, code: 'malformedJson' },
  { name: 'an array to /v1/track', route: '/v1/track', body: [good('m-array')], writeKey: 'key-a', status: 400, code: 'invalidBody', message: /must be a JSON object, found an array/ },
  { name: 'a batch without "batch"', route: '/v1/batch', body: { events: [good('m-events')] }, writeKey: 'key-a', status: 400, code: 'invalidBody', message: /must have a "batch" array, found nothing/ },
  { name: 'a batch that is not an array', route: '/v1/batch', body: { batch: good('m-object') }, writeKey: 'key-a', status: 400, code: 'invalidBody', message: /found a object/ },
  { name: 'oversized message', route: '/v1/track', body: { ...good('m-big'), properties: { order_id: padding(5000) } }, writeKey: 'key-a', status: 413, code: 'messageTooLarge' },
  { name: 'oversized message inside a batch', route: '/v1/batch', body: { batch: [good('m-small'), { ...good('m-big2'), properties: { order_id: padding(5000) } }] }, writeKey: 'key-a', status: 413, code: 'messageTooLarge', message: /^batch\[1\] \(messageId m-big2\) is \d+ bytes; the limit is 4096 bytes per message$/ },
  { name: 'oversized batch', route: '/v1/batch', body: { batch: Array.from({ length: 40 }, (_, i) => ({ ...good(`m-many-${i}`), properties: { order_id: padding(2000) } })) }, writeKey: 'key-a', status: 413, code: 'batchTooLarge' },
  { name: 'oversized batch once inflated (gzip)', route: '/v1/batch', body: { batch: Array.from({ length: 40 }, (_, i) => ({ ...good(`m-zip-${i}`), properties: { order_id: padding(2000) } })) }, gzip: true, writeKey: 'key-a', status: 413, code: 'batchTooLarge' },
  { name: 'a gzip header on a plain body', route: '/v1/track', body: JSON.stringify(good('m-notzip')), headers: { 'Content-Encoding': 'gzip' }, writeKey: 'key-a', status: 400, code: 'badEncoding' },
  { name: 'an unknown content encoding', route: '/v1/track', body: good('m-br'), headers: { 'Content-Encoding': 'br' }, writeKey: 'key-a', status: 415, code: 'unsupportedEncoding' },
  { name: 'wrong content type (XML)', route: '/v1/track', body: '<track/>', headers: { 'Content-Type': 'application/xml' }, writeKey: 'key-a', status: 415, code: 'unsupportedContentType' },
  { name: 'wrong content type (multipart form)', route: '/v1/track', body: good('m-form'), headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, writeKey: 'key-a', status: 415, code: 'unsupportedContentType' },
  { name: 'GET on an API endpoint', route: '/v1/track', body: '', method: 'GET', writeKey: 'key-a', status: 405, code: 'methodNotAllowed' },
  { name: 'an unknown endpoint', route: '/v1/purchase', body: good('m-unknown'), writeKey: 'key-a', status: 404, code: 'notFound' },
];

describe('serve refuses bad requests with the status of the real APIs and loses nothing else', () => {
  it.each(bad)('$name: $status $code', async (testCase) => {
    const reply = await post(server.url, testCase.route, testCase.body, {
      ...(testCase.writeKey ? { writeKey: testCase.writeKey } : {}),
      ...(testCase.headers ? { headers: testCase.headers } : {}),
      ...(testCase.gzip ? { gzip: true } : {}),
      ...(testCase.method ? { method: testCase.method } : {}),
    });
    expect(reply.status).toBe(testCase.status);
    expect(reply.json()['code']).toBe(testCase.code);
    if (testCase.message) expect(reply.json()['message']).toMatch(testCase.message);
    if (testCase.status === 401) expect(reply.headers['www-authenticate']).toBe('Basic realm="trackplan"');
  });

  it('accepts good requests around the bad ones, and forwards exactly those', async () => {
    const replies = [
      await post(server.url, '/v1/track', good('g-1'), { writeKey: 'key-a' }),
      await post(server.url, '/v1/batch', { batch: [good('g-2'), good('g-3')] }, { writeKey: 'key-a', gzip: true }),
      // Segment's HTTP API takes the write key in the body too.
      await post(server.url, '/v1/batch', { writeKey: 'key-b', batch: [good('g-4')] }),
      // RudderStack's Node SDK labels its gzipped JSON as a form.
      await post(server.url, '/v1/batch', { batch: [good('g-5')] }, { writeKey: 'key-b', gzip: true, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
      await post(server.url, '/v1/track', JSON.stringify(good('g-6')), { writeKey: 'key-a', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } }),
    ];
    expect(replies.map((reply) => [reply.status, reply.text])).toEqual(Array.from({ length: 5 }, () => [200, 'OK']));
    await waitFor(() => upstream.messages().length >= 6, 'six messages upstream');
    expect(upstream.messages().map((message) => message['messageId'])).toEqual(['g-1', 'g-2', 'g-3', 'g-4', 'g-5', 'g-6']);
    // Each batch carries the write key its messages came with.
    const keys = upstream.accepted.flatMap((request) => request.body.batch.map(() => Buffer.from(request.headers.authorization!.slice(6), 'base64').toString()));
    expect(keys).toEqual(['key-a:', 'key-a:', 'key-a:', 'key-b:', 'key-b:', 'key-a:']);
  });

  it('accepts a batch that mixes good, violating and malformed messages: forwards what the policy passes, records the rest', async () => {
    const before = upstream.messages().length;
    const batch = [
      good('mix-good'),
      { type: 'track', userId: 'u1', event: 'Order Completed', messageId: 'mix-bad', properties: { total: -1 } },
      42,
      { userId: 'u1', messageId: 'mix-notype', event: 'Order Completed' },
      { type: 'track', userId: 'u1', messageId: 'mix-noevent' },
      { type: 'identify', userId: 'u1', messageId: 'mix-strip', traits: { email: 'a@example.com', plan: 'pro' } },
    ];
    const reply = await post(server.url, '/v1/batch', { batch, context: { library: { name: 'test' } } }, { writeKey: 'key-a' });
    expect(reply.status).toBe(200);
    await waitFor(() => upstream.messages().length >= before + 3, 'three more messages upstream');
    const forwarded = upstream.messages().slice(before);
    expect(forwarded.map((message) => message['messageId'])).toEqual(['mix-good', 'mix-bad', 'mix-strip']);
    expect(forwarded[0]).toEqual({ ...good('mix-good'), context: { library: { name: 'test' } } });
    expect(forwarded[1]!['context']).toMatchObject({
      library: { name: 'test' },
      trackingPlanId: 'serve-test',
      trackingPlanVersion: '2.3.0',
      violationErrors: [
        { type: 'Required-Missing', property: 'order_id' },
        { type: 'Advance-Rules-Violation', property: 'total', meta: { keyword: 'minimum' } },
      ],
    });
    // identify drops unplanned traits (the plan's per-call policy): stripped, then forwarded.
    expect(forwarded[2]!['traits']).toEqual({ email: 'a@example.com' });

    const records = await waitFor(async () => {
      const lines = (await readFile(path.join(dir, 'violations.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      return lines.length >= 5 ? lines : undefined;
    }, 'five violation records');
    expect(records.map((record) => [record['messageId'], record['type'], record['event'], record['outcome'], (record['violations'] as { type: string }[]).map((v) => v.type)])).toEqual([
      ['mix-bad', 'track', 'Order Completed', 'forwarded', ['Required-Missing', 'Advance-Rules-Violation']],
      [null, null, null, 'dropped', ['Malformed-Event']],
      ['mix-notype', null, null, 'dropped', ['Malformed-Event']],
      ['mix-noevent', 'track', null, 'dropped', ['Malformed-Event']],
      ['mix-strip', 'identify', null, 'stripped', ['Additional-Properties']],
    ]);
    // What the policy dropped is kept whole in the violations file.
    expect(records[1]!['message']).toBe(42);
    expect(records[3]!['message']).toMatchObject({ type: 'track', messageId: 'mix-noevent' });
  });

  it('gives every message without a messageId one, and keeps the ones clients sent', async () => {
    const before = upstream.messages().length;
    const reply = await post(server.url, '/v1/page', { anonymousId: 'a1', name: 'Home', properties: { path: '/' } }, { writeKey: 'key-a' });
    expect(reply.status).toBe(200);
    await waitFor(() => upstream.messages().length > before, 'the page call upstream');
    const page = upstream.messages()[before]!;
    expect(page['type']).toBe('page');
    expect(page['messageId']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('compressed bodies under the limit pass even when their compressed form is tiny', async () => {
    const body = gzipSync(JSON.stringify({ batch: Array.from({ length: 20 }, (_, i) => good(`z-${i}`)) }));
    const reply = await post(server.url, '/v1/batch', body, { writeKey: 'key-a', headers: { 'Content-Encoding': 'gzip' } });
    expect(reply.status).toBe(200);
    await waitFor(() => upstream.messages().filter((message) => String(message['messageId']).startsWith('z-')).length === 20, '20 gzip messages');
  });

  it('forwards messages the policy leaves alone as the client wrote them, and re-serializes only changed ones', async () => {
    const body = [
      '{',
      '  "sentAt": "2026-03-01T12:00:00.000Z",',
      '  "batch": [',
      '    {"type":"track","userId":"u1","event":"Order Completed","messageId":"raw-1","properties":{"order_id":"caf\\u00e9","total":1.50}},',
      '    {"type":"track","userId":"u1","event":"Order Completed","properties":{"order_id":"raw-2"}},',
      '    {"type":"track","userId":"u1","event":"Order Completed","messageId":"raw-3","properties":{"total":2.50}}',
      '  ]',
      '}',
    ].join('\n');
    const before = upstream.accepted.length;
    expect((await post(server.url, '/v1/batch', body, { writeKey: 'key-a' })).status).toBe(200);
    await waitFor(() => upstream.messages().some((m) => m['messageId'] === 'raw-3'), 'the raw batch upstream');
    const text = upstream.accepted.slice(before).map((request) => request.text).join('');
    // Unchanged but for the batch sentAt it inherits: the number and escape keep their spelling.
    expect(text).toContain('{"sentAt":"2026-03-01T12:00:00.000Z","type":"track","userId":"u1","event":"Order Completed","messageId":"raw-1","properties":{"order_id":"caf\\u00e9","total":1.50}}');
    // No messageId: one is put in front.
    expect(text).toMatch(/\{"messageId":"[0-9a-f-]{36}","sentAt":"2026-03-01T12:00:00\.000Z","type":"track","userId":"u1","event":"Order Completed","properties":\{"order_id":"raw-2"\}\}/);
    // Violations attached: serialized again.
    expect(text).toContain('"properties":{"total":2.5},"sentAt":"2026-03-01T12:00:00.000Z","context":{"violationErrors":');
  });

  it('nothing from the refused requests reached the upstream', () => {
    const ids = new Set(upstream.messages().map((message) => message['messageId']));
    for (const id of ['m-noauth', 'm-wrongkey', 'm-bodykey', 'm-small', 'm-big2', 'm-many-0', 'm-zip-0', 'm-notzip', 'm-br', 'm-form', 'm-unknown']) {
      expect(ids.has(id), id).toBe(false);
    }
  });
});

describe('hostile bodies', () => {
  const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  // 5,000 objects deep is 30 KB, under the 32 KiB message limit (arrays go to 10,000 in 20 KB).
  const deepObject = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
  it.each([
    // Violations attached: the changed message cannot be serialized, so it is dropped and recorded.
    ['nesting 10,000 levels deep in a planned event', `{"batch":[{"type":"track","userId":"u","event":"Order Completed","messageId":"deep-1","properties":{"order_id":"x","extra":${deepArray}}}]}`, ['deep-1', [['dropped', ['tooDeep']]]]],
    ['nesting 5,000 objects deep in an unplanned event', `{"batch":[{"type":"track","userId":"u","event":"Deep","messageId":"deep-2","properties":{"extra":${deepObject}}}]}`, ['deep-2', [['dropped', ['tooDeep']]]]],
    // Past the depth limit (64) even a valid event is dropped, and recorded: no later step can choke on it.
    ['nesting 5,000 objects deep in a valid event', `{"batch":[{"type":"track","userId":"u","event":"Order Completed","messageId":"deep-3","properties":{"order_id":"x"},"context":{"x":${deepObject}}}]}`, ['deep-3', [['dropped', ['tooDeep']]]]],
    ['__proto__ and constructor keys', '{"batch":[{"type":"track","userId":"u","event":"Order Completed","messageId":"proto-1","properties":{"order_id":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}]}', ['proto-1', [['forwarded', ['additionalProperties', 'additionalProperties']]]]],
  ] as [string, string, [string, [string, string[]][]]][])('%s: 200, the message recorded as it should be, no prototype changes', async (_name, text, outcome) => {
    const deep = await startServer({ validator: await loadTestValidator(), port: 0, output: () => undefined, violationsFile: path.join(dir, 'deep-violations.ndjson') });
    try {
      const reply = await post(deep.url, '/v1/batch', text);
      expect([reply.status, reply.text]).toEqual([200, 'OK']);
      // The server goes on.
      expect((await post(deep.url, '/v1/track', good('after-hostile'))).status).toBe(200);
      // The server's close (below, or here for the check) flushes the violations file.
      await deep.close();
      const records = (await readFile(path.join(dir, 'deep-violations.ndjson'), 'utf8').catch(() => '')).trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { messageId: string; outcome: string; violations: { type: string; meta: { keyword: string } }[] });
      expect(records.filter((record) => record.messageId === outcome[0]).map((record) => [record.outcome, record.violations.map((v) => v.meta.keyword)])).toEqual(outcome[1]);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    } finally {
      await deep.close();
    }
  });
});
