/**
 * trackplan/runtime: validate analytics events against a compiled plan, one by one, as Node
 * streams, over NDJSON files, or as HTTP middleware and a forwarding server. It ships inside apps:
 * it imports ajv and Node built-ins only.
 *
 * @packageDocumentation
 */
export { createValidator } from './validator.js';
export { loadCompiledPlan, CompiledPlanError } from './load.js';
export { toViolationRecord, formatViolationRecord, type RecordOptions } from './record.js';
export { createRedactor, type PiiMode, type Redactor } from './redact.js';
export {
  createLineSplitter, createValidateTransform, validateStream, NdjsonLine,
  type LineResult, type SplitterOptions, type ValidateTransformOptions, type ValidateStreamOptions,
} from './streams.js';
export { validateNdjson, type RunOptions, type OutputSink, type Progress } from './ndjson-run.js';
export type { NdjsonOptions, BatchOutput } from './ndjson-batch.js';
export { openNdjsonInput, type NdjsonInput } from './ndjson-input.js';
export { DEFAULT_MAX_EVENT_BYTES } from './ndjson-lines.js';
export type { ValidationSummary, EventTally, ViolationExample } from './summary.js';
export type {
  Violation, ViolationType, Outcome, ValidationResult, Validator, ValidatorOptions, PolicyOverride, ViolationRecord,
} from './types.js';
export type { CompiledPlan, CompiledEvent } from '../core/compiled-plan.js';
export type { JsonSchema } from '../core/compile-schema.js';
export type { PolicyIR, PolicySettings, PolicyAction, CallType } from '../core/ir.js';
export { CALL_TYPES } from '../core/ir.js';
export { ConfigError } from '../core/errors.js';
// The HTTP side: ingestion middleware, and `trackplan serve` as a library.
export {
  createIngestHandler, type IngestHandler, type IngestOptions, type IngestSink, type AcceptedBatch, type NextFunction, type ViolatingRequest,
} from './http/middleware.js';
export { startServer, type ServeOptions, type RunningServer } from './http/server.js';
export { Spool, type SpoolOptions, type FsyncPolicy } from './http/spool/spool.js';
export { SpoolError, type SpoolErrorKind } from './http/spool/spool-error.js';
export type { FileIo } from './http/spool/file-io.js';
export type { Timeouts } from './http/server-timeouts.js';
export type { ViolationsFileOptions } from './http/violations-file.js';
export { SpoolLockedError } from './http/spool/lock.js';
export type { SpoolEntry, StoredEntry } from './http/spool/line.js';
export type { RecoveryProblem } from './http/spool/recover.js';
export { Forwarder, type ForwarderOptions, type ForwarderStatus } from './http/forward/forwarder.js';
export { createServeMetrics, type ServeMetrics, type Tally } from './http/serve-metrics.js';
export { DEFAULT_LIMITS, MESSAGE_ENDPOINTS, BATCH_ENDPOINTS, type Limits, type Endpoint } from './http/parse-messages.js';
// Redis Streams: `trackplan stream` as a library (ioredis is imported when a consumer starts).
export {
  startStreamConsumer, startStreamHttp, parseRedisUrl, expandStreams, produceLines, createStreamMetrics, GroupGauges, FatalStreamError,
  type StreamConsumer, type StreamConsumerOptions, type StreamHttp, type StreamTargets, type RedisTarget, type ProduceOptions, type StreamMetrics,
} from './stream/index.js';
