import { Worker } from 'node:worker_threads';
import type { CompiledPlan } from '../core/compiled-plan.js';
import { LineScanner, type ScanEntry } from './line-scanner.js';
import { NdjsonBatch, type BatchOutput } from './ndjson-batch.js';
import { countLines, DEFAULT_MAX_EVENT_BYTES } from './ndjson-lines.js';
import type { OutputSink, RunOptions } from './ndjson-options.js';
import { createRedactor } from './redact.js';
import { createSummary, mergeSummary, type ValidationSummary } from './summary.js';
import type { WorkerSetup, WorkerTask } from './validate-worker.js';
import { createValidator } from './validator.js';

/** Lines go out in batches of about this many bytes: large enough to make messaging cheap. */
const BATCH_BYTES = 512 * 1024;
/** Batches a worker may hold: one being validated, one waiting, so it never idles. */
const PER_WORKER = 2;
/**
 * Batches waiting to be written, in order. Those validated here queue up behind a worker's
 * unfinished one; room for a few dozen lets this thread go on meanwhile (a worker still starting
 * up, a slow batch) while memory stays bounded (records and passed lines of 32 batches).
 */
const MAX_QUEUED = 32;

interface Slot {
  output: BatchOutput | undefined;
  promise: Promise<BatchOutput>;
}

interface Pool {
  /** A worker with room for another batch, if any. */
  idle(): Worker | undefined;
  send(worker: Worker, task: WorkerTask, transfer: ArrayBuffer[]): Promise<BatchOutput>;
  close(): Promise<void>;
}

/**
 * `validateNdjson` on `workers` threads: the calling thread and `workers - 1` worker threads.
 * The calling thread reads, cuts the input at line ends and numbers the lines; a batch goes to a
 * worker when one has room, and is validated right here otherwise (so a worker still starting
 * costs nothing, and two threads keep two cores busy without a third thread competing). Output
 * is written in input order; a bounded number of batches is in flight, so memory stays bounded
 * and a slow writer slows the reading.
 */
export async function validateNdjsonParallel(
  source: AsyncIterable<Buffer>, plan: CompiledPlan, options: RunOptions, sink: OutputSink,
): Promise<ValidationSummary> {
  const threads = Math.max(2, Math.floor(options.workers ?? 2));
  const batchBytes = options.batchBytes ?? BATCH_BYTES;
  // Workers first: they start (and compile the plan) while this thread compiles its own copy.
  const pool = startPool(threads - 1, options.workerUrl ?? new URL('./validate-worker.js', import.meta.url), {
    plan,
    validator: options.validator,
    ndjson: {
      maxEventBytes: options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES, records: options.records ?? false, passed: options.passed ?? false,
      ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
      ...(options.pii ? { pii: options.pii } : {}),
    },
    ...(options.piiHashKey !== undefined ? { piiHashKey: options.piiHashKey } : {}),
  });
  const local = new NdjsonBatch(createValidator(plan, options.validator), options, createRedactor(plan, options.piiHashKey));

  const summary = createSummary();
  const queue: Slot[] = [];
  let parts: Buffer[] = [];
  /** Whether each part lies in memory its chunk has to itself (a file read), so it can be transferred. */
  let exclusive: boolean[] = [];
  let partBytes = 0;
  /** Number of the first line not yet handed out. */
  let line = 1;
  let sequence = 0;
  let bytes = 0;

  const settle = (output: BatchOutput): Slot => ({ output, promise: Promise.resolve(output) });
  const dispatch = () => {
    if (partBytes === 0) return;
    const worker = pool.idle();
    if (worker) {
      const { regions, transfer } = ownedRegions(parts, exclusive);
      const task: WorkerTask = { id: sequence++, regions, firstLine: line };
      for (const part of parts) line += countLines({ kind: 'lines', buf: part, start: 0, end: part.length });
      const slot: Slot = { output: undefined, promise: pool.send(worker, task, transfer) };
      slot.promise.then((output) => { slot.output = output; }, () => undefined);
      queue.push(slot);
    } else {
      // Validated here, which counts the lines as it goes.
      for (const part of parts) line += local.addRegion({ kind: 'lines', buf: part, start: 0, end: part.length }, line);
      queue.push(settle(local.take(true)));
    }
    parts = [];
    exclusive = [];
    partBytes = 0;
  };
  const write = async (slot: Slot) => {
    const output = slot.output ?? await slot.promise;
    mergeSummary(summary, output.summary);
    if (output.records !== '' || output.passed !== '') await sink(output);
  };
  /** Writes what is done at the head of the queue; waits for the head only when too much is in flight. */
  const flush = async (limit: number) => {
    while (queue.length > 0 && (queue[0]!.output !== undefined || queue.length > limit)) await write(queue.shift()!);
  };
  const add = async (entries: ScanEntry[]) => {
    for (const entry of entries) {
      if (entry.kind === 'oversize') {
        dispatch();
        local.addOversize(line++, entry.bytes);
        queue.push(settle(local.take(true)));
        continue;
      }
      parts.push(entry.buf.subarray(entry.start, entry.end));
      // The region's chunk, not the region: the scanner copied what it keeps (a line's head), so
      // the chunk's memory is the region's alone once it is cut.
      exclusive.push(entry.buf.byteOffset === 0 && entry.buf.buffer.byteLength === entry.buf.length);
      partBytes += entry.end - entry.start;
      if (partBytes >= batchBytes) dispatch();
      await flush(MAX_QUEUED);
    }
  };

  try {
    const scanner = new LineScanner(local.maxEventBytes);
    for await (const chunk of source) {
      bytes += chunk.length;
      await add(scanner.push(chunk));
      options.onProgress?.({ bytes, lines: line - 1 });
    }
    await add(scanner.end());
    dispatch();
    await flush(0);
    return summary;
  } finally {
    await pool.close();
  }
}

function startPool(size: number, url: URL, setup: WorkerSetup): Pool {
  const waiting = new Map<number, { resolve: (output: BatchOutput) => void; reject: (error: Error) => void }>();
  const load = new Map<Worker, number>();
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const waiter of waiting.values()) waiter.reject(error);
    waiting.clear();
  };
  for (let i = 0; i < size; i++) {
    const worker = new Worker(url, { workerData: setup, execArgv: workerExecArgv(process.execArgv) });
    load.set(worker, 0);
    worker.on('message', ({ id, output }: { id: number; output: BatchOutput }) => {
      load.set(worker, load.get(worker)! - 1);
      waiting.get(id)?.resolve(output);
      waiting.delete(id);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (waiting.size > 0) fail(new Error(`a validation worker stopped (exit code ${code})`));
    });
  }
  return {
    idle() {
      if (failure) throw failure;
      let best: Worker | undefined;
      for (const [worker, count] of load) if (count < PER_WORKER && (!best || count < load.get(best)!)) best = worker;
      return best;
    },
    send(worker, task, transfer) {
      load.set(worker, load.get(worker)! + 1);
      return new Promise<BatchOutput>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting.set(task.id, { resolve, reject });
        worker.postMessage(task, transfer);
      });
    },
    async close() {
      await Promise.all([...load.keys()].map((worker) => worker.terminate()));
    },
  };
}

/**
 * The batch's regions in memory a worker can own. A region of a chunk that has its memory to
 * itself (file reads do) is transferred with that memory: no copy. Runs of other regions (pooled
 * or shared memory, as gunzip gives, and lines joined across chunks) are copied once, together.
 */
function ownedRegions(parts: readonly Buffer[], exclusive: readonly boolean[]): { regions: Uint8Array[]; transfer: ArrayBuffer[] } {
  const regions: Uint8Array[] = [];
  const transfer = new Set<ArrayBuffer>();
  for (let i = 0; i < parts.length;) {
    const part = parts[i]!;
    if (exclusive[i] && !transfer.has(part.buffer as ArrayBuffer)) {
      regions.push(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
      transfer.add(part.buffer as ArrayBuffer);
      i++;
      continue;
    }
    let stop = i + 1;
    let total = part.length;
    while (stop < parts.length && !exclusive[stop]) total += parts[stop++]!.length;
    const owned = new Uint8Array(total);
    let offset = 0;
    for (; i < stop; i++) {
      owned.set(parts[i]!, offset);
      offset += parts[i]!.length;
    }
    regions.push(owned);
    transfer.add(owned.buffer);
  }
  return { regions, transfer: [...transfer] };
}

/**
 * The parent's Node options minus those a worker refuses or must not rerun: `node -e '...'`
 * (with `--input-type`) is how scripts and benchmarks embed the runtime.
 */
export function workerExecArgv(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-e' || arg === '--eval' || arg === '-p' || arg === '--print' || arg === '--input-type') i++;
    else if (!/^--(?:eval|print|input-type)(?:=|$)/.test(arg)) kept.push(arg);
  }
  return kept;
}
