import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPlan } from '../../src/core/compiled-plan.js';
import { validateNdjson, type RunOptions } from '../../src/runtime/ndjson-run.js';
import { workerExecArgv } from '../../src/runtime/ndjson-parallel.js';
import type { ValidationSummary } from '../../src/runtime/summary.js';
import { buildChild } from '../serve/child/build-child.js';
import { compilePlanDir, order, REPO, SHOP_PLAN } from './helpers.js';

// Worker threads run JavaScript: the worker and the modules it imports are transpiled for them
// into a temp folder whose node_modules links to the repository's, so `ajv` resolves as it does
// for the real package.
let built: { dir: string; main: string };
let workerUrl: URL;
let plan: CompiledPlan;

beforeAll(async () => {
  built = await buildChild(path.join(REPO, 'src/runtime/validate-worker.ts'));
  workerUrl = pathToFileURL(built.main);
  plan = await compilePlanDir(SHOP_PLAN);
});
afterAll(async () => {
  if (built) await rm(built.dir, { recursive: true, force: true });
});

/** Several thousand lines of every kind, good and bad, in chunks cut at odd places. */
function input(chunkBytes: number): Buffer[] {
  const lines: (string | Buffer)[] = [];
  for (let i = 0; i < 4000; i++) {
    switch (i % 10) {
      case 3: lines.push(JSON.stringify(order({ total: 'x', n: i }))); break;
      case 5: lines.push(i % 20 === 5 ? '' : '{"broken":'); break;
      case 7: lines.push(JSON.stringify({ type: 'track', event: `Event ${i % 50}` })); break;
      case 8: lines.push(i % 40 === 8 ? `"${'x'.repeat(3000)}"` : Buffer.from([0x7b, 0xff, 0x7d])); break;
      default: lines.push(JSON.stringify(order({ order_id: `o-${i}` })));
    }
  }
  const whole = Buffer.concat(lines.flatMap((line) => [Buffer.from(line), Buffer.from('\n')]));
  const chunks: Buffer[] = [];
  for (let at = 0; at < whole.length; at += chunkBytes) chunks.push(whole.subarray(at, at + chunkBytes));
  return chunks;
}

async function run(options: RunOptions, ownChunks = false, chunkBytes = 7919): Promise<{ records: string; passed: string; summary: ValidationSummary; handedOver: number }> {
  let records = '';
  let passed = '';
  // Chunks with memory of their own (as file reads give) are transferred to workers, not copied.
  const chunks = ownChunks ? input(chunkBytes).map((chunk) => Buffer.from(new Uint8Array(chunk))) : input(chunkBytes);
  const summary = await validateNdjson((async function* () { yield* chunks; })(), plan, { records: true, passed: true, maxEventBytes: 2000, ...options }, (output) => {
    records += output.records;
    passed += output.passed;
  });
  // A transferred chunk's memory is gone from this thread.
  return { records, passed, summary, handedOver: chunks.filter((chunk) => chunk.buffer.byteLength === 0).length };
}

describe('validateNdjson on worker threads', () => {
  it('gives byte-identical output, in input order, and the same counts as one thread', async () => {
    const single = await run({});
    const parallel = await run({ workers: 2, workerUrl, batchBytes: 16 * 1024 });
    expect(parallel.records).toBe(single.records);
    expect(parallel.passed).toBe(single.passed);
    expect(parallel.summary).toEqual(single.summary);
    const transferred = await run({ workers: 2, workerUrl, batchBytes: 1 }, true);
    expect(transferred.records).toBe(single.records);
    expect(transferred.passed).toBe(single.passed);
    // Chunks larger than a decoded piece (64 KiB), their memory handed over from mid-chunk on.
    const bigSingle = await run({}, true, 200_003);
    const bigParallel = await run({ workers: 2, workerUrl, batchBytes: 100_000 }, true, 200_003);
    for (const big of [bigSingle, bigParallel]) {
      expect(big.records).toBe(single.records);
      expect(big.passed).toBe(single.passed);
      expect(big.summary).toEqual(single.summary);
    }
    expect(bigSingle.handedOver).toBe(0);
    expect(bigParallel.handedOver).toBeGreaterThan(0);
    expect(single.summary).toMatchObject({ lines: 4000, events: 3800, violating: 1400, dropped: 600 });
    const lines = single.records.trim().split('\n').map((l) => JSON.parse(l).line as number);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines.slice(0, 5)).toEqual([4, 8, 9, 14, 16]);
  });

  it('reports a worker that cannot start', async () => {
    await expect(run({ workers: 2, workerUrl: pathToFileURL(path.join(built.dir, 'missing.js')) })).rejects.toThrow(/missing\.js/);
  });
});

describe('workerExecArgv', () => {
  const cases: [string[], string[]][] = [
    [['--input-type=module', '-e', 'code()'], []],
    [['--max-old-space-size=100', '--eval', 'x', '--enable-source-maps'], ['--max-old-space-size=100', '--enable-source-maps']],
    [['-p', '1+1', '--input-type', 'module'], []],
    [['--eval=x', '--print=y', '--conditions=dev'], ['--conditions=dev']],
  ];
  it.each(cases)('%j keeps %j', (argv, kept) => {
    expect(workerExecArgv(argv)).toEqual(kept);
  });
});
