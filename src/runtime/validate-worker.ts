// Worker thread of `validateNdjsonParallel`: validates the batches of lines it is sent, in order.
import { parentPort, workerData } from 'node:worker_threads';
import type { CompiledPlan } from '../core/compiled-plan.js';
import { NdjsonBatch, type NdjsonOptions } from './ndjson-batch.js';
import type { ValidatorOptions } from './types.js';
import { createValidator } from './validator.js';

export interface WorkerSetup {
  plan: CompiledPlan;
  validator: ValidatorOptions | undefined;
  ndjson: NdjsonOptions;
}

export interface WorkerTask {
  id: number;
  bytes: Uint8Array;
  firstLine: number;
}

const setup = workerData as WorkerSetup;
const batch = new NdjsonBatch(createValidator(setup.plan, setup.validator), setup.ndjson);

parentPort!.on('message', (task: WorkerTask) => {
  const buf = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  batch.addRegion({ kind: 'lines', buf, start: 0, end: buf.length }, task.firstLine);
  parentPort!.postMessage({ id: task.id, output: batch.take(true) });
});
