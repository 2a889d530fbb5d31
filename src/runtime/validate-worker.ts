// Worker thread of `validateNdjsonParallel`: validates the batches of lines it is sent, in order.
import { parentPort, workerData } from 'node:worker_threads';
import type { CompiledPlan } from '../core/compiled-plan.js';
import { NdjsonBatch, type NdjsonOptions } from './ndjson-batch.js';
import { createRedactor } from './redact.js';
import type { ValidatorOptions } from './types.js';
import { createValidator } from './validator.js';

export interface WorkerSetup {
  plan: CompiledPlan;
  validator: ValidatorOptions | undefined;
  ndjson: NdjsonOptions;
  piiHashKey?: string;
}

export interface WorkerTask {
  id: number;
  /** Runs of whole lines, in input order, each in memory the worker owns (transferred). */
  regions: Uint8Array[];
  firstLine: number;
}

const setup = workerData as WorkerSetup;
const batch = new NdjsonBatch(createValidator(setup.plan, setup.validator), setup.ndjson, createRedactor(setup.plan, setup.piiHashKey));

parentPort!.on('message', (task: WorkerTask) => {
  let line = task.firstLine;
  for (const region of task.regions) {
    const buf = Buffer.from(region.buffer, region.byteOffset, region.byteLength);
    line += batch.addRegion({ kind: 'lines', buf, start: 0, end: buf.length }, line);
  }
  parentPort!.postMessage({ id: task.id, output: batch.take(true) });
});
