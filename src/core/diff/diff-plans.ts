import { CALL_TYPES, type CallType, type EventIR, type PlanIR, type PolicySettings, type SourceIR } from '../ir.js';
import { judgeBump, type BumpVerdict } from './bump.js';
import type { ChangeKind, PlanChange } from './changes.js';
import { diffEvent } from './diff-event.js';
import { ChangeRecorder } from './recorder.js';
import { hintEventRenames } from './renames.js';

/** The changes from one plan to another, classified, with the version bump they need. */
export interface PlanDiff {
  /** The id and version of the old plan. */
  base: { id: string; version: string };
  /** The id and version of the new plan. */
  head: { id: string; version: string };
  /** Header changes first, then by call type, event name, property path. */
  changes: PlanChange[];
  /** How many changes of each kind. */
  summary: Record<ChangeKind, number>;
  /** Whether the version change matches the changes. */
  bump: BumpVerdict;
}

const key = (e: EventIR) => `${e.call}\u0000${e.name}`;

/** The semantic difference of two plans: every change classified, and whether the head's version covers them. */
export function diffPlans(base: PlanIR, head: PlanIR): PlanDiff {
  const header = new ChangeRecorder();
  diffHeader(header, base, head);

  const baseEvents = new Map(base.events.map((e) => [key(e), e]));
  const headEvents = new Map(head.events.map((e) => [key(e), e]));
  const perEvent: PlanChange[] = [];
  const removed: { change: PlanChange; event: EventIR }[] = [];
  const added: { change: PlanChange; event: EventIR }[] = [];
  for (const event of base.events) {
    const next = headEvents.get(key(event));
    if (next) perEvent.push(...diffEvent(event, next).changes);
    else removed.push({ event, change: new ChangeRecorder(event).add('eventRemoved', { side: 'base', location: event.location }) });
  }
  for (const event of head.events) {
    if (!baseEvents.has(key(event))) added.push({ event, change: new ChangeRecorder(event).add('eventAdded', { location: event.location }) });
  }
  hintEventRenames(removed, added);

  const changes = [...header.changes, ...sortChanges([...perEvent, ...removed.map((r) => r.change), ...added.map((a) => a.change)])];
  const summary: Record<ChangeKind, number> = { breaking: 0, compatible: 0, docs: 0 };
  for (const change of changes) summary[change.kind]++;
  return {
    base: { id: base.id, version: base.version },
    head: { id: head.id, version: head.version },
    changes,
    summary,
    bump: judgeBump(base.version, head.version, changes),
  };
}

function sortChanges(changes: PlanChange[]): PlanChange[] {
  const callIndex = (c: PlanChange) => CALL_TYPES.indexOf(c.call as CallType);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Stable: within one property, changes keep the order the diff found them in.
  return changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) =>
      callIndex(a.change) - callIndex(b.change)
      || cmp(a.change.event ?? '', b.change.event ?? '')
      || cmp(a.change.property ?? '', b.change.property ?? '')
      || a.index - b.index)
    .map((x) => x.change);
}

function diffHeader(recorder: ChangeRecorder, base: PlanIR, head: PlanIR): void {
  const at = { location: head.headerLocation };
  if (base.id !== head.id) recorder.add('planIdChanged', { ...at, keyword: 'id', before: base.id, after: head.id });
  if (base.name !== head.name) recorder.add('planNameChanged', { ...at, keyword: 'name', before: base.name, after: head.name });
  if ((base.description ?? '') !== (head.description ?? '')) recorder.add('planDescriptionChanged', { ...at, keyword: 'description' });
  diffSources(recorder, base.sources, head.sources);
  diffPolicy(recorder, base, head);
}

function diffSources(recorder: ChangeRecorder, before: SourceIR[], after: SourceIR[]): void {
  const now = new Map(after.map((s) => [s.id, s]));
  const old = new Map(before.map((s) => [s.id, s]));
  for (const source of before) {
    const next = now.get(source.id);
    const keyword = `sources.${source.id}`;
    if (!next) {
      recorder.add('sourceRemoved', { keyword, side: 'base', location: source.location, data: { name: source.id } });
      continue;
    }
    const keys = (['name', 'sdk', 'description', 'paths'] as const).filter((k) => JSON.stringify(source[k]) !== JSON.stringify(next[k]));
    if (keys.length > 0) recorder.add('sourceChanged', { keyword, location: next.location, data: { name: source.id, keys: keys.join(', ') } });
  }
  for (const source of after) {
    if (!old.has(source.id)) recorder.add('sourceAdded', { keyword: `sources.${source.id}`, location: source.location, data: { name: source.id } });
  }
}

const ACTIONS = ['unplanned_events', 'unplanned_properties', 'other_violations'] as const;

/** Plan-wide settings, then each call type whose effective setting changed for a reason of its own. */
function diffPolicy(recorder: ChangeRecorder, base: PlanIR, head: PlanIR): void {
  const at = { location: head.headerLocation };
  const compare = (setting: string, before: PolicySettings[keyof PolicySettings], after: PolicySettings[keyof PolicySettings], isAction: boolean) => {
    if (before === after) return;
    const id = !isAction ? 'policyPropagationChanged' : after === 'drop' ? 'policyTightened' : 'policyLoosened';
    recorder.add(id, { ...at, keyword: `policy.${setting}`, before, after, data: { setting } });
  };
  for (const setting of [...ACTIONS, 'propagate_violations'] as const) {
    compare(setting, base.policy[setting], head.policy[setting], setting !== 'propagate_violations');
  }
  for (const call of CALL_TYPES) {
    for (const setting of [...ACTIONS, 'propagate_violations'] as const) {
      const own = base.policy.overrides[call]?.[setting] !== undefined || head.policy.overrides[call]?.[setting] !== undefined;
      if (!own) continue;
      const before = base.policy.overrides[call]?.[setting] ?? base.policy[setting];
      const after = head.policy.overrides[call]?.[setting] ?? head.policy[setting];
      // Already reported through the plan-wide setting when both sides simply follow it.
      if (before === after) continue;
      compare(`${call}.${setting}`, before, after, setting !== 'propagate_violations');
    }
  }
}
