import type { ValidationResult } from '../types.js';
import { Counter, Histogram, Registry } from './metrics.js';

/** Request latency buckets in seconds: sub-millisecond to a few seconds (a slow disk or fsync). */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Per call type: received, valid, invalid, dropped, stripped; and (violation type, event) pairs. */
export interface Tally {
  /** Per call type (`unknown` when a message had none): `[received, valid, invalid, dropped, stripped]`. */
  calls: Map<string, number[]>;
  /** One `[violation type, event name]` pair per violation ('' when the message had no event name). */
  violations: [string, string][];
}

/** The metrics of the ingestion middleware and server, in one Prometheus registry. */
export function createServeMetrics(registry = new Registry()) {
  const metrics = {
    registry,
    requests: registry.register(new Counter('trackplan_http_requests_total', 'HTTP requests answered, by endpoint and status code.', ['endpoint', 'code'])),
    latency: registry.register(new Histogram('trackplan_http_request_duration_seconds', 'Time from request to response, by endpoint.', ['endpoint'], LATENCY_BUCKETS)),
    received: registry.register(new Counter('trackplan_messages_received_total', 'Messages received in accepted requests, by call type.', ['call'])),
    valid: registry.register(new Counter('trackplan_messages_valid_total', 'Messages without violations, by call type.', ['call'])),
    invalid: registry.register(new Counter('trackplan_messages_invalid_total', 'Messages with violations, by call type.', ['call'])),
    violations: registry.register(new Counter('trackplan_violations_total', 'Violations, by violation type and event name.', ['type', 'event'])),
    dropped: registry.register(new Counter('trackplan_messages_dropped_total', 'Messages the policy dropped (kept in the violations file).', ['call'])),
    stripped: registry.register(new Counter('trackplan_messages_stripped_total', 'Messages forwarded with unplanned properties removed.', ['call'])),
    spooled: registry.register(new Counter('trackplan_messages_spooled_total', 'Messages written to the spool for forwarding.')),
    forwarded: registry.register(new Counter('trackplan_messages_forwarded_total', 'Messages the upstream acknowledged.')),
    deadLettered: registry.register(new Counter('trackplan_messages_dead_lettered_total', 'Messages the upstream refused for good (400), kept in the dead-letter file.')),
    upstreamRequests: registry.register(new Counter('trackplan_upstream_requests_total', 'Batches posted to the upstream, by status code (or "network").', ['code'])),
    upstreamErrors: registry.register(new Counter('trackplan_upstream_errors_total', 'Failed upstream posts, by reason.', ['reason'])),
    webhookPosts: registry.register(new Counter('trackplan_webhook_posts_total', 'Violation summaries posted to the webhook, by result.', ['result'])),
    /** Counts what a request's results add, to record once the request is accepted. */
    tally(results: readonly ValidationResult[]): Tally {
      // Tallied per request: a batch of 100 messages makes a handful of updates, not 300.
      const calls = new Map<string, number[]>();
      const violations: [string, string][] = [];
      for (const result of results) {
        const call = typeof result.call === 'string' ? result.call : 'unknown';
        let counts = calls.get(call);
        if (!counts) calls.set(call, (counts = [0, 0, 0, 0, 0]));
        counts[0]!++;
        if (result.valid) {
          counts[1]!++;
          continue;
        }
        counts[2]!++;
        for (const violation of result.violations) violations.push([violation.type, result.event ?? '']);
        if (result.outcome === 'dropped') counts[3]!++;
        else if (result.outcome === 'stripped') counts[4]!++;
      }
      return { calls, violations };
    },
    record({ calls, violations }: Tally): void {
      for (const [call, [received, valid, invalid, dropped, stripped]] of calls) {
        metrics.received.inc([call], received);
        if (valid) metrics.valid.inc([call], valid);
        if (invalid) metrics.invalid.inc([call], invalid);
        if (dropped) metrics.dropped.inc([call], dropped);
        if (stripped) metrics.stripped.inc([call], stripped);
      }
      for (const labels of violations) metrics.violations.inc(labels);
    },
    recordResults(results: readonly ValidationResult[]): void {
      metrics.record(metrics.tally(results));
    },
  };
  return metrics;
}

/** The Prometheus metrics of the ingestion handler and the server (`/metrics`). */
export type ServeMetrics = ReturnType<typeof createServeMetrics>;
