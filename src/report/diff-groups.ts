import type { PlanChange } from '../core/diff/changes.js';
import type { PlanDiff } from '../core/diff/diff-plans.js';

/** Where each side of the diff came from: a git ref, a folder, the working tree. */
export interface DiffLabels {
  base: string;
  head: string;
}

/** The planned call a change belongs to, as people name it: `track form_submit`, `identify`, `plan header`. */
export function changeGroup(change: PlanChange): string {
  if (!change.call) return 'plan header';
  return change.call === 'track' ? `track ${change.event}` : change.call;
}

export function groupChanges(changes: readonly PlanChange[]): Map<string, PlanChange[]> {
  const groups = new Map<string, PlanChange[]>();
  for (const change of changes) groups.set(changeGroup(change), [...(groups.get(changeGroup(change)) ?? []), change]);
  return groups;
}

export function summaryLine(diff: PlanDiff): string {
  const { breaking, compatible, docs } = diff.summary;
  if (breaking + compatible + docs === 0) return 'no changes';
  return `${breaking} breaking, ${compatible} compatible, ${docs} docs change${docs === 1 ? '' : 's'}; they need ${article(diff.bump.expected)} bump`;
}

function article(bump: string): string {
  return bump === 'none' ? 'no' : `a ${bump}`;
}
