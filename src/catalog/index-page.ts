import type { EventIR } from '../core/ir.js';
import { callBadge, eventLink, formatCount, piiBadge, statusBadge } from './components.js';
import { carriesPii, type CatalogContext } from './context.js';
import { html, joinHtml, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { anchorOf, eventKey } from './paths.js';

const PAGE = 'index.html';

function fileOf(event: EventIR): string {
  return 'file' in event.location ? event.location.file : event.location.sheet;
}

function options(label: string, id: string, values: readonly string[]): SafeHtml {
  return html`<div class="filter"><label for="${id}">${label}</label><select id="${id}"><option value="">All</option>${values.map((v) => html`<option value="${v}">${v}</option>`)}</select></div>`;
}

function coverageCell(ctx: CatalogContext, event: EventIR): SafeHtml {
  const coverage = ctx.coverage.get(eventKey(event.call, event.name));
  if (!coverage) return html`<td class="muted">–</td>`;
  if (!coverage.inCode) return html`<td class="muted">not in code</td>`;
  if (coverage.callSites.length === 0) return html`<td><span class="badge badge-breaking">never sent</span></td>`;
  return html`<td>${coverage.callSites.length} site${coverage.callSites.length === 1 ? '' : 's'}</td>`;
}

function row(ctx: CatalogContext, event: EventIR, id: number): SafeHtml {
  const pii = carriesPii(event);
  const violations = ctx.input.violations?.byEvent.get(eventKey(event.call, event.name))?.records ?? 0;
  return html`<tr data-id="${id}" data-sources="${JSON.stringify(event.sources)}" data-owner="${event.owner ?? ''}" data-status="${event.status}" data-pii="${pii ? 'yes' : 'no'}">
<th scope="row">${eventLink(event, PAGE)}${event.call !== 'track' ? html` ${callBadge(event.call)}` : ''}<div class="row-description">${event.description ?? ''}</div></th>
<td>${statusBadge(event)}${event.replacement !== undefined ? html`<div class="muted small">→ ${ctx.trackEvents.has(event.replacement) ? eventLink(ctx.trackEvents.get(event.replacement)!, PAGE) : event.replacement}</div>` : ''}</td>
<td>${event.owner ?? ''}</td>
<td>${joinHtml(event.sources.map((s) => html`<span class="nowrap">${s}</span>`), ', ')}</td>
<td class="num">${event.properties.length}</td>
<td>${pii ? piiBadge() : ''}</td>
${ctx.input.coverage ? coverageCell(ctx, event) : ''}
${ctx.input.violations ? html`<td class="num">${violations > 0 ? html`<a href="violations.html#${anchorOf('v', eventKey(event.call, event.name))}">${formatCount(violations)}</a>` : '0'}</td>` : ''}
</tr>`;
}

/** The front page: every planned call grouped by the file that defines it, with search and filters. */
export function renderIndexPage(ctx: CatalogContext): string {
  const { plan } = ctx;
  const ids = new Map(plan.events.map((e, i) => [e, i]));
  const groups = new Map<string, EventIR[]>();
  for (const event of plan.events) groups.set(fileOf(event), [...(groups.get(fileOf(event)) ?? []), event]);
  const owners = [...new Set(plan.events.flatMap((e) => (e.owner !== undefined ? [e.owner] : [])))].sort();
  const deprecated = plan.events.filter((e) => e.status === 'deprecated').length;
  const withPii = plan.events.filter(carriesPii).length;
  const head = html`<tr><th scope="col">Call</th><th scope="col">Status</th><th scope="col">Owner</th><th scope="col">Sources</th><th scope="col" class="num">Props</th><th scope="col">PII</th>${ctx.input.coverage ? html`<th scope="col">Coverage</th>` : ''}${ctx.input.violations ? html`<th scope="col" class="num">Violations</th>` : ''}</tr>`;
  const body = html`<div class="hero">
<h1>${plan.name}</h1>
${plan.description !== undefined ? html`<p class="lead">${plan.description}</p>` : ''}
<ul class="stats">
<li><strong>${formatCount(plan.events.length)}</strong> planned calls</li>
<li><strong>${plan.sources.length}</strong> sources</li>
<li><strong>${withPii}</strong> with personal data</li>
<li><strong>${deprecated}</strong> deprecated</li>
${ctx.input.coverage ? html`<li><strong>${ctx.input.coverage.summary.percent}%</strong> sent from code</li>` : ''}
${ctx.input.violations ? html`<li><strong>${formatCount(ctx.input.violations.records)}</strong> violating events</li>` : ''}
</ul>
</div>
<form id="filters" class="filters" role="search" aria-label="Search and filter events">
<div class="filter grow"><label for="search">Search</label><input id="search" type="search" placeholder="Event name, description or property…" autocomplete="off"></div>
${options('Source', 'filter-source', plan.sources.map((s) => s.id))}
${options('Owner', 'filter-owner', owners)}
${options('Status', 'filter-status', ['active', 'deprecated'])}
<div class="filter"><label for="filter-pii">Personal data</label><select id="filter-pii"><option value="">All</option><option value="yes">Carries PII</option><option value="no">No PII</option></select></div>
</form>
<p class="result-count" id="result-count" aria-live="polite">${plan.events.length} calls</p>
<p id="no-results" class="muted" hidden>No call matches.</p>
<div id="event-index">
${[...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, events]) => html`<section class="group" data-group="${file}" aria-label="${file}" style="contain-intrinsic-size: auto ${events.length * 70 + 90}px">
<h2 class="group-title"><code>${file}</code> <span class="muted">${events.length}</span></h2>
<div class="table-wrap"><table class="events"><thead>${head}</thead><tbody>${events.map((e) => row(ctx, e, ids.get(e)!))}</tbody></table></div>
</section>`)}
</div>`;
  return renderPage(plan, { path: PAGE, title: 'Events', nav: 'events', body, scripts: ['assets/minisearch.js', 'assets/search-index.js', 'assets/catalog.js'] });
}
