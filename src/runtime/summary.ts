import type { ValidationResult, Violation, ViolationType } from './types.js';

/** Counts of one event in a validation run. */
export interface EventTally {
  /** The call type (`track`, `page`, ...), or `(none)` when the event had none. */
  call: string;
  /** Track: the event name; other calls: undefined (page names are too many to list). */
  event: string | undefined;
  /** Events validated. */
  events: number;
  /** Events with at least one violation. */
  violating: number;
  /** Violations in all, an event counting each of its own. */
  violations: number;
}

/** A sample violating message of a validation run, with its line. */
export interface ViolationExample {
  /** 1-based line of the input, null for events that did not come from lines. */
  line: number | null;
  /** The call type, null when the event had none. */
  call: string | null;
  /** The track event or page/screen name, null when the event had none. */
  event: string | null;
  /** The example's violation (one of its type; the event may have others). */
  violation: Violation;
}

/** Counts of a validation run, for the pretty report. Plain data: it crosses worker threads. */
export interface ValidationSummary {
  /** Lines read, blank ones included. */
  lines: number;
  /** Non-blank lines (or messages) validated. */
  events: number;
  /** Events that follow the plan. */
  valid: number;
  /** Events with at least one violation. */
  violating: number;
  /** Events the policy passes on as they are (valid ones included). */
  forwarded: number;
  /** Events the policy passes on with their unplanned properties removed. */
  stripped: number;
  /** Events the policy drops (malformed ones included). */
  dropped: number;
  /** Per violation type: its violations, and the events that have at least one. */
  byType: Map<ViolationType, { violations: number; events: number }>;
  /** Track events by name; capped, the rest counted under `otherEvents`. */
  byTrack: Map<string, EventTally>;
  /** The other calls by call type (and events that had no call type under `(none)`). */
  byCall: Map<string, EventTally>;
  /** Events not tallied in `byTrack` or `byCall` because those hold 5,000 names already. */
  otherEvents: number;
  /** The first few examples of each violation type, in input order. */
  examples: ViolationExample[];
}

const MAX_EVENTS = 5000;
export const EXAMPLES_PER_TYPE = 3;

export function createSummary(): ValidationSummary {
  return {
    lines: 0, events: 0, valid: 0, violating: 0, forwarded: 0, stripped: 0, dropped: 0,
    byType: new Map(), byTrack: new Map(), byCall: new Map(), otherEvents: 0, examples: [],
  };
}

/** Adds one result. The valid path costs a counter and one map lookup. */
export function addResult(summary: ValidationSummary, result: ValidationResult, line: number | null): void {
  summary.events++;
  summary[result.outcome]++;
  const call = typeof result.call === 'string' ? result.call : '(none)';
  const track = call === 'track' && result.event !== undefined;
  const tallies = track ? summary.byTrack : summary.byCall;
  const key = track ? result.event! : call;
  let tally = tallies.get(key);
  if (!tally) {
    if (tallies.size >= MAX_EVENTS) {
      summary.otherEvents++;
    } else {
      tally = { call, event: track ? key : undefined, events: 0, violating: 0, violations: 0 };
      tallies.set(key, tally);
    }
  }
  if (tally) tally.events++;
  if (result.valid) {
    summary.valid++;
    return;
  }
  summary.violating++;
  if (tally) {
    tally.violating++;
    tally.violations += result.violations.length;
  }
  const seen = new Set<ViolationType>();
  for (const violation of result.violations) {
    let count = summary.byType.get(violation.type);
    if (!count) summary.byType.set(violation.type, (count = { violations: 0, events: 0 }));
    count.violations++;
    if (!seen.has(violation.type)) {
      seen.add(violation.type);
      count.events++;
      if (count.events <= EXAMPLES_PER_TYPE) {
        summary.examples.push({ line, call: typeof result.call === 'string' ? result.call : null, event: result.event ?? null, violation });
      }
    }
  }
}

/** Adds a later part's counts (a worker's batch) to `into`; examples stay in input order. */
export function mergeSummary(into: ValidationSummary, part: ValidationSummary): void {
  for (const key of ['lines', 'events', 'valid', 'violating', 'forwarded', 'stripped', 'dropped', 'otherEvents'] as const) into[key] += part[key];
  const shown = new Map<ViolationType, number>();
  for (const example of into.examples) shown.set(example.violation.type, (shown.get(example.violation.type) ?? 0) + 1);
  for (const example of part.examples) {
    const count = shown.get(example.violation.type) ?? 0;
    if (count < EXAMPLES_PER_TYPE) {
      into.examples.push(example);
      shown.set(example.violation.type, count + 1);
    }
  }
  for (const [type, count] of part.byType) {
    const total = into.byType.get(type);
    if (total) {
      total.violations += count.violations;
      total.events += count.events;
    } else into.byType.set(type, { ...count });
  }
  for (const which of ['byTrack', 'byCall'] as const) {
    for (const [key, tally] of part[which]) {
      const total = into[which].get(key);
      if (total) {
        total.events += tally.events;
        total.violating += tally.violating;
        total.violations += tally.violations;
      } else if (into[which].size < MAX_EVENTS) into[which].set(key, { ...tally });
      else into.otherEvents += tally.events;
    }
  }
}
