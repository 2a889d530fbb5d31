/** trackplan/runtime: validate events against a compiled plan. Ships in apps: ajv and Node built-ins only. */
export { createValidator, malformed } from './validator.js';
export { loadCompiledPlan, CompiledPlanError } from './load.js';
export { toViolationRecord, formatViolationRecord } from './record.js';
export { resolvePolicy, resolvePolicies, decideOutcome } from './policy.js';
export { VIOLATION_MESSAGES, type ViolationMessageId } from '../core/violations/messages.js';
export {
  createLineSplitter, createValidateTransform, validateStream, NdjsonLine,
  type LineResult, type SplitterOptions, type ValidateTransformOptions, type ValidateStreamOptions,
} from './streams.js';
export { validateNdjson, validateNdjsonWith, type RunOptions, type OutputSink, type Progress } from './ndjson-run.js';
export { validateLine, type NdjsonOptions, type BatchOutput } from './ndjson-batch.js';
export { openNdjsonInput, type NdjsonInput } from './ndjson-input.js';
export { DEFAULT_MAX_EVENT_BYTES } from './ndjson-lines.js';
export type { ValidationSummary, EventTally, ViolationExample } from './summary.js';
export type {
  Violation, ViolationType, Outcome, ValidationResult, Validator, ValidatorOptions, PolicyOverride, ViolationRecord,
} from './types.js';
export type { CompiledPlan, CompiledEvent } from '../core/compiled-plan.js';
// The HTTP side: ingestion middleware, spool, forwarder and `trackplan serve` as a library.
export * from './http/index.js';
// Redis Streams: `trackplan stream` as a library (ioredis is imported when a consumer starts).
export * from './stream/index.js';
