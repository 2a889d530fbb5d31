import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { runValidate } from '../../src/cli/validate.js';
import type { ViolationRecord } from '../../src/runtime/types.js';
import { tempTree } from '../helpers/temp.js';
import { captureIo, order, REPO, SHOP_PLAN } from './helpers.js';

const GOOD = JSON.stringify(order());
const VIEWED = (extra = '') => `{"type":"track","event":"Product Viewed","properties":{"sku":"s"${extra}}}`;

interface Run {
  code: number;
  records: ViolationRecord[];
  err: string;
  out: string;
  dir: string;
}

/** Runs `trackplan validate <file> --format json` on the given bytes. */
async function validate(content: string | Buffer, args: string[] = [], name = 'events.ndjson'): Promise<Run> {
  const dir = await tempTree({});
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path.join(dir, name), content);
  const io = captureIo(dir);
  const code = await runCli(['validate', name, '--plan', SHOP_PLAN, '--format', 'json', ...args], io);
  const pretty = args.includes('pretty');
  const records = pretty ? [] : io.out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as ViolationRecord);
  return { code, records, err: io.err, out: io.out, dir };
}

const brief = (records: ViolationRecord[]) => records.map((r) => [r.line, r.outcome, ...r.violations.map((v) => `${v.type}:${v.meta.keyword}`)]);

describe('trackplan validate: bad input never stops the run', () => {
  it('truncated JSON: a Malformed-Event with its line, column and raw text', async () => {
    const run = await validate(`{"type":"track","event":\n${GOOD}\n{"type":"track","event":"x"}}\n`);
    expect(run.code).toBe(1);
    expect(run.records[0]).toEqual({
      line: 1, messageId: null, type: null, event: null, outcome: 'dropped', raw: '{"type":"track","event":',
      violations: [{ type: 'Malformed-Event', message: expect.stringMatching(/^line is not valid JSON: /), meta: { instancePath: '', schemaPath: '', keyword: 'invalidJson' } }],
    });
    expect(run.records[1]!.line).toBe(3);
    // V8 gives a UTF-16 offset; the message gives the 1-based column.
    expect(run.records[1]!.violations[0]!.message).toMatch(/^line is not valid JSON: .* at column 29$/);
    expect(run.err).toBe('3 events, 2 with violations (shop@1.2.0)\n');
  });

  it('a JSON array, number or string on a line', async () => {
    const run = await validate(`[${GOOD}]\n42\n"track"\n${GOOD}\n`);
    expect(brief(run.records)).toEqual([
      [1, 'dropped', 'Malformed-Event:notObject'],
      [2, 'dropped', 'Malformed-Event:notObject'],
      [3, 'dropped', 'Malformed-Event:notObject'],
    ]);
    expect(run.records.map((r) => r.message)).toEqual([[order()], 42, 'track']);
    expect(run.err).toMatch(/^4 events, 3 with violations/);
  });

  it('empty and blank lines are skipped, and line numbers stay true', async () => {
    const run = await validate(`\n${GOOD}\n\n  \t\n${VIEWED(',"x":1')}\n\n`);
    expect(brief(run.records)).toEqual([[5, 'forwarded', 'Additional-Properties:additionalProperties']]);
    expect(run.err).toMatch(/^2 events, 1 with violations/);
  });

  it('a line over the default 32 KiB limit, then one over --max-event-bytes', async () => {
    const big = VIEWED(`,"blob":"${'x'.repeat(40_000)}"`);
    const run = await validate(`${big}\n${GOOD}\n`);
    expect(run.records).toEqual([{
      line: 1, messageId: null, type: null, event: null, outcome: 'dropped',
      violations: [{ type: 'Malformed-Event', message: `line is ${big.length} bytes, over the limit of 32768 bytes (--max-event-bytes)`, meta: { instancePath: '', schemaPath: '', keyword: 'tooLarge' } }],
    }]);
    const small = await validate(`${GOOD}\n${VIEWED()}\n`, ['--max-event-bytes', '100']);
    expect(brief(small.records)).toEqual([[1, 'dropped', 'Malformed-Event:tooLarge']]);
  });

  it('rejects a --max-event-bytes that is not a positive whole number', async () => {
    const run = await validate(`${GOOD}\n`, ['--max-event-bytes', '12kb']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--max-event-bytes must be a whole number from 1 to 1073741824.');
  });

  it('nesting 10,000 levels deep', async () => {
    const arrays = VIEWED(`,"deep":${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    const objects = VIEWED(`,"deep":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    const run = await validate(`${arrays}\n${objects}\n${GOOD}\n`, ['--out', 'good.ndjson']);
    expect(brief(run.records)).toEqual([
      // Past the depth limit (--max-depth, 64): dropped and recorded before anything else looks at it.
      [1, 'dropped', 'Malformed-Event:tooDeep'],
      [2, 'dropped', 'Malformed-Event:tooLarge'],
    ]);
    expect(run.records[0]!.raw).toBe(arrays);
    expect(await readFile(path.join(run.dir, 'good.ndjson'), 'utf8')).toBe(`${GOOD}\n`);
    const roomy = await validate(`${objects}\n`, ['--max-event-bytes', '100000']);
    expect(brief(roomy.records)).toEqual([[1, 'dropped', 'Malformed-Event:tooDeep']]);
    // With room for the depth: valid JSON with an unplanned property, too deep to re-serialize with violations attached.
    const deepAllowed = await validate(`${arrays}\n`, ['--max-depth', '20000', '--out', 'good.ndjson']);
    expect(brief(deepAllowed.records)).toEqual([[1, 'dropped', 'Additional-Properties:additionalProperties', 'Malformed-Event:unserializable']]);
  });

  it('__proto__ and constructor keys are unplanned properties, and no prototype changes', async () => {
    const run = await validate(`${VIEWED(',"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}')}\n{"__proto__":{"type":"track"}}\n`, ['--out', 'good.ndjson']);
    expect(run.records.map((r) => [r.line, r.violations.map((v) => v.property ?? v.meta.keyword)])).toEqual([
      [1, ['__proto__', 'constructor']],
      [2, ['missingType']],
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const written = JSON.parse(await readFile(path.join(run.dir, 'good.ndjson'), 'utf8'));
    expect(Object.keys(written.properties)).toEqual(['sku', '__proto__', 'constructor']);
  });

  it('invalid UTF-8 on a line', async () => {
    const run = await validate(Buffer.concat([Buffer.from(`${GOOD}\n{"type":"track","event":"`), Buffer.from([0xff, 0xfe]), Buffer.from(`"}\n${VIEWED(',"x":1')}\n`)]));
    expect(brief(run.records)).toEqual([
      [2, 'dropped', 'Malformed-Event:invalidUtf8'],
      [3, 'forwarded', 'Additional-Properties:additionalProperties'],
    ]);
  });

  it('CRLF line endings; --out writes the lines without CR', async () => {
    const run = await validate(`${GOOD}\r\n${VIEWED()}\r\n`, ['--out', 'good.ndjson']);
    expect(run.code).toBe(0);
    expect(await readFile(path.join(run.dir, 'good.ndjson'), 'utf8')).toBe(`${GOOD}\n${VIEWED()}\n`);
  });

  it('a final line without a newline', async () => {
    const run = await validate(`${GOOD}\n${VIEWED(',"x":1')}`);
    expect(brief(run.records)).toEqual([[2, 'forwarded', 'Additional-Properties:additionalProperties']]);
  });

  it('a 0-byte file: no events, exit 0', async () => {
    const run = await validate('', ['--format', 'pretty']);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`events.ndjson: no events (0 lines), plan shop@1.2.0\n`);
  });

  it('a missing file: exit 2 with a clear message', async () => {
    const dir = await tempTree({});
    const io = captureIo(dir);
    expect(await runCli(['validate', 'nope.ndjson', '--plan', SHOP_PLAN], io)).toBe(2);
    expect(io.err).toBe(`trackplan: cannot read events file ${path.join(dir, 'nope.ndjson')}: no such file\n`);
  });
});

describe('trackplan validate: input, output and exit codes', () => {
  const mixed = `${GOOD}\n${VIEWED(',"x":1')}\n{"type":"track","event":"Nope"}\n`;

  it('reads gzip input, by content rather than by name', async () => {
    const plain = await validate(mixed);
    const gz = await validate(gzipSync(mixed), [], 'events.ndjson.gz');
    const misnamed = await validate(gzipSync(mixed), [], 'events.ndjson');
    expect(gz.records).toEqual(plain.records);
    expect(misnamed.records).toEqual(plain.records);
    expect(plain.records.length).toBe(2);
  });

  it('a corrupt gzip file: exit 2, and --out is not left half-written', async () => {
    const broken = gzipSync(mixed.repeat(200)).subarray(0, 300);
    const run = await validate(broken, ['--out', 'good.ndjson'], 'events.ndjson.gz');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^trackplan: .*events\.ndjson\.gz is not valid gzip: unexpected end of file\n$/);
    expect(await readdir(run.dir)).toEqual(['events.ndjson.gz']);
  });

  it('--out writes the events the policy passes, violations attached, in input order', async () => {
    const run = await validate(mixed, ['--out', 'good.ndjson']);
    expect(run.code).toBe(1);
    const written = (await readFile(path.join(run.dir, 'good.ndjson'), 'utf8')).split('\n');
    expect(written[0]).toBe(GOOD);
    expect(JSON.parse(written[1]!).context).toEqual({
      violationErrors: [expect.objectContaining({ type: 'Additional-Properties', property: 'x' })], trackingPlanId: 'shop', trackingPlanVersion: '1.2.0',
    });
    expect(JSON.parse(written[2]!).event).toBe('Nope');
    expect(written.length).toBe(4);
    expect((await readdir(run.dir)).sort()).toEqual(['events.ndjson', 'good.ndjson']);
  });

  it('reads stdin with -', async () => {
    const dir = await tempTree({});
    const io = captureIo(dir);
    const code = await runValidate({ file: '-', plan: SHOP_PLAN, format: 'json', maxEventBytes: 32768, workers: 1 }, io, Readable.from([Buffer.from(mixed)]));
    expect(code).toBe(1);
    expect(io.out.trim().split('\n').map((l) => JSON.parse(l).line)).toEqual([2, 3]);
  });

  it('shows a progress line on stderr for a long input, and clears it', async () => {
    const dir = await tempTree({});
    const io = captureIo(dir);
    // Each reading of the injected clock is 600 ms later: the second line comes 1.2 s after the start.
    let now = 5_000;
    const clock = () => (now += 600);
    const code = await runValidate({ file: '-', plan: SHOP_PLAN, format: 'json', maxEventBytes: 32768, workers: 1, progress: true, now: clock }, io, Readable.from([Buffer.from(`${GOOD}\n`), Buffer.from(`${GOOD}\n`)]));
    expect(code).toBe(0);
    expect(io.err).toBe('\r\u001b[Kvalidating stdin: 2 lines, 0 MB, 2 lines/s\r\u001b[K2 events, 0 with violations (shop@1.2.0)\n');
  });

  it('shows no progress line for an input that ends within a second', async () => {
    const dir = await tempTree({});
    const io = captureIo(dir);
    let now = 5_000;
    const clock = () => (now += 300);
    const code = await runValidate({ file: '-', plan: SHOP_PLAN, format: 'json', maxEventBytes: 32768, workers: 1, progress: true, now: clock }, io, Readable.from([Buffer.from(`${GOOD}\n`), Buffer.from(`${GOOD}\n`)]));
    expect(code).toBe(0);
    expect(io.err).toBe('2 events, 0 with violations (shop@1.2.0)\n');
  });

  it('exits 2 when the plan has errors', async () => {
    const dir = await tempTree({
      'plans/plan.yaml': 'trackplan: 1\nid: x\nname: X\nversion: 1.0.0\n',
      'plans/events.yaml': 'events:\n  a:\n    properties:\n      p: strng\n',
      'events.ndjson': `${GOOD}\n`,
    });
    const io = captureIo(dir);
    expect(await runCli(['validate', 'events.ndjson'], io)).toBe(2);
    expect(io.err).toContain('plans/events.yaml:4:10  error  unknown type "strng"');
    expect(io.err).toContain('trackplan validate: the plan in plans has errors; fix them first (see `trackplan check`)\n');
  });

  it('prints a pretty summary: counts by type and event, worst first, examples with lines', async () => {
    const run = await validate(`${mixed}${VIEWED(',"y":2')}\n{"type":"identify","traits":{}}\n`, ['--format', 'pretty']);
    expect(run.code).toBe(1);
    expect(run.out).toBe([
      'events.ndjson: 5 events validated against shop@1.2.0',
      '  1 valid, 4 with violations (80.0%)',
      '  policy: 5 forwarded, 0 stripped of unplanned properties, 0 dropped',
      '',
      'Violations by type',
      '  Additional-Properties         2 in 2 events',
      '  Required-Missing              1 in 1 event',
      '  Unplanned-Event               1 in 1 event',
      '',
      'Events with violations, most first',
      '  track Product Viewed         2 of 2 events, 2 violations',
      '  identify                     1 of 1 event, 1 violation',
      '  track Nope                   1 of 1 event, 1 violation',
      '',
      'Examples',
      '  line 2  track Product Viewed  Additional-Properties  properties.x is not in the plan',
      '  line 3  track Nope  Unplanned-Event  event "Nope" is not in tracking plan shop@1.2.0',
      '  line 4  track Product Viewed  Additional-Properties  properties.y is not in the plan',
      '  line 5  identify  Required-Missing  required property traits.email is missing',
      '',
    ].join('\n'));
  });
});

describe('examples/events.ndjson', () => {
  it('holds good and bad events for the example plan', async () => {
    const io = captureIo(REPO);
    expect(await runCli(['validate', 'examples/events.ndjson', '--format', 'json'], io)).toBe(1);
    const records = io.out.trim().split('\n').map((l) => JSON.parse(l) as ViolationRecord);
    const types = new Set(records.flatMap((r) => r.violations.map((v) => v.type)));
    expect([...types].sort()).toEqual([
      'Additional-Properties', 'Advance-Rules-Violation', 'Datatype-Mismatch', 'Malformed-Event', 'Required-Missing', 'Unplanned-Event',
    ]);
    expect(new Set(records.map((r) => r.outcome))).toEqual(new Set(['forwarded', 'stripped', 'dropped']));
    const [, events, violating] = /^(\d+) events, (\d+) with violations/.exec(io.err)!;
    expect(Number(events) - Number(violating)).toBeGreaterThanOrEqual(10);
  });
});
