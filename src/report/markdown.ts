import type { PlanChange } from '../core/diff/changes.js';
import type { PlanDiff } from '../core/diff/diff-plans.js';
import { formatLocation } from '../core/location.js';
import { groupChanges, summaryLine, type DiffLabels } from './diff-groups.js';

/** Marks trackplan's pull-request comment, so a workflow can update it instead of adding another. */
export const DIFF_COMMENT_MARKER = '<!-- trackplan-diff -->';

const ICON = { breaking: ':boom:', compatible: ':heavy_plus_sign:', docs: ':memo:' } as const;

/** Inline code that survives any content: backticks inside get a longer fence, pipes are escaped for tables. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

/** Text for a list item or a table cell: emphasis, links, code and HTML neutralized, one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]~]/g, (ch) => `\\${ch}`)
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** GitHub tables split on `|` even inside code spans. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function place(change: PlanChange, labels: DiffLabels): string {
  if (!change.location) return '';
  return code(formatLocation(change.location)) + (change.side === 'base' ? ` (${escapeMarkdown(labels.base)})` : '');
}

function what(change: PlanChange): string {
  if (!change.call) return 'plan header';
  return change.call === 'track' ? `track ${code(change.event ?? '')}` : change.call;
}

/** The change in words; in the table a rename hint is short, in the details it explains itself. */
function describe(change: PlanChange, short = false): string {
  if (!change.hint) return escapeMarkdown(change.message);
  const hint = short ? `may be a rename: ${code(change.hint.from)} → ${code(change.hint.to)}` : escapeMarkdown(change.hint.message);
  return `${escapeMarkdown(change.message)} — _${hint}_`;
}

/** A pull-request comment: verdict and summary, the breaking changes as a table, everything in a collapsed list. */
export function formatDiffMarkdown(diff: PlanDiff, labels: DiffLabels): string {
  const out = [DIFF_COMMENT_MARKER];
  out.push(`### Tracking plan ${code(diff.head.id)}: ${code(diff.base.version)} → ${code(diff.head.version)}`, '');
  out.push(`${diff.bump.ok ? ':white_check_mark:' : ':x:'} ${escapeMarkdown(diff.bump.message)}`, '');
  out.push(`**${escapeMarkdown(summaryLine(diff))}** (${escapeMarkdown(labels.base)} → ${escapeMarkdown(labels.head)})`);
  const breaking = diff.changes.filter((c) => c.kind === 'breaking');
  if (breaking.length > 0) {
    out.push('', '#### Breaking changes', '', '| Event | Change | Where |', '| --- | --- | --- |');
    for (const change of breaking) out.push(`| ${cell(what(change))} | ${cell(describe(change, true))} | ${cell(place(change, labels))} |`);
  }
  if (diff.changes.length > 0) {
    out.push('', `<details><summary>All ${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}</summary>`, '');
    for (const [group, changes] of groupChanges(diff.changes)) {
      out.push(`**${escapeMarkdown(group)}**`, '');
      for (const change of changes) {
        const where = place(change, labels);
        out.push(`- ${ICON[change.kind]} ${change.kind}: ${describe(change)}${where ? ` (${where})` : ''}`);
      }
      out.push('');
    }
    out.push('</details>');
  }
  return `${out.join('\n')}\n`;
}
