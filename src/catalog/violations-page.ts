import { dailyChart } from './charts.js';
import { eventLink, formatCount, section } from './components.js';
import type { CatalogContext } from './context.js';
import { html, joinHtml, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { anchorOf, eventKey } from './paths.js';
import { sortCounts, type EventViolations } from './violation-tally.js';

const PAGE = 'violations.html';

function eventRow(ctx: CatalogContext, entry: EventViolations): SafeHtml {
  const key = eventKey(entry.call, entry.name);
  const event = ctx.eventsByKey.get(key);
  const name = event ? eventLink(event, PAGE) : html`<code>${entry.call === 'track' ? entry.name : entry.call}</code> <span class="badge badge-breaking">not in the plan</span>`;
  const types = joinHtml(sortCounts(entry.byType).map(([type, n]) => html`<span class="nowrap">${type} <strong>${formatCount(n)}</strong></span>`), ', ');
  const worst = sortCounts(entry.byProperty).slice(0, 3).map(([property, n]) => html`<span class="nowrap"><code>${property}</code> ${formatCount(n)}</span> `);
  return html`<tr id="${anchorOf('v', key)}" data-call="${entry.call}" data-name="${entry.name}" data-records="${entry.records}"><th scope="row">${name}</th><td class="num">${formatCount(entry.records)}</td><td>${types}</td><td>${worst}</td></tr>`;
}

/** Violations from `--violations` files: per type, per day, per call (worst first) and the worst properties. */
export function renderViolationsPage(ctx: CatalogContext): string {
  const tally = ctx.input.violations;
  let body: SafeHtml;
  if (!tally) {
    body = html`<h1>Violations</h1><p class="lead">No violation records were given. Build the catalog with <code>--violations</code> and the records of <code>trackplan validate --format json</code>, <code>trackplan serve --violations</code> or the stream's violations.</p>`;
  } else {
    const entries = [...tally.byEvent.values()].sort((a, b) => b.records - a.records || (eventKey(a.call, a.name) < eventKey(b.call, b.name) ? -1 : 1));
    const files = ctx.input.violationFiles ?? [];
    body = html`<h1>Violations</h1>
<p class="lead"><strong id="violation-records">${formatCount(tally.records)}</strong> violating events with <strong>${formatCount(tally.violations)}</strong> violations${files.length > 0 ? html`, from ${joinHtml(files.map((f) => html`<code>${f}</code>`), ', ')}` : ''}.</p>
<div class="columns">
${section('by-type', 'By violation type', html`<table class="counts" id="violation-types"><thead><tr><th scope="col">Type</th><th scope="col" class="num">Violations</th></tr></thead><tbody>${sortCounts(tally.byType).map(([type, n]) => html`<tr data-type="${type}"><th scope="row">${type}</th><td class="num">${formatCount(n)}</td></tr>`)}</tbody></table>`)}
${section('by-day', 'Over time', dailyChart('violations-daily', 'Violating events per day', [...tally.byDay].map(([day, count]) => ({ day, count })), 'Violating events'))}
</div>
${section('by-event', 'By call, worst first', html`<div class="table-wrap"><table class="events" id="violations-by-event"><thead><tr><th scope="col">Call</th><th scope="col" class="num">Violating events</th><th scope="col">Types</th><th scope="col">Worst properties</th></tr></thead><tbody>${entries.map((e) => eventRow(ctx, e))}</tbody></table></div>`)}`;
  }
  return renderPage(ctx.plan, { path: PAGE, title: 'Violations', nav: 'violations', body });
}
