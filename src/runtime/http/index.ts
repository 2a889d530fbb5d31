/** The HTTP side of trackplan/runtime: middleware for the tracking API, the spool, the forwarder and the server. */
export { createIngestHandler, type IngestHandler, type IngestOptions, type IngestSink, type AcceptedBatch, type NextFunction, type ViolatingRequest } from './middleware.js';
export { startServer, type ServeOptions, type RunningServer } from './server.js';
export { Spool, type SpoolOptions, type FsyncPolicy } from './spool/spool.js';
export { SpoolLockedError } from './spool/lock.js';
export type { SpoolEntry } from './spool/line.js';
export { Forwarder, type ForwarderOptions, type ForwarderStatus } from './forward/forwarder.js';
export { HttpError, INGEST_ERRORS, type IngestErrorCode } from './errors.js';
export { DEFAULT_LIMITS, type Limits, type Endpoint } from './parse-messages.js';
export { createServeMetrics, type ServeMetrics } from './serve-metrics.js';
export { ViolationsWebhook, type WebhookOptions } from './violations-webhook.js';
export { parseSize } from './size.js';
export { SpoolError, type SpoolErrorKind } from './spool/spool-error.js';
