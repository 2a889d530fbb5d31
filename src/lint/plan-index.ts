import picomatch from 'picomatch';
import type { CallType, EventIR, PlanIR } from '../core/ir.js';
import type { CallTarget, TrackedCall } from './model.js';

/** The plan as the rules look it up: track events by name, other calls by type, sources by path. */
export interface PlanIndex {
  plan: PlanIR;
  track: Map<string, EventIR>;
  calls: Map<CallType, EventIR>;
  /** Ids of the sources whose `paths` globs match a file (relative to the working directory). */
  sourcesOf(file: string): string[];
}

export function indexPlan(plan: PlanIR): PlanIndex {
  const track = new Map<string, EventIR>();
  const calls = new Map<CallType, EventIR>();
  for (const event of plan.events) {
    if (event.call === 'track') track.set(event.name, event);
    else calls.set(event.call, event);
  }
  const matchers = plan.sources
    .filter((source) => source.paths.length > 0)
    .map((source) => ({ id: source.id, match: picomatch(source.paths, { dot: true }) }));
  const cache = new Map<string, string[]>();
  const sourcesOf = (file: string) => {
    let ids = cache.get(file);
    if (!ids) {
      ids = matchers.filter((m) => m.match(file)).map((m) => m.id);
      cache.set(file, ids);
    }
    return ids;
  };
  return { plan, track, calls, sourcesOf };
}

/** The planned calls a tracked call stands for: one per name it can take (track), or its call type. */
export function targetsOf(call: TrackedCall, index: PlanIndex): CallTarget[] {
  if (call.call !== 'track') return [{ name: call.call, event: index.calls.get(call.call) }];
  const names = call.eventName !== undefined ? [call.eventName] : call.name?.kind === 'static' ? call.name.values : [];
  return names.map((name) => ({ name, event: index.track.get(name) }));
}
