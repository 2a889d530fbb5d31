import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideEntry, produceLines, startStreamConsumer } from '../../src/runtime/stream/index.js';
import { readNew } from '../../src/runtime/stream/reads.js';
import { createStreamMetrics } from '../../src/runtime/stream/stream-metrics.js';
import { writeBatch } from '../../src/runtime/stream/write-batch.js';
import { defineWriteScript } from '../../src/runtime/stream/write-script.js';
import type { Validator } from '../../src/runtime/types.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { buildChild } from '../serve/child/build-child.js';
import { kindOf, KINDS, loadTestValidator, PLAN_DIR, readStream, waitDrained, waitFor, type ReadBack } from './helpers.js';

// The batch write (one script: XADDs, then XACKs) and the pipelined loop (the next batch read
// while this one is validated, writes in flight): what is acknowledged is exactly what is written.
let server: TestRedis;
let redis: Redis;
let validator: Validator;

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.port, '127.0.0.1');
  validator = await loadTestValidator();
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

const redisOptions = () => ({ host: '127.0.0.1', port: server.port });
const targets = (name: string) => ({ out: `${name}:out`, violations: `${name}:violations`, deadLetter: `${name}:dead`, field: 'data' });
const flat = (entry: ReadBack) => Object.entries(entry.fields).flat();

/** Input ids the group has acknowledged: delivered (up to last-delivered-id) and no longer pending. */
async function acknowledged(stream: string, group: string): Promise<Set<string>> {
  const groups = await redis.xinfo('GROUPS', stream) as unknown[][];
  const info = groups.find((g) => g[1] === group)!;
  const last = String(info[info.indexOf('last-delivered-id') + 1]);
  const delivered = last === '0-0' ? [] : await redis.xrange(stream, '-', last);
  const pending = await redis.call('XPENDING', stream, group, '-', '+', 1_000_000) as [string][];
  const open = new Set(pending.map(([id]) => id));
  return new Set(delivered.map(([id]) => id).filter((id) => !open.has(id)));
}

describe('stream: one batch, one script', () => {
  const cases: { name: string; lines: (i: number) => string; count: number; deleted?: number; multi?: boolean }[] = [
    // More ids than one XACK of the script takes (1,000): acknowledged in chunks.
    { name: 'big', lines: (i) => kindOf(i).data(i), count: 2500 },
    // No messageId, a non-object, text that is no JSON, bytes that are no UTF-8, an entry deleted while pending.
    {
      name: 'mixed',
      lines: (i) => [JSON.stringify({ type: 'track', event: 'Signed Up', properties: { method: 'email' } }), KINDS[3]!.data(i), '[1]', '{"type":', kindOf(i).data(i)][i % 5]!,
      count: 40, deleted: 7,
    },
  ];
  // The same batches as MULTI/EXEC (--write-mode multi, or a Redis that refuses scripts).
  cases.push(...cases.map((c) => ({ ...c, name: `${c.name}-multi`, multi: true })));
  it.each(cases)('$name: every result written as decideEntry says, per stream in input order, every entry acknowledged', async ({ name, lines, count, deleted, multi }) => {
    const input = `${name}:in`;
    await produceLines(Array.from({ length: count }, (_, i) => lines(i)), { redis: redisOptions(), stream: input });
    await redis.xgroup('CREATE', input, 'g', '0');
    const writer = new Redis(server.port, '127.0.0.1');
    defineWriteScript(writer);
    const entries = await readNew(writer, { streams: [input], group: 'g', consumer: 'c', batch: count });
    if (deleted !== undefined) await redis.xdel(input, entries[deleted]!.id);
    const read = await readNew(writer, { streams: [input], group: 'g', consumer: 'c', batch: count });
    // Re-read from the pending list so that the deleted entry comes back as deleted (nil fields).
    const pending = await writer.callBuffer('XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', count, 'STREAMS', input, '0') as [Buffer, [Buffer, Buffer[] | null][]][];
    const batch = pending[0]![1].map(([id, fields]) => ({ stream: input, id: id.toString(), fields: fields ?? [], deliveries: 1, ...(fields === null ? { deleted: true } : {}) }));
    const metrics = createStreamMetrics();
    await writeBatch(writer, batch, { ...targets(name), group: 'g', validator, maxDeliveries: 5, metrics, writeMode: { multi: multi ?? false } });
    writer.disconnect();

    const want = new Map<string, (string | Buffer)[][]>();
    for (const entry of batch) {
      if (entry.deleted) continue;
      for (const write of decideEntry(entry, validator, targets(name)).writes) {
        want.set(write.stream, [...(want.get(write.stream) ?? []), write.fields]);
      }
    }
    for (const stream of Object.values(targets(name)).filter((s) => s !== 'data')) {
      const got = (await readStream(redis, stream)).map(flat);
      expect(got).toEqual((want.get(stream) ?? []).map((fields) => fields.map(String)));
    }
    expect(read).toEqual([]);
    expect(await redis.xpending(input, 'g')).toEqual([0, null, null, null]);
    expect(metrics.read.get()).toBe(count);
  });

  it('keeps bytes that are no UTF-8 as they came', async () => {
    const raw = Buffer.concat([Buffer.from('{"type":"track","event":"Signed Up","userId":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","properties":{"method":"email"}}')]);
    await redis.xadd('bytes:in', '*', 'data', raw);
    await redis.xgroup('CREATE', 'bytes:in', 'g', '0');
    const writer = new Redis(server.port, '127.0.0.1');
    defineWriteScript(writer);
    const entries = await readNew(writer, { streams: ['bytes:in'], group: 'g', consumer: 'c', batch: 10 });
    await writeBatch(writer, entries, { ...targets('bytes'), group: 'g', validator, maxDeliveries: 5, metrics: createStreamMetrics() });
    writer.disconnect();
    const [entry] = await redis.xrangeBuffer('bytes:out', '-', '+');
    expect(entry![1][1]).toEqual(raw);
  });
});

describe('stream: a Redis that refuses scripts', () => {
  it('gets each batch written with MULTI/EXEC instead (an ACL without @scripting), and is told once', async () => {
    await redis.call('ACL', 'SETUSER', 'nolua', 'on', '>pw', '~*', '&*', '+@all', '-@scripting');
    const total = 95;
    await produceLines(Array.from({ length: total }, (_, i) => kindOf(i).data(i)), { redis: redisOptions(), stream: 'acl:in' });
    const logs: string[] = [];
    const consumer = await startStreamConsumer({
      redis: { ...redisOptions(), username: 'nolua', password: 'pw' }, streams: ['acl:in'], group: 'g', consumer: 'c', createGroup: true,
      validator, ...targets('acl'), batch: 10, blockMs: 50, log: (text) => logs.push(text),
    });
    await waitDrained(redis, ['acl:in'], 'g', 20_000);
    await consumer.stop();
    const inputIds = (await readStream(redis, 'acl:in')).map((entry) => entry.id);
    const ids = async (stream: string) => (await readStream(redis, stream)).map((entry) => entry.fields['id']);
    const want = (verdicts: string[]) => inputIds.filter((_, i) => verdicts.includes(kindOf(i).verdict));
    expect(await ids('acl:out')).toEqual(want(['accepted', 'violating']));
    expect(await ids('acl:violations')).toEqual(want(['violating']));
    expect(await ids('acl:dead')).toEqual(want(['malformed']));
    expect((await readStream(redis, 'acl:out'))[0]!.fields).toEqual({ data: kindOf(0).data(0), id: inputIds[0], stream: 'acl:in', messageId: 'm-0' });
    expect(logs.filter((text) => text.startsWith('redis refuses scripts (NOPERM'))).toHaveLength(1);
  });
});

describe('stream: the pipelined loop', () => {
  it('a write that fails stops before its XACK: every acknowledged entry has its results, the failed batch stays pending', async () => {
    const total = 3000;
    await produceLines(Array.from({ length: total }, (_, i) => kindOf(i).data(i)), { redis: redisOptions(), stream: 'fail:in' });
    const consumer = await startStreamConsumer({
      redis: redisOptions(), streams: ['fail:in'], group: 'g', consumer: 'c', createGroup: true, validator, ...targets('fail'), batch: 10, blockMs: 50,
    });
    await waitFor(async () => (await redis.xlen('fail:out')) > 300, 'some batches written');
    // From now on each batch's dead-letter XADD fails (every batch of 10 has a malformed entry);
    // what was written before is kept under another name.
    await redis.multi().rename('fail:dead', 'fail:dead-before').set('fail:dead', 'not a stream').exec();
    await expect(consumer.done).rejects.toThrow(/^WRONGTYPE/);

    const acked = await acknowledged('fail:in', 'g');
    const inputIds = (await readStream(redis, 'fail:in')).map((entry) => entry.id);
    const written = async (stream: string) => new Set((await readStream(redis, stream)).map((entry) => entry.fields['id']));
    const [out, violations, dead] = [await written('fail:out'), await written('fail:violations'), await written('fail:dead-before')];
    const missing = inputIds.flatMap((id, i) => {
      if (!acked.has(id)) return [];
      const { verdict } = kindOf(i);
      const lacks = [verdict !== 'malformed' && !out.has(id) && 'out', verdict === 'violating' && !violations.has(id) && 'violations', verdict === 'malformed' && !dead.has(id) && 'dead'];
      return lacks.filter(Boolean).map((stream) => `${id} ${stream}`);
    });
    expect(missing).toEqual([]);
    expect(acked.size).toBeGreaterThan(300);
    expect(acked.size).toBeLessThan(total);
    // The failed batch (and any read ahead) is still pending at the consumer, for a restart to take up.
    expect(Number((await redis.xpending('fail:in', 'g'))[0])).toBeGreaterThanOrEqual(10);
  });

  it('stop() while a read ahead and a write are in flight: both are finished, nothing is left pending', async () => {
    const total = 2000;
    await produceLines(Array.from({ length: total }, (_, i) => kindOf(i).data(i)), { redis: redisOptions(), stream: 'stop:in' });
    const consumer = await startStreamConsumer({
      redis: redisOptions(), streams: ['stop:in'], group: 'g', consumer: 'c', createGroup: true, validator, ...targets('stop'), batch: 10, blockMs: 50,
    });
    // The 20th batch's write answers while the loop waits for it, with the 22nd batch read ahead
    // and the 21st written behind it: stop there.
    const { batches } = consumer.metrics;
    const inc = batches.inc.bind(batches);
    let stopped: Promise<void> | undefined;
    batches.inc = (...args: Parameters<typeof inc>) => {
      inc(...args);
      if (batches.get() === 20) stopped = consumer.stop();
    };
    await waitFor(() => stopped !== undefined, 'the stop');
    await stopped;
    expect(await redis.xpending('stop:in', 'g')).toEqual([0, null, null, null]);
    // Usually 22 (the read ahead finished too); on a loaded machine the read ahead may not have
    // started when the stop came (21). Either way every batch read is written and acknowledged.
    const finished = batches.get();
    expect([21, 22]).toContain(finished);
    expect(consumer.metrics.read.get()).toBe(finished * 10);
    expect((await acknowledged('stop:in', 'g')).size).toBe(finished * 10);
  });

  it('SIGTERM mid-run: the read-ahead batch and the writes in flight are finished, nothing is left pending or written twice', async () => {
    const child = await buildChild(path.join(import.meta.dirname, 'child', 'stream-main.ts'));
    try {
      const total = 20_000;
      await produceLines(Array.from({ length: total }, (_, i) => kindOf(i).data(i)), { redis: redisOptions(), stream: 'term:in' });
      const proc = spawn(process.execPath, [
        child.main, 'stream', '--plan', PLAN_DIR, '--redis', server.url, '--in', 'term:in', '--group', 'g', '--create-group', '--consumer', 'first',
        '--out', 'term:out', '--violations', 'term:violations', '--dead-letter', 'term:dead', '--batch', '20', '--block-ms', '50',
      ], { stdio: ['ignore', 'ignore', 'pipe'] });
      const exited = once(proc, 'exit');
      await waitFor(async () => (await redis.xlen('term:out')) > 2000, 'the consumer to get going', 20_000);
      proc.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      // Stopped mid-run, with nothing of its own left pending.
      expect(Number((await redis.xpending('term:in', 'g'))[0])).toBe(0);
      const acked = (await acknowledged('term:in', 'g')).size;
      expect(acked).toBeLessThan(total);

      const second = await startStreamConsumer({
        redis: redisOptions(), streams: ['term:in'], group: 'g', consumer: 'second', validator, ...targets('term'), batch: 100, blockMs: 50,
      });
      await waitDrained(redis, ['term:in'], 'g', 60_000);
      await second.stop();
      const inputIds = (await readStream(redis, 'term:in')).map((entry) => entry.id);
      const ids = async (stream: string) => (await readStream(redis, stream)).map((entry) => entry.fields['id']);
      const want = (verdicts: string[]) => inputIds.filter((_, i) => verdicts.includes(kindOf(i).verdict));
      // Each exactly once.
      expect((await ids('term:out')).sort()).toEqual(want(['accepted', 'violating']).sort());
      expect((await ids('term:violations')).sort()).toEqual(want(['violating']).sort());
      expect((await ids('term:dead')).sort()).toEqual(want(['malformed']).sort());
      expect(second.metrics.read.get()).toBe(total - acked);
    } finally {
      await rm(child.dir, { recursive: true, force: true });
    }
  }, 90_000);
});
