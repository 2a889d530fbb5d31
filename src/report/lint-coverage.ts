import type { Coverage } from '../core/lint-results.js';

const MAX_SITES = 3;

/** The coverage section of `trackplan lint --coverage`: per planned call its call sites, then per source. */
export function formatCoverage(coverage: Coverage): string {
  const { summary } = coverage;
  const out: string[] = [`Coverage: ${summary.sent} of ${summary.planned} planned calls are sent from the code (${summary.percent}%), ${summary.callSites} call sites`];
  const label = (call: string, name: string) => (call === 'track' ? `track ${name}` : call);
  const width = Math.max(...coverage.events.map((e) => label(e.call, e.name).length), 10);
  for (const event of coverage.events) {
    const name = label(event.call, event.name).padEnd(width);
    const status = event.status === 'deprecated' ? ' (deprecated)' : '';
    if (!event.inCode) {
      out.push(`  -  ${name}  not sent from code (sources ${event.sources.join(', ')} have no paths)${status}`);
      continue;
    }
    if (event.callSites.length === 0) {
      out.push(`  !  ${name}  never sent${status}`);
      continue;
    }
    const sites = event.callSites.slice(0, MAX_SITES).map((s) => `${s.file}:${s.line}`);
    const more = event.callSites.length > MAX_SITES ? ` (+${event.callSites.length - MAX_SITES} more)` : '';
    const count = `${event.callSites.length} call site${event.callSites.length === 1 ? '' : 's'}`;
    out.push(`  ok ${name}  ${count}: ${sites.join(', ')}${more}${status}`);
  }
  if (coverage.sources.length > 0) {
    out.push('', 'By source:');
    const idWidth = Math.max(...coverage.sources.map((s) => s.id.length));
    for (const source of coverage.sources) {
      const id = source.id.padEnd(idWidth);
      if (!source.linted) {
        out.push(`  ${id}  no paths: ${source.planned} planned call${source.planned === 1 ? '' : 's'}, not linted`);
        continue;
      }
      const never = source.unsent && source.unsent.length > 0 ? `; never sent: ${source.unsent.join(', ')}` : '';
      out.push(`  ${id}  ${source.sent} of ${source.planned} planned calls sent, ${source.callSites} call site${source.callSites === 1 ? '' : 's'}${never}`);
    }
  }
  if (coverage.unplanned.length > 0) {
    out.push('', `Unplanned: ${coverage.unplanned.map((s) => `${s.name} at ${s.file}:${s.line}`).join(', ')}`);
  }
  if (coverage.dynamic.length > 0) {
    out.push('', `Dynamic event names: ${coverage.dynamic.map((s) => `${s.file}:${s.line}`).join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}
