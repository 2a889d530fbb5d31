import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produceLines, startStreamConsumer, startStreamHttp, type StreamConsumer } from '../../src/runtime/stream/index.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { kindOf, KINDS, loadTestValidator, readStream, waitDrained, waitFor } from './helpers.js';

let server: TestRedis;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.port, '127.0.0.1');
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

const redisOptions = () => ({ host: '127.0.0.1', port: server.port });

describe('stream: 3 consumers in one group', () => {
  it('puts every one of 50,000 entries where the policy says, none missing', async () => {
    const total = 50_000;
    const lines = Array.from({ length: total }, (_, i) => kindOf(i).data(i));
    expect(await produceLines(lines, { redis: redisOptions(), stream: 'big:in' })).toBe(total);
    const inputIds = (await readStream(redis, 'big:in')).map((entry) => entry.id);
    const validator = await loadTestValidator();
    const consumers = await Promise.all(['c1', 'c2', 'c3'].map((name) => startStreamConsumer({
      redis: redisOptions(), streams: ['big:in'], group: 'g', consumer: name, createGroup: true, validator,
      out: 'big:out', violations: 'big:violations', deadLetter: 'big:dead', field: 'data', batch: 500, blockMs: 50,
    })));
    await waitDrained(redis, ['big:in'], 'g', 60_000);
    await Promise.all(consumers.map((consumer) => consumer.stop()));

    const out = await readStream(redis, 'big:out');
    const violations = await readStream(redis, 'big:violations');
    const dead = await readStream(redis, 'big:dead');
    const expected = { out: new Set<string>(), violations: new Set<string>(), dead: new Set<string>() };
    inputIds.forEach((id, i) => {
      const kind = kindOf(i);
      if (kind.verdict !== 'malformed') expected.out.add(id);
      if (kind.verdict === 'violating') expected.violations.add(id);
      if (kind.verdict === 'malformed') expected.dead.add(id);
    });
    // No consumer died: each entry exactly once where it belongs.
    expect(out.map((e) => e.fields['id'])).toHaveLength(expected.out.size);
    expect(new Set(out.map((e) => e.fields['id']))).toEqual(expected.out);
    expect(new Set(violations.map((e) => e.fields['id']))).toEqual(expected.violations);
    expect(new Set(dead.map((e) => e.fields['id']))).toEqual(expected.dead);
    const byId = new Map(inputIds.map((id, i) => [id, i]));
    for (const entry of violations) {
      const i = byId.get(entry.fields['id']!)!;
      const record = JSON.parse(entry.fields['data']!) as { messageId: string; line: null; violations: { type: string }[] };
      expect({ messageId: record.messageId, line: record.line, types: record.violations.map((v) => v.type) })
        .toEqual({ messageId: `m-${i}`, line: null, types: kindOf(i).types });
      expect(entry.fields['messageId']).toBe(`m-${i}`);
    }
    for (const entry of dead) expect(entry.fields['reason']).toBe(kindOf(byId.get(entry.fields['id']!)!).reason);
    // Accepted events keep their text; violating ones carry their violations, as `serve` forwards them.
    for (const entry of out.slice(0, 200)) {
      const i = byId.get(entry.fields['id']!)!;
      const event = JSON.parse(entry.fields['data']!) as { context?: { violationErrors?: unknown[] } };
      expect(event.context?.violationErrors?.length ?? 0).toBe(kindOf(i).types.length);
      expect(entry.fields['stream']).toBe('big:in');
    }
    const processed = consumers.reduce((sum, c) => sum + c.metrics.read.get(), 0);
    expect(processed).toBe(total);
    // Each of the three took part.
    for (const consumer of consumers) expect(consumer.metrics.read.get()).toBeGreaterThan(0);
  }, 90_000);
});

describe('stream: delivery details', () => {
  const consumers: StreamConsumer[] = [];
  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
  });
  const start = async (name: string, streams: string[], extra: Record<string, unknown> = {}) => {
    const consumer = await startStreamConsumer({
      redis: redisOptions(), streams, group: 'g', consumer: name, createGroup: true, validator: await loadTestValidator(),
      out: `${streams[0]}:out`, violations: `${streams[0]}:violations`, deadLetter: `${streams[0]}:dead`, field: 'data', batch: 10, blockMs: 20, ...extra,
    });
    consumers.push(consumer);
    return consumer;
  };

  it('takes over entries a dead consumer left pending, and dead-letters those delivered too often', async () => {
    for (let i = 0; i < 3; i++) await redis.xadd('claim:in', '*', 'data', KINDS[0]!.data(i));
    await redis.xgroup('CREATE', 'claim:in', 'g', '0');
    // A consumer that read twice and died: its entries are pending with 1 delivery; one was delivered 9 times.
    await redis.xreadgroup('GROUP', 'g', 'gone', 'COUNT', 3, 'STREAMS', 'claim:in', '>');
    const [first] = (await readStream(redis, 'claim:in')).map((e) => e.id);
    for (let i = 0; i < 8; i++) await redis.xclaim('claim:in', 'g', 'gone', 0, first!);
    const consumer = await start('live', ['claim:in'], { claimIdleMs: 50, maxDeliveries: 5 });
    await waitDrained(redis, ['claim:in'], 'g', 10_000);
    expect(consumer.metrics.claimed.get()).toBe(3);
    const dead = await readStream(redis, 'claim:in:dead');
    expect(dead.map((e) => [e.fields['id'], e.fields['reason']])).toEqual([[first, 'maxDeliveries']]);
    expect((await readStream(redis, 'claim:in:out')).map((e) => e.fields['messageId'])).toEqual(['m-1', 'm-2']);
  });

  it('reads sharded streams and serves /metrics and /health', async () => {
    const shards = ['shard:0', 'shard:1', 'shard:2'];
    for (const [n, shard] of shards.entries()) await redis.xadd(shard, '*', 'data', KINDS[n + 2]!.data(n));
    const consumer = await start('m', shards);
    const http = await startStreamHttp(consumer, { group: 'g' }, '127.0.0.1', 0);
    await waitDrained(redis, shards, 'g', 10_000);
    const metrics = await (await fetch(`${http.url}/metrics`)).text();
    const health = await (await fetch(`${http.url}/health`)).json() as Record<string, unknown>;
    await http.close();
    expect(metrics).toContain('trackplan_stream_entries_read_total 3\n');
    expect(metrics).toContain('trackplan_stream_violations_total{type="Unplanned-Event"} 1\n');
    expect(metrics).toContain('trackplan_stream_violations_total{type="Required-Missing"} 1\n');
    expect(metrics).toContain('trackplan_stream_lag{stream="shard:1"} 0\n');
    expect(metrics).toContain('trackplan_stream_pending{stream="shard:2"} 0\n');
    expect(health).toMatchObject({ status: 'ok', consumer: 'm', group: 'g', plan: { id: 'serve-test', version: '2.3.0' } });
    expect((await readStream(redis, 'shard:0:out')).length).toBe(3);
  });

  it('uses a new plan from the next batch on', async () => {
    const consumer = await start('reload', ['reload:in']);
    await redis.xadd('reload:in', '*', 'data', KINDS[1]!.data(1));
    await waitFor(async () => (await redis.xlen('reload:in:out')) === 1, 'the first event');
    consumer.setValidator(await loadTestValidator({ policy: { unplanned_events: 'drop' } }));
    await redis.xadd('reload:in', '*', 'data', KINDS[3]!.data(2));
    await waitFor(async () => (await redis.xlen('reload:in:violations')) === 1, 'the record');
    const [record] = await readStream(redis, 'reload:in:violations');
    expect(JSON.parse(record!.fields['data']!)).toMatchObject({ outcome: 'dropped', messageId: 'm-2' });
    expect(await redis.xlen('reload:in:out')).toBe(1);
  });

  it('refuses a group that does not exist without --create-group', async () => {
    await expect(start('x', ['nogroup:in'], { createGroup: false })).rejects.toThrow('no consumer group "g"');
  });
});
