/** `trackplan stream` as a library: a consumer-group worker on Redis Streams. */
export { startStreamConsumer, type StreamConsumer, type StreamConsumerOptions } from './consumer.js';
export { startStreamHttp, type StreamHttp } from './stream-http.js';
export { decideEntry, type StreamTargets, type StreamEntry, type EntryOutcome, type EntryWrite, type EntryIds, type EntryVerdict, type DeadLetterReason } from './entries.js';
export { parseRedisUrl, expandStreams, scrubSecret, type RedisTarget } from './redis-url.js';
export { produceLines, type ProduceOptions } from './produce.js';
export { FatalStreamError } from './group.js';
export { createStreamMetrics, GroupGauges, type StreamMetrics } from './stream-metrics.js';
