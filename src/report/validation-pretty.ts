import type { ValidationSummary, EventTally } from '../runtime/summary.js';

export interface ValidationReportContext {
  /** The input as named on the command line (`-` is stdin). */
  source: string;
  /** `id@version` of the plan. */
  plan: string;
  color?: boolean;
  /** Where the events that passed were written (`--out`). */
  out?: string;
}

const TOP = 10;

/**
 * The summary of a validation run: totals, what the policy did, counts per violation type and per
 * event (worst first), and the first examples of each type with their line numbers.
 */
export function formatValidationPretty(summary: ValidationSummary, context: ValidationReportContext): string {
  const paint = (code: number, text: string) => (context.color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const n = (value: number) => value.toLocaleString('en-US');
  const source = context.source === '-' ? 'stdin' : context.source;
  const lines: string[] = [];
  if (summary.events === 0) {
    lines.push(`${source}: no events (${n(summary.lines)} line${summary.lines === 1 ? '' : 's'}), plan ${context.plan}`);
    return `${lines.join('\n')}\n`;
  }
  const share = ((summary.violating / summary.events) * 100).toFixed(summary.violating * 1000 < summary.events ? 2 : 1);
  lines.push(`${source}: ${n(summary.events)} events validated against ${context.plan}`);
  lines.push(`  ${n(summary.valid)} valid, ${summary.violating > 0 ? paint(33, `${n(summary.violating)} with violations`) : '0 with violations'} (${share}%)`);
  const dropped = summary.dropped > 0 ? paint(31, `${n(summary.dropped)} dropped`) : '0 dropped';
  lines.push(`  policy: ${n(summary.forwarded)} forwarded, ${n(summary.stripped)} stripped of unplanned properties, ${dropped}`);
  if (context.out !== undefined) lines.push(`  ${n(summary.forwarded + summary.stripped)} events written to ${context.out}`);

  if (summary.byType.size > 0) {
    lines.push('', 'Violations by type');
    const types = [...summary.byType].sort((a, b) => b[1].violations - a[1].violations || (a[0] < b[0] ? -1 : 1));
    const width = Math.max(...types.map(([type]) => type.length));
    for (const [type, count] of types) {
      lines.push(`  ${type.padEnd(width)}  ${n(count.violations).padStart(8)} in ${n(count.events)} event${count.events === 1 ? '' : 's'}`);
    }
  }

  const offenders = [...summary.byTrack.values(), ...summary.byCall.values()]
    .filter((tally) => tally.violating > 0)
    .sort((a, b) => b.violating - a.violating || b.violations - a.violations || label(a).localeCompare(label(b)));
  if (offenders.length > 0) {
    lines.push('', 'Events with violations, most first');
    const shown = offenders.slice(0, TOP);
    const width = Math.max(...shown.map((tally) => label(tally).length));
    for (const tally of shown) {
      lines.push(`  ${label(tally).padEnd(width)}  ${n(tally.violating).padStart(8)} of ${n(tally.events)} event${tally.events === 1 ? '' : 's'}, ${n(tally.violations)} violation${tally.violations === 1 ? '' : 's'}`);
    }
    if (offenders.length > TOP) lines.push(`  ... and ${n(offenders.length - TOP)} more`);
  }

  if (summary.examples.length > 0) {
    lines.push('', 'Examples');
    const examples = [...summary.examples].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    for (const example of examples) {
      const where = example.line === null ? '' : `line ${example.line}  `;
      const what = printable([example.call, example.event].filter((part) => part !== null).join(' '));
      lines.push(`  ${paint(90, where)}${what === '' ? '' : `${what}  `}${paint(33, example.violation.type)}  ${printable(example.violation.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function label(tally: EventTally): string {
  if (tally.call === '(none)') return '(not an event)';
  if (tally.call === 'track' && tally.event === undefined) return 'track (no event name)';
  return printable(tally.event === undefined ? tally.call : `${tally.call} ${tally.event}`);
}

/** Event names come from the input: control characters are shown escaped, never sent to the terminal. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
