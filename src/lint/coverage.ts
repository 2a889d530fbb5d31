import type { CallSite, Coverage, EventCoverage, SourceCoverage } from '../core/lint-results.js';
import type { CallType, PlanIR } from '../core/ir.js';
import type { TrackedCall } from './model.js';
import { targetsOf, type PlanIndex } from './plan-index.js';

export type { CallSite, Coverage, EventCoverage, SourceCoverage } from '../core/lint-results.js';

const label = (call: CallType, name: string) => (call === 'track' ? name : call);

export function computeCoverage(plan: PlanIR, index: PlanIndex, calls: readonly TrackedCall[]): Coverage {
  const codeSources = new Set(plan.sources.filter((s) => s.paths.length > 0).map((s) => s.id));
  const events: EventCoverage[] = plan.events.map((event) => ({
    call: event.call,
    name: event.name,
    status: event.status,
    sources: event.sources,
    inCode: codeSources.size === 0 || event.sources.length === 0 || event.sources.some((s) => codeSources.has(s)),
    callSites: [],
  }));
  const byKey = new Map(events.map((e) => [`${e.call}\u0000${e.name}`, e]));
  const unplanned: Coverage['unplanned'] = [];
  const dynamic: CallSite[] = [];
  for (const call of calls) {
    const site: CallSite = { file: call.file, line: call.span.line, column: call.span.column, form: call.form, sources: call.sources };
    const targets = targetsOf(call, index);
    if (targets.length === 0) dynamic.push(site);
    for (const target of targets) {
      const entry = target.event ? byKey.get(`${target.event.call}\u0000${target.event.name}`) : undefined;
      if (entry) entry.callSites.push(site);
      else unplanned.push({ ...site, name: label(call.call, target.name) });
    }
  }
  const sources: SourceCoverage[] = plan.sources.map((source) => {
    const planned = events.filter((e) => e.sources.includes(source.id));
    const linted = codeSources.has(source.id);
    const sentFrom = planned.filter((e) => e.callSites.some((site) => site.sources.includes(source.id)));
    return {
      id: source.id,
      name: source.name,
      linted,
      planned: planned.length,
      sent: linted ? sentFrom.length : null,
      unsent: linted ? planned.filter((e) => !sentFrom.includes(e)).map((e) => label(e.call, e.name)) : null,
      callSites: calls.filter((c) => c.sources.includes(source.id)).length,
    };
  });
  const inCode = events.filter((e) => e.inCode);
  const sent = inCode.filter((e) => e.callSites.length > 0).length;
  return {
    events,
    unplanned,
    dynamic,
    sources,
    summary: {
      planned: inCode.length,
      sent,
      unsent: inCode.length - sent,
      callSites: calls.length,
      percent: inCode.length === 0 ? 100 : Math.round((sent / inCode.length) * 1000) / 10,
    },
  };
}
