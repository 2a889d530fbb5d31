import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpoolError } from '../../src/runtime/http/spool/spool-error.js';
import { SpoolLockedError } from '../../src/runtime/http/spool/lock.js';
import { Spool, type SpoolOptions } from '../../src/runtime/http/spool/spool.js';
import { tempTree } from '../helpers/temp.js';
import { waitFor } from './helpers.js';

const entry = (id: string, writeKey = 'k') => ({ receivedAt: 1_700_000_000_000, writeKey, json: JSON.stringify({ type: 'track', event: 'E', messageId: id }) });
const ids = (entries: { data: Buffer }[]) => entries.map((e) => (JSON.parse(e.data.toString()) as { messageId: string }).messageId);

async function openSpool(options: Partial<SpoolOptions> = {}): Promise<{ spool: Spool; dir: string }> {
  const dir = options.dir ?? path.join(await tempTree({}, 'trackplan-spool-'), 'spool');
  return { spool: await Spool.open({ fsync: 'never', ...options, dir }), dir };
}

async function segmentFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.log')).sort();
}

describe('Spool', () => {
  it('keeps appended entries in order until they are acknowledged', async () => {
    const { spool } = await openSpool();
    await spool.append([entry('a'), entry('b')]);
    await spool.append([entry('c')]);
    expect(spool.stats.messages).toBe(3);
    expect(ids(await spool.peek(10, 1e6))).toEqual(['a', 'b', 'c']);
    expect(ids(await spool.peek(2, 1e6))).toEqual(['a', 'b']);
    spool.ack(await spool.peek(2, 1e6));
    expect(ids(await spool.peek(10, 1e6))).toEqual(['c']);
    expect(spool.stats.messages).toBe(1);
    await spool.close();
  });

  it('limits a peek by bytes, but always returns at least one entry', async () => {
    const { spool } = await openSpool();
    await spool.append([entry('a'), entry('b'), entry('c')]);
    const size = (await spool.peek(1, 1e6))[0]!.size;
    expect(ids(await spool.peek(10, size * 2))).toEqual(['a', 'b']);
    expect(ids(await spool.peek(10, 1))).toEqual(['a']);
    await spool.close();
  });

  it('writes requests that arrive together in one go, each acknowledged once written, in call order', async () => {
    const { spool } = await openSpool({ fsync: 'always' });
    await Promise.all(Array.from({ length: 100 }, (_, i) => spool.append([entry(`m${i}`)])));
    expect(ids(await spool.peek(1000, 1e9))).toEqual(Array.from({ length: 100 }, (_, i) => `m${i}`));
    await spool.close();
  });

  it('rotates segment files and deletes each once everything in it was delivered', async () => {
    const { spool, dir } = await openSpool({ segmentBytes: 150 });
    for (let i = 0; i < 12; i++) await spool.append([entry(`m${i}`)]);
    const before = await segmentFiles(dir);
    expect(before.length).toBeGreaterThan(3);
    const all = await spool.peek(100, 1e9);
    expect(ids(all)).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`));
    spool.ack(all.slice(0, 6));
    await waitFor(async () => (await segmentFiles(dir)).length < before.length, 'delivered segments to go');
    expect(ids(await spool.peek(100, 1e9))).toEqual(['m6', 'm7', 'm8', 'm9', 'm10', 'm11']);
    await spool.close();
  });

  it('replays what was not delivered after a restart, from where forwarding stopped', async () => {
    const { spool, dir } = await openSpool({ segmentBytes: 400 });
    for (let i = 0; i < 10; i++) await spool.append([entry(`m${i}`)]);
    spool.ack((await spool.peek(100, 1e9)).slice(0, 4));
    await spool.close();
    expect(JSON.parse(await readFile(path.join(dir, 'cursor.json'), 'utf8'))).toEqual({ segment: expect.any(Number), entry: expect.any(Number) });

    const { spool: again } = await openSpool({ dir, segmentBytes: 400 });
    expect(again.stats.messages).toBe(6);
    expect(ids(await again.peek(100, 1e9))).toEqual(['m4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    await again.append([entry('m10')]);
    expect(ids(await again.peek(100, 1e9)).at(-1)).toBe('m10');
    await again.close();
  });

  it('after a crash (no close), every acknowledged append is there on the next open', async () => {
    const { spool: crashed, dir } = await openSpool();
    await crashed.append([entry('a'), entry('b')]);
    await crashed.append([entry('c')]);
    // No close(): the lock file and an open segment stay behind, as after kill -9.
    const { spool } = await openSpool({ dir });
    expect(ids(await spool.peek(100, 1e9))).toEqual(['a', 'b', 'c']);
    await spool.close();
  });

  it('cuts a line torn by a machine crash off the file and reports where it was', async () => {
    const { spool, dir } = await openSpool();
    await spool.append([entry('a'), entry('b')]);
    await spool.close();
    const [file] = await segmentFiles(dir);
    await appendFile(path.join(dir, file!), '1700000000000\t"k"\t{"type":"track","mess');
    const { spool: again } = await openSpool({ dir });
    expect(again.problems).toEqual([{ file: path.join(dir, file!), line: 3, kind: 'torn-line' }]);
    expect(ids(await again.peek(100, 1e9))).toEqual(['a', 'b']);
    expect((await readFile(path.join(dir, file!), 'utf8')).endsWith('\n')).toBe(true);
    await again.close();
  });

  it('skips a corrupt line, reports it, and keeps the lines around it', async () => {
    const { spool, dir } = await openSpool();
    await spool.append([entry('a')]);
    await spool.close();
    const [file] = await segmentFiles(dir);
    await appendFile(path.join(dir, file!), `garbage without tabs\n1700000000000\t"k"\t{"broken":\n${'1700000000000\t"k"\t{"messageId":"b"}'}\n`);
    const { spool: again } = await openSpool({ dir });
    expect(again.problems).toEqual([
      { file: path.join(dir, file!), line: 2, kind: 'corrupt-line' },
      { file: path.join(dir, file!), line: 3, kind: 'corrupt-line' },
    ]);
    expect(ids(await again.peek(100, 1e9))).toEqual(['a', 'b']);
    await again.close();
  });

  it('refuses an append past its size bound with a 503, appending none of it, and takes more once delivered', async () => {
    const { spool } = await openSpool({ maxBytes: 250 });
    await spool.append([entry('a'), entry('b')]);
    const refused = await spool.append([entry('c'), entry('d')]).then(() => undefined, (error: unknown) => error);
    // Storage knows nothing of HTTP: the server maps this to a 503 with Retry-After.
    expect(refused).toBeInstanceOf(SpoolError);
    expect([(refused as SpoolError).kind, (refused as SpoolError).waitingBytes]).toEqual(['full', 126]);
    expect(ids(await spool.peek(100, 1e9))).toEqual(['a', 'b']);
    spool.ack(await spool.peek(100, 1e9));
    await spool.append([entry('c'), entry('d')]);
    expect(ids(await spool.peek(100, 1e9))).toEqual(['c', 'd']);
    await spool.close();
  });

  it('reads segments back from disk when they do not fit the memory budget', async () => {
    const { spool } = await openSpool({ segmentBytes: 200, memoryBytes: 1 });
    for (let i = 0; i < 20; i++) await spool.append([entry(`m${i}`)]);
    const all: string[] = [];
    for (let batch = await spool.peek(3, 1e9); batch.length > 0; batch = await spool.peek(3, 1e9)) {
      all.push(...ids(batch));
      spool.ack(batch);
    }
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
    expect(spool.stats).toMatchObject({ messages: 0, bytes: 0 });
    await spool.close();
  });

  it('refuses a folder another live process holds, and takes over the lock of a dead one', async () => {
    const dir = path.join(await tempTree({ 'spool/LOCK': `${process.ppid}\n` }, 'trackplan-spool-lock-'), 'spool');
    await expect(Spool.open({ dir })).rejects.toBeInstanceOf(SpoolLockedError);
    await writeFile(path.join(dir, 'LOCK'), '2147483646\n');
    const spool = await Spool.open({ dir });
    expect((await readFile(path.join(dir, 'LOCK'), 'utf8')).trim()).toBe(String(process.pid));
    await spool.close();
    expect((await readdir(dir)).includes('LOCK')).toBe(false);
  });

  it('refuses appends once closing', async () => {
    const { spool } = await openSpool();
    await spool.close();
    await expect(spool.append([entry('late')])).rejects.toMatchObject({ kind: 'closing' });
  });
});
