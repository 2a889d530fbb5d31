import type { EventIR } from '../core/ir.js';
import { dailyChart } from './charts.js';
import { callSiteLink } from './code-links.js';
import { formatCount, kindBadge, section } from './components.js';
import type { CatalogContext } from './context.js';
import { sortBreakingFirst, type HistoryStep } from './history.js';
import { html, type SafeHtml } from './html.js';
import { anchorOf, eventKey, rootOf } from './paths.js';
import { sortCounts } from './violation-tally.js';

/** Where the call is sent from in the code, per `lint --coverage`. */
export function eventCoverageSection(ctx: CatalogContext, event: EventIR, page: string): SafeHtml {
  if (!ctx.input.coverage) return html``;
  const coverage = ctx.coverage.get(eventKey(event.call, event.name));
  let body: SafeHtml;
  if (!coverage) body = html`<p class="muted">Not in the coverage file (it was made from another version of the plan).</p>`;
  else if (!coverage.inCode) body = html`<p data-coverage="not-in-code">Not sent from linted code: its sources (${coverage.sources.join(', ')}) have no code paths.</p>`;
  else if (coverage.callSites.length === 0) body = html`<p class="warning" data-coverage="never-sent">Never sent: no call site in the linted code.</p>`;
  else {
    body = html`<p data-coverage="sent">${coverage.callSites.length} call site${coverage.callSites.length === 1 ? '' : 's'}:</p>
<ul class="call-sites">${coverage.callSites.map((site) => html`<li>${callSiteLink(ctx.input.codeLinks, site, page)} <span class="muted">${site.form}${site.sources.length > 0 ? `, ${site.sources.join(', ')}` : ''}</span></li>`)}</ul>`;
  }
  return section('coverage', 'Coverage', body);
}

/** Violation counts of the call: total, per type, worst properties first, per day. */
export function eventViolationsSection(ctx: CatalogContext, event: EventIR): SafeHtml {
  const tally = ctx.input.violations;
  if (!tally) return html``;
  const entry = tally.byEvent.get(eventKey(event.call, event.name));
  if (!entry) return section('violations', 'Violations', html`<p data-violation-count="0">No violations recorded.</p>`);
  const id = anchorOf('event-daily', event.name);
  return section('violations', 'Violations', html`<p><strong data-violation-count="${entry.records}">${formatCount(entry.records)}</strong> violating event${entry.records === 1 ? '' : 's'} recorded.</p>
<div class="columns">
<table class="counts" id="violation-types"><caption>By violation type</caption><thead><tr><th scope="col">Type</th><th scope="col">Count</th></tr></thead>
<tbody>${sortCounts(entry.byType).map(([type, n]) => html`<tr data-type="${type}"><th scope="row">${type}</th><td>${formatCount(n)}</td></tr>`)}</tbody></table>
<table class="counts" id="violation-properties"><caption>Worst properties</caption><thead><tr><th scope="col">Property</th><th scope="col">Violations</th></tr></thead>
<tbody>${sortCounts(entry.byProperty).slice(0, 20).map(([property, n]) => html`<tr data-property="${property}"><th scope="row"><code>${property}</code></th><td>${formatCount(n)}</td></tr>`)}</tbody></table>
</div>
${dailyChart(id, `Violating ${event.call === 'track' ? `${event.name} events` : `${event.call} calls`} per day`, [...entry.byDay].map(([day, count]) => ({ day, count })), 'Violating events')}`);
}

/** The step's title: version change, commit and date. */
export function stepTitle(step: HistoryStep): SafeHtml {
  const version = step.from.plan.version === step.to.plan.version ? `v${step.to.plan.version}` : `v${step.from.plan.version} → v${step.to.plan.version}`;
  const when = step.to.date ? ` · ${step.to.date.slice(0, 10)}` : '';
  return html`${version} <span class="muted">· ${step.to.label}${when}${step.to.subject ? ` · ${step.to.subject}` : ''}</span>`;
}

/** The call's changes over the plan's git history, newest first. */
export function eventHistorySection(ctx: CatalogContext, event: EventIR, page: string): SafeHtml {
  if (ctx.steps.length === 0) return section('history', 'History', html`<p class="muted">No history: the plan has no earlier version in git (or <code>--history 0</code>).</p>`);
  const entries = ctx.history.get(eventKey(event.call, event.name)) ?? [];
  if (entries.length === 0) return section('history', 'History', html`<p class="muted">Unchanged in the last ${ctx.steps.length} change${ctx.steps.length === 1 ? '' : 's'} of the plan.</p>`);
  return section('history', 'History', html`<ol class="history">${entries.map(({ step, changes }) => html`<li><h3>${stepTitle(step)}</h3><ul class="changes">${sortBreakingFirst(changes).map((c) => html`<li>${kindBadge(c.kind)} ${c.message}</li>`)}</ul></li>`)}</ol>
<p><a href="${rootOf(page)}changelog.html">Changelog of the plan</a></p>`);
}
