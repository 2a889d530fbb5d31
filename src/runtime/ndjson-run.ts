import type { CompiledPlan } from '../core/compiled-plan.js';
import { LineScanner, type ScanEntry } from './line-scanner.js';
import { NdjsonBatch } from './ndjson-batch.js';
import type { OutputSink, RunOptions } from './ndjson-options.js';
import { validateNdjsonParallel } from './ndjson-parallel.js';
import { createRedactor, type Redactor } from './redact.js';
import type { ValidationSummary } from './summary.js';
import type { Validator, ValidatorOptions } from './types.js';
import { createValidator } from './validator.js';

export type { OutputSink, Progress, RunOptions } from './ndjson-options.js';

/**
 * Validates an NDJSON byte stream against a compiled plan and returns its counts. Output (violation
 * records, passing events) goes to `sink` in input order, batch by batch.
 */
export async function validateNdjson(
  source: AsyncIterable<Buffer>, plan: CompiledPlan, options: RunOptions, sink: OutputSink,
): Promise<ValidationSummary> {
  const run = options.passed ? options : { ...options, validator: withoutRewrites(options.validator) };
  if ((options.workers ?? 1) > 1) return validateNdjsonParallel(source, plan, run, sink);
  return validateNdjsonWith(createValidator(plan, run.validator), source, run, sink, createRedactor(plan, options.piiHashKey));
}

/** `validateNdjson` on the calling thread with a validator built beforehand (compile once, run many). */
export async function validateNdjsonWith(
  validator: Validator, source: AsyncIterable<Buffer>, options: Omit<RunOptions, 'validator' | 'workers'>, sink: OutputSink, redactor?: Redactor,
): Promise<ValidationSummary> {
  const batch = new NdjsonBatch(validator, options, redactor);
  const scanner = new LineScanner(batch.maxEventBytes);
  let next = 1;
  let bytes = 0;
  const add = (entries: ScanEntry[]) => {
    for (const entry of entries) {
      if (entry.kind === 'oversize') batch.addOversize(next++, entry.bytes);
      else next += batch.addRegion(entry, next);
    }
  };
  for await (const chunk of source) {
    bytes += chunk.length;
    add(scanner.push(chunk));
    const output = batch.take();
    if (output.records !== '' || output.passed !== '') await sink(output);
    options.onProgress?.({ bytes, lines: next - 1 });
  }
  add(scanner.end());
  const output = batch.take();
  if (output.records !== '' || output.passed !== '') await sink(output);
  return batch.summary;
}

/**
 * When no one reads the passed-on messages, building them (violations copied into each context)
 * is wasted work: outcomes and records do not depend on it.
 */
function withoutRewrites(options: ValidatorOptions | undefined): ValidatorOptions {
  const overrides = Object.fromEntries(Object.entries(options?.policy?.overrides ?? {})
    .map(([call, settings]) => [call, { ...settings, propagate_violations: false }]));
  return { ...options, policy: { ...options?.policy, propagate_violations: false, overrides } };
}
