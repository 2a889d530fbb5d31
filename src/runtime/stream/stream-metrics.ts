import { Counter, Registry, type Metric } from '../http/metrics.js';

/** Lag and pending counts per input stream, from `XINFO GROUPS`, refreshed before each scrape. */
export class GroupGauges implements Metric {
  /** Per input stream: the lag (null when Redis cannot tell) and the pending count. */
  values = new Map<string, { lag: number | null; pending: number }>();

  /** The two gauges in Prometheus text format. */
  render(): string {
    let lag = '# HELP trackplan_stream_lag Entries of the stream not yet delivered to the group (XINFO GROUPS lag).\n# TYPE trackplan_stream_lag gauge\n';
    let pending = '# HELP trackplan_stream_pending Entries delivered to the group and not yet acknowledged.\n# TYPE trackplan_stream_pending gauge\n';
    for (const [stream, value] of this.values) {
      const label = `{stream="${stream.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"}`;
      // Redis reports no lag (nil) when it cannot compute it (after deletions): leave the series out.
      if (value.lag !== null) lag += `trackplan_stream_lag${label} ${value.lag}\n`;
      pending += `trackplan_stream_pending${label} ${value.pending}\n`;
    }
    return lag + pending;
  }
}

/** The metrics of one stream consumer, in one Prometheus registry. */
export function createStreamMetrics(registry = new Registry()) {
  return {
    registry,
    read: registry.register(new Counter('trackplan_stream_entries_read_total', 'Entries read from the input streams (new, recovered and claimed).')),
    accepted: registry.register(new Counter('trackplan_stream_entries_accepted_total', 'Entries the policy passed, written to the output stream.')),
    violating: registry.register(new Counter('trackplan_stream_entries_violating_total', 'Entries with violations (their records go to the violations stream), by what the policy did.', ['outcome'])),
    violations: registry.register(new Counter('trackplan_stream_violations_total', 'Violations, by violation type.', ['type'])),
    deadLettered: registry.register(new Counter('trackplan_stream_entries_dead_lettered_total', 'Entries written to the dead-letter stream, by reason.', ['reason'])),
    claimed: registry.register(new Counter('trackplan_stream_entries_claimed_total', 'Pending entries of idle consumers taken over with XAUTOCLAIM.')),
    batches: registry.register(new Counter('trackplan_stream_batches_total', 'Batches written and acknowledged in one atomic write (script or MULTI/EXEC).')),
    errors: registry.register(new Counter('trackplan_stream_redis_errors_total', 'Redis commands that failed and were retried after a backoff.')),
    groups: registry.register(new GroupGauges()),
  };
}

/** The counters and gauges of one consumer, in `registry`. */
export type StreamMetrics = ReturnType<typeof createStreamMetrics>;
