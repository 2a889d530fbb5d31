import type { Disagreement, DraftedCall } from '../core/infer/draft-plan.js';
import type { PropertyReport } from '../core/infer/draft-definition.js';

const count = (n: number) => n.toLocaleString('en-US');

/** One line per property: how many samples it was seen in, and what was drafted from them. */
export function formatPropertyLine(entry: PropertyReport): string {
  const facts = [entry.type, entry.required ? 'required' : undefined, entry.nullable ? 'nullable' : undefined, entry.format ? `format ${entry.format}` : undefined, entry.enumValues ? `enum of ${entry.enumValues}` : undefined];
  const optional = entry.optional > 0 ? ` (optional at ${count(entry.optional)})` : '';
  return `    ${entry.path}: ${count(entry.samples)} of ${count(entry.of)}${optional}, ${facts.filter(Boolean).join(', ')}`;
}

/** The infer report: per drafted call its sample count and per property what it rests on. */
export function formatInferReport(calls: readonly DraftedCall[], unit: string): string {
  const lines: string[] = [];
  for (const call of calls) {
    lines.push(`  ${call.name}: ${count(call.count)} ${unit}${call.count === 1 ? '' : 's'}`);
    for (const entry of call.report) lines.push(formatPropertyLine(entry));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** `--merge` findings: where the samples and the plan disagree (the plan is not changed). */
export function formatDisagreements(list: readonly Disagreement[]): string {
  return list.map((d) => `${d.location}  ${d.path}: the plan says ${d.kind === 'enum' ? `enum ${d.planned}` : d.planned}, the samples have ${d.kind === 'enum' ? `values outside it: ${d.found}` : d.found}  infer-${d.kind}\n`).join('');
}
