import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLineSplitter, createValidateTransform, NdjsonLine, validateStream, type LineResult } from '../../src/runtime/streams.js';
import type { Validator, ViolationRecord } from '../../src/runtime/types.js';
import { createValidator } from '../../src/runtime/validator.js';
import { compilePlanDir, order, SHOP_PLAN } from './helpers.js';

let validator: Validator;
beforeAll(async () => {
  validator = createValidator(await compilePlanDir(SHOP_PLAN));
});

const line = (message: unknown) => JSON.stringify(message);

/** Lines that test every path of the splitter: CRLF, blanks, multi-byte text, bad bytes, a long line, no final newline. */
const TRICKY = Buffer.concat([
  Buffer.from(`${line(order())}\r\n`),
  Buffer.from('\n   \n'),
  Buffer.from(`${line({ type: 'track', event: 'Product Viewed', properties: { sku: 'Café ☕ 😀' } })}\n`),
  Buffer.from('{"type":"track","event":"Product Viewed","properties":{"sku":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}\n'),
  Buffer.from(`{"type":"track","event":"Product Viewed","properties":{"sku":"${'x'.repeat(300)}"}}\n`),
  Buffer.from('{"type":"track","event":"Product Viewed","properties":{"sku":"ok"}}\r\n'),
  Buffer.from('{"truncated":'),
]);
const LIMIT = 200;

function describeLine(item: NdjsonLine): string {
  return item.fault ? `${item.line}:${item.fault.violations[0]!.meta.keyword}` : `${item.line}:${item.text}`;
}

async function split(chunks: Buffer[], maxEventBytes = LIMIT): Promise<string[]> {
  const items = await Readable.from(chunks, { objectMode: false }).pipe(createLineSplitter({ maxEventBytes })).toArray();
  return items.map(describeLine);
}

describe('createLineSplitter', () => {
  it('numbers lines as in the file and reports bad ones in place', async () => {
    expect(await split([TRICKY])).toEqual([
      `1:${line(order())}`,
      `4:${line({ type: 'track', event: 'Product Viewed', properties: { sku: 'Café ☕ 😀' } })}`,
      '5:invalidUtf8',
      '6:tooLarge',
      '7:{"type":"track","event":"Product Viewed","properties":{"sku":"ok"}}',
      '8:{"truncated":',
    ]);
  });

  it('gives the same lines wherever the chunks are cut', async () => {
    const whole = await split([TRICKY]);
    for (let cut = 1; cut < TRICKY.length; cut++) {
      expect(await split([TRICKY.subarray(0, cut), TRICKY.subarray(cut)]), `cut at byte ${cut}`).toEqual(whole);
    }
    expect(await split([...TRICKY].map((byte) => Buffer.from([byte])))).toEqual(whole);
  });

  it('skips a long line without buffering it, whatever its size', async () => {
    const huge = Buffer.alloc(5_000_000, 0x61);
    const chunks = [Buffer.from('{"a":1}\n"'), huge, huge, Buffer.from('"\n{"b":2}')];
    expect(await split(chunks, 1000)).toEqual(['1:{"a":1}', '2:tooLarge', '3:{"b":2}']);
  });

  it('drops a UTF-8 byte order mark', async () => {
    expect(await split([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\n')])).toEqual(['1:{"a":1}']);
  });
});

describe('validateStream', () => {
  it('yields a result per line with its line number, in order', async () => {
    const results: LineResult[] = [];
    for await (const result of validateStream([TRICKY], validator, { maxEventBytes: LIMIT })) results.push(result);
    expect(results.map((r) => [r.line, r.result.valid, r.result.violations.map((v) => v.meta.keyword).join(',')])).toEqual([
      [1, true, ''],
      [4, true, ''],
      [5, false, 'invalidUtf8'],
      [6, false, 'tooLarge'],
      [7, true, ''],
      [8, false, 'invalidJson'],
    ]);
    expect(results[5]!.raw).toBe('{"truncated":');
    expect(results[5]!.result.violations[0]!.message).toBe('line is not valid JSON: Unexpected end of JSON input');
  });

  it('reads the source only as fast as the loop consumes', async () => {
    let produced = 0;
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; i < 100_000; i++) {
          produced++;
          yield `${line(order())}\n`;
        }
      } finally {
        closed = true;
      }
    }
    let seen = 0;
    for await (const result of validateStream(source(), validator)) {
      expect(result.result.valid).toBe(true);
      if (++seen === 3) break;
    }
    expect(produced).toBe(3);
    expect(closed).toBe(true);
  });
});

describe('createValidateTransform', () => {
  it('passes on the messages the policy keeps and sends violations to the sink', async () => {
    const records: ViolationRecord[] = [];
    const input = [
      `${line(order())}\n`,
      `${line({ type: 'track', event: 'Nope', messageId: 'm-2' })}\n`,
      'not json\n',
    ].join('');
    const messages = await Readable.from([input])
      .pipe(createLineSplitter())
      .pipe(createValidateTransform(createValidator({ ...(await compilePlanDir(SHOP_PLAN)), policy: { unplanned_events: 'drop', unplanned_properties: 'forward', other_violations: 'forward', propagate_violations: true, overrides: {} } }), {
        output: 'messages',
        violations: (record) => records.push(record),
      }))
      .toArray();
    expect(messages).toEqual([order()]);
    expect(records).toEqual([
      {
        line: 2, messageId: 'm-2', type: 'track', event: 'Nope', outcome: 'dropped',
        violations: [expect.objectContaining({ type: 'Unplanned-Event' })], message: { type: 'track', event: 'Nope', messageId: 'm-2' },
      },
      {
        line: 3, messageId: null, type: null, event: null, outcome: 'dropped',
        violations: [expect.objectContaining({ type: 'Malformed-Event', meta: expect.objectContaining({ keyword: 'invalidJson' }) })], raw: 'not json',
      },
    ]);
  });

  it('validates plain message objects too', async () => {
    const results = await Readable.from([order(), 5]).pipe(createValidateTransform(validator)).toArray() as LineResult[];
    expect(results.map((r) => [r.line, r.result.outcome])).toEqual([[null, 'forwarded'], [null, 'dropped']]);
  });

  it('respects backpressure from a stalled consumer and from a slow violations sink', async () => {
    const total = 20_000;
    let produced = 0;
    const source = new Readable({
      highWaterMark: 1024,
      read() {
        produced++;
        this.push(`${line(order({ total: produced % 2 === 0 ? 'bad' : 1 }))}\n`);
        if (produced === total) this.push(null);
      },
    });
    let consumed = 0;
    // The consumer takes 5 items, then holds the 5th until the test releases it.
    let stall!: (release: () => void) => void;
    const stalled = new Promise<() => void>((resolve) => (stall = resolve));
    const consumer = new Writable({
      objectMode: true,
      highWaterMark: 1,
      write(_item, _encoding, callback) {
        consumed++;
        if (consumed === 5) stall(callback);
        else callback();
      },
    });
    let sunk = 0;
    const sink = new Writable({
      objectMode: true,
      highWaterMark: 2,
      write(_record, _encoding, callback) {
        sunk++;
        setImmediate(callback);
      },
    });
    const done = pipeline(source, createLineSplitter(), createValidateTransform(validator, { violations: sink }), consumer);
    const release = await stalled;
    await idle(() => produced + sunk + consumed);
    // Without backpressure the source would run on to all 20,000 lines while the consumer waits.
    expect(produced).toBeLessThan(1000);
    release();
    await done;
    expect(consumed).toBe(total);
    expect(sunk).toBe(total / 2);
  });
});

/** Resolves once a stream pipeline has come to rest: `activity()` unchanged over two turns of the event loop. */
async function idle(activity: () => number): Promise<void> {
  for (let last = -1, same = 0; same < 2;) {
    await new Promise((resolve) => setImmediate(resolve));
    const now = activity();
    same = now === last ? same + 1 : 0;
    last = now;
  }
}
