import type { PlanChange } from '../core/diff/changes.js';
import { diffPlans, type PlanDiff } from '../core/diff/diff-plans.js';
import type { PlanIR } from '../core/ir.js';
import { eventKey } from './paths.js';

/** The plan as it was at one point of its history (a commit), or as it is now (the working tree). */
export interface PlanSnapshot {
  /** Short commit id, or `working tree`. */
  label: string;
  commit?: string | undefined;
  /** ISO date of the commit. */
  date?: string | undefined;
  subject?: string | undefined;
  plan: PlanIR;
}

/** The changes from one snapshot to the next. */
export interface HistoryStep {
  from: PlanSnapshot;
  to: PlanSnapshot;
  diff: PlanDiff;
}

/** `trackplan diff` between each snapshot and the next (oldest first); steps without changes are left out. */
export function diffHistory(snapshots: readonly PlanSnapshot[]): HistoryStep[] {
  const steps: HistoryStep[] = [];
  for (let i = 1; i < snapshots.length; i++) {
    const diff = diffPlans(snapshots[i - 1]!.plan, snapshots[i]!.plan);
    if (diff.changes.length > 0) steps.push({ from: snapshots[i - 1]!, to: snapshots[i]!, diff });
  }
  return steps;
}

/**
 * Releases: `trackplan diff` between the last snapshot of each plan version and the last of the
 * next version (oldest first). Snapshots that did not change the version fold into their release.
 */
export function diffReleases(snapshots: readonly PlanSnapshot[]): HistoryStep[] {
  const lastOfVersion: PlanSnapshot[] = [];
  for (const snapshot of snapshots) {
    const previous = lastOfVersion.at(-1);
    if (previous && previous.plan.version === snapshot.plan.version) lastOfVersion[lastOfVersion.length - 1] = snapshot;
    else lastOfVersion.push(snapshot);
  }
  return diffHistory(lastOfVersion);
}

/** The changes of each step that concern one planned call, by the call's key; newest step first. */
export function historyByEvent(steps: readonly HistoryStep[]): Map<string, { step: HistoryStep; changes: PlanChange[] }[]> {
  const out = new Map<string, { step: HistoryStep; changes: PlanChange[] }[]>();
  for (const step of [...steps].reverse()) {
    const byKey = new Map<string, PlanChange[]>();
    for (const change of step.diff.changes) {
      if (!change.call || change.event === undefined) continue;
      const key = eventKey(change.call, change.event);
      byKey.set(key, [...(byKey.get(key) ?? []), change]);
    }
    for (const [key, changes] of byKey) out.set(key, [...(out.get(key) ?? []), { step, changes }]);
  }
  return out;
}

const KIND_ORDER = { breaking: 0, compatible: 1, docs: 2 } as const;

/** Breaking changes first, then compatible, then docs; the diff's own order within a kind. */
export function sortBreakingFirst(changes: readonly PlanChange[]): PlanChange[] {
  return changes.map((c, i) => ({ c, i })).sort((a, b) => KIND_ORDER[a.c.kind] - KIND_ORDER[b.c.kind] || a.i - b.i).map(({ c }) => c);
}
