import type { PlanDiff } from '../core/diff/diff-plans.js';
import type { ChangeKind } from '../core/diff/changes.js';
import { formatLocation, isSheetLocation } from '../core/location.js';
import { groupChanges, summaryLine, type DiffLabels } from './diff-groups.js';
import { formatDiffMarkdown } from './markdown.js';
import { defineReporter, findReporter } from './reporter.js';

export type { DiffLabels } from './diff-groups.js';

/** A `--format` of `trackplan diff`: the name of one of DIFF_REPORTERS. */
export type DiffFormat = 'pretty' | 'markdown' | 'json';

/** Human output for terminals and CI logs. */
export function formatDiffPretty(diff: PlanDiff, labels: DiffLabels, color = false): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const kindColor: Record<ChangeKind, number> = { breaking: 31, compatible: 32, docs: 90 };
  const lines = [`${diff.head.id}: ${labels.base} (${diff.base.version}) -> ${labels.head} (${diff.head.version})`];
  for (const [group, changes] of groupChanges(diff.changes)) {
    lines.push('', `  ${group}`);
    for (const change of changes) {
      const where = change.location ? `  ${paint(90, formatLocation(change.location) + (change.side === 'base' ? ` (${labels.base})` : ''))}` : '';
      lines.push(`    ${paint(kindColor[change.kind], change.kind.padEnd(10))}  ${change.message}${where}`);
      if (change.hint) lines.push(`    ${' '.repeat(10)}  ${paint(33, `hint: ${change.hint.message}`)}`);
    }
  }
  lines.push('', summaryLine(diff));
  lines.push(diff.bump.ok ? paint(32, `ok: ${diff.bump.message}`) : paint(31, `error: ${diff.bump.message}`));
  return `${lines.join('\n')}\n`;
}

/** Stable JSON (documented in the README): sorted as the diff sorts, keys in a fixed order. */
export function formatDiffJson(diff: PlanDiff, labels: DiffLabels): string {
  const changes = diff.changes.map((c) => {
    const where = !c.location ? {} : isSheetLocation(c.location)
      ? { sheet: c.location.sheet, cell: c.location.cell }
      : { file: c.location.file, line: c.location.line, column: c.location.column };
    return {
      kind: c.kind,
      changeId: c.changeId,
      ...(c.call ? { call: c.call, event: c.event } : {}),
      ...(c.property !== undefined ? { property: c.property } : {}),
      ...(c.keyword !== undefined ? { keyword: c.keyword } : {}),
      ...(c.before !== undefined ? { before: c.before } : {}),
      ...(c.after !== undefined ? { after: c.after } : {}),
      message: c.message,
      side: c.side,
      ...where,
      ...(c.hint ? { hint: { rename: { from: c.hint.from, to: c.hint.to }, message: c.hint.message } } : {}),
    };
  });
  const { required, expected, actual, ok, messageId, message } = diff.bump;
  return `${JSON.stringify({
    base: { source: labels.base, id: diff.base.id, version: diff.base.version },
    head: { source: labels.head, id: diff.head.id, version: diff.head.version },
    summary: diff.summary,
    bump: { required, expected, actual, ok, messageId, message },
    changes,
  }, null, 2)}\n`;
}

/** Reporters of plan diffs (`trackplan diff`). */
export const DIFF_REPORTERS = [
  defineReporter<PlanDiff, { color: boolean; labels: DiffLabels }>({ name: 'pretty', description: 'for people', format: (diff, { labels, color }) => formatDiffPretty(diff, labels, color) }),
  defineReporter<PlanDiff, { color: boolean; labels: DiffLabels }>({ name: 'markdown', description: 'a pull request comment', format: (diff, { labels }) => formatDiffMarkdown(diff, labels) }),
  defineReporter<PlanDiff, { color: boolean; labels: DiffLabels }>({ name: 'json', description: 'one JSON document', format: (diff, { labels }) => formatDiffJson(diff, labels) }),
];

/** A plan diff in the format of one reporter of DIFF_REPORTERS. */
export function formatDiff(diff: PlanDiff, labels: DiffLabels, format: DiffFormat, color = false): string {
  return findReporter(DIFF_REPORTERS, format).format(diff, { labels, color });
}
