import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../src/runtime/http/forward/backoff.js';
import { buildBatchBody } from '../../src/runtime/http/forward/batch-body.js';
import { Forwarder, type ForwarderOptions } from '../../src/runtime/http/forward/forwarder.js';
import { createServeMetrics } from '../../src/runtime/http/serve-metrics.js';
import { Spool } from '../../src/runtime/http/spool/spool.js';
import { tempTree } from '../helpers/temp.js';
import { startUpstream, waitFor } from './helpers.js';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const message = (id: string, extra: Record<string, unknown> = {}) => ({ type: 'track', event: 'E', messageId: id, ...extra });
const entry = (id: string, writeKey = 'wk', receivedAt = NOW) => ({ receivedAt, writeKey, json: JSON.stringify(message(id)) });
const idsOf = (messages: Record<string, unknown>[]) => messages.map((m) => m['messageId']);

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(options: Partial<ForwarderOptions> = {}) {
  const upstream = await startUpstream();
  const dir = await tempTree({}, 'trackplan-forward-');
  const spool = await Spool.open({ dir: path.join(dir, 'spool'), fsync: 'never' });
  const metrics = createServeMetrics();
  const logs: string[] = [];
  const forwarder = new Forwarder({
    spool, url: upstream.url, metrics, lingerMs: 1, minBackoffMs: 5, maxBackoffMs: 40,
    deadLetterFile: path.join(dir, 'dead-letter.ndjson'), log: (text) => logs.push(text), ...options,
  });
  cleanup.push(async () => {
    await forwarder.stop();
    await spool.close();
    await upstream.close();
  });
  return { upstream, spool, forwarder, metrics, logs, dir };
}

describe('Forwarder', () => {
  it('retries 5xx with backoff and delivers every message once, in order', async () => {
    const { upstream, spool, forwarder, metrics } = await setup();
    let failures = 3;
    upstream.respond = () => (failures-- > 0 ? { status: 503 } : { status: 200 });
    await spool.append([entry('a'), entry('b'), entry('c')]);
    forwarder.start();
    await waitFor(() => spool.stats.messages === 0, 'the spool to empty');
    expect(idsOf(upstream.messages())).toEqual(['a', 'b', 'c']);
    expect(upstream.seen).toBe(4);
    expect(metrics.upstreamRequests.get(['503'])).toBe(3);
    expect(metrics.upstreamErrors.get(['server-error'])).toBe(3);
    expect(metrics.forwarded.get()).toBe(3);
    expect(forwarder.status.failures).toBe(0);
  });

  it('retries 429, honouring Retry-After', async () => {
    const { upstream, spool, forwarder, metrics } = await setup();
    let limited = 2;
    upstream.respond = () => (limited-- > 0 ? { status: 429, headers: { 'Retry-After': '0' } } : { status: 200 });
    await spool.append([entry('a')]);
    forwarder.start();
    await waitFor(() => spool.stats.messages === 0, 'the spool to empty');
    expect(idsOf(upstream.messages())).toEqual(['a']);
    expect(metrics.upstreamErrors.get(['rate-limited'])).toBe(2);
  });

  it('keeps retrying while the upstream refuses connections, then delivers once it is up', async () => {
    const { upstream, spool, forwarder, metrics, logs } = await setup();
    await upstream.down();
    await spool.append([entry('a'), entry('b')]);
    forwarder.start();
    await waitFor(() => metrics.upstreamErrors.get(['network']) >= 3, 'three refused connections');
    expect(forwarder.status.lastError).toMatch(/ECONNREFUSED/);
    expect(logs[0]).toMatch(/ECONNREFUSED.*failure 1; 2 messages wait in the spool/);
    await spool.append([entry('c')]);
    await upstream.up();
    await waitFor(() => spool.stats.messages === 0, 'the spool to empty');
    expect(idsOf(upstream.messages())).toEqual(['a', 'b', 'c']);
  });

  it('isolates a message the upstream refuses (400) by halving the batch, dead-letters it alone and delivers the rest once', async () => {
    const { upstream, spool, forwarder, metrics, dir } = await setup();
    upstream.respond = (request) => (request.body.batch.some((m) => m['messageId'] === 'poison') ? { status: 400 } : { status: 200 });
    await spool.append(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'poison', 'm7', 'm8', 'm9'].map((id) => entry(id)));
    forwarder.start();
    await waitFor(() => spool.stats.messages === 0, 'the spool to empty');
    expect(idsOf(upstream.messages())).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm7', 'm8', 'm9']);
    expect(metrics.deadLettered.get()).toBe(1);
    const dead = (await readFile(path.join(dir, 'dead-letter.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(dead).toEqual([{ at: expect.any(String), status: 400, response: 'nope', writeKey: 'wk', message: message('poison') }]);
  });

  it('sends batches of at most maxBatchMessages, one write key per batch, with that key as Basic auth', async () => {
    const { upstream, spool, forwarder } = await setup({ maxBatchMessages: 4, concurrency: 1 });
    await spool.append([...['a', 'b', 'c', 'd', 'e'].map((id) => entry(id, 'one')), ...['f', 'g'].map((id) => entry(id, 'two')), entry('h', 'one')]);
    forwarder.start();
    await waitFor(() => spool.stats.messages === 0, 'the spool to empty');
    const batches = upstream.accepted.map((request) => [Buffer.from(request.headers.authorization!.slice(6), 'base64').toString(), idsOf(request.body.batch)]);
    expect(batches).toEqual([['one:', ['a', 'b', 'c', 'd']], ['one:', ['e']], ['two:', ['f', 'g']], ['one:', ['h']]]);
    expect(upstream.accepted.every((request) => request.path === '/v1/batch')).toBe(true);
  });

  it('keeps several batches on their way, but acknowledges the spool only in order', async () => {
    const { upstream, spool, forwarder } = await setup({ maxBatchMessages: 2, concurrency: 3 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    upstream.respond = async (request) => {
      if (request.body.batch[0]!['messageId'] === 'a') await held;
      return { status: 200 };
    };
    await spool.append(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => entry(id)));
    forwarder.start();
    // The first batch hangs: the two after it arrive, the spool keeps all of them.
    await waitFor(() => upstream.accepted.length === 2, 'two later batches delivered');
    expect(upstream.accepted.map((request) => idsOf(request.body.batch))).toEqual([['c', 'd'], ['e', 'f']]);
    expect(spool.stats.messages).toBe(8);
    release();
    await waitFor(() => spool.stats.messages === 0, 'the spool to empty');
    expect(upstream.messages().map((m) => m['messageId']).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('drain() resolves true once everything is delivered, false when the upstream stays down', async () => {
    const { upstream, spool, forwarder } = await setup({ lingerMs: 10_000 });
    await spool.append([entry('a')]);
    forwarder.start();
    // A drain sends at once, without waiting out the linger.
    expect(await forwarder.drain(5000)).toBe(true);
    await upstream.down();
    await spool.append([entry('b')]);
    expect(await forwarder.drain(200)).toBe(false);
    expect(spool.stats.messages).toBe(1);
  });
});

describe('batch bodies keep event time through a wait in the spool', () => {
  it('moves sentAt forward by the time a message waited, and leaves fresh messages byte for byte', () => {
    const stored = (receivedAt: number, json: string) => ({ receivedAt, writeKey: '', data: Buffer.from(json), size: json.length });
    const waited = stored(NOW - 3_600_000, JSON.stringify(message('old', { sentAt: '2026-03-01T10:59:59.500Z', originalTimestamp: '2026-03-01T10:59:59.000Z' })));
    const fresh = stored(NOW - 10, JSON.stringify(message('new', { sentAt: '2026-03-01T11:59:59.990Z' })));
    const noSentAt = stored(NOW - 3_600_000, JSON.stringify(message('bare')));
    const body = JSON.parse(buildBatchBody([waited, fresh, noSentAt], NOW).toString()) as { batch: Record<string, unknown>[]; sentAt: string };
    expect(body.sentAt).toBe('2026-03-01T12:00:00.000Z');
    expect(body.batch[0]).toEqual(message('old', { sentAt: '2026-03-01T11:59:59.500Z', originalTimestamp: '2026-03-01T10:59:59.000Z' }));
    expect(JSON.stringify(body.batch[1])).toBe(fresh.data.toString());
    expect(JSON.stringify(body.batch[2])).toBe(noSentAt.data.toString());
  });
});

describe('backoff', () => {
  it.each([
    [0, 0, 5], [0, 1, 10], [1, 0, 10], [3, 1, 80], [10, 0, 500], [10, 1, 1000], [60, 1, 1000],
  ])('attempt %i with jitter %f waits %i ms (min 10, max 1000)', (attempt, random, expected) => {
    expect(backoffDelay(attempt, { minMs: 10, maxMs: 1000 }, () => random)).toBe(expected);
  });

  it.each([
    ['3', 3000], ['0', 0], [' 12 ', 12000], ['Sun, 01 Mar 2026 12:00:05 GMT', 5000], ['soon', undefined], ['', undefined], [undefined, undefined],
  ])('Retry-After %j is %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
