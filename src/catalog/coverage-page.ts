import { partOfTotalChart } from './charts.js';
import { callSiteLink } from './code-links.js';
import { eventLink, section, statusBadge } from './components.js';
import type { CatalogContext } from './context.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { eventKey } from './paths.js';

const PAGE = 'coverage.html';

/** Coverage from `lint --coverage --format json`: per source, per call, never sent, sent but not planned. */
export function renderCoveragePage(ctx: CatalogContext): string {
  const coverage = ctx.input.coverage;
  const links = ctx.input.codeLinks;
  let body: SafeHtml;
  if (!coverage) {
    body = html`<h1>Coverage</h1><p class="lead">No coverage was given. Run <code>trackplan lint --coverage --format json &gt; lint.json</code> and build the catalog with <code>--coverage lint.json</code> to see where each call is sent from.</p>`;
  } else {
    const { summary } = coverage;
    const linted = coverage.sources.filter((s) => s.linted);
    const chart = linted.length > 0
      ? partOfTotalChart('coverage-by-source', 'Planned calls sent from code, per source', linted.map((s) => ({ label: s.name, part: s.sent ?? 0, total: s.planned })), { label: 'Source', part: 'Sent', total: 'Planned' })
      : html`<p class="muted">No source has code paths: nothing was linted.</p>`;
    const notLinted = coverage.sources.filter((s) => !s.linted);
    const never = coverage.events.filter((e) => e.inCode && e.callSites.length === 0);
    const rows = coverage.events.map((entry) => {
      const event = ctx.eventsByKey.get(eventKey(entry.call, entry.name));
      const name = event ? eventLink(event, PAGE) : html`<code>${entry.name}</code>`;
      const sites = !entry.inCode ? html`<span class="muted">not sent from code</span>`
        : entry.callSites.length === 0 ? html`<span class="badge badge-breaking">never sent</span>`
        : html`<ul class="plain">${entry.callSites.map((site) => html`<li>${callSiteLink(links, site, PAGE)}</li>`)}</ul>`;
      return html`<tr data-call="${entry.call}" data-name="${entry.name}" data-call-sites="${entry.callSites.length}"><th scope="row">${name}</th><td>${statusBadge(entry)}</td><td>${entry.sources.join(', ')}</td><td>${sites}</td></tr>`;
    });
    body = html`<h1>Coverage</h1>
<p class="lead"><strong>${summary.sent}</strong> of <strong>${summary.planned}</strong> planned calls are sent from the code (${summary.percent}%), from ${summary.callSites} call sites.</p>
${section('by-source', 'By source', html`${chart}${notLinted.length > 0 ? html`<p class="muted">Not linted (no code paths): ${notLinted.map((s) => `${s.name} (${s.planned} planned)`).join(', ')}.</p>` : ''}`)}
${section('never-sent', `Planned but never sent (${never.length})`, never.length > 0 ? html`<ul class="inline-list" id="never-sent-list">${never.map((entry) => {
      const event = ctx.eventsByKey.get(eventKey(entry.call, entry.name));
      return html`<li>${event ? eventLink(event, PAGE) : entry.name}</li>`;
    })}</ul>` : html`<p>Every planned call that code can send is sent.</p>`)}
${section('unplanned', `Sent but not planned (${coverage.unplanned.length})`, coverage.unplanned.length > 0 ? html`<table class="counts" id="unplanned-table"><thead><tr><th scope="col">Call</th><th scope="col">Where</th></tr></thead><tbody>${coverage.unplanned.map((site) => html`<tr><th scope="row"><code>${site.name}</code></th><td>${callSiteLink(links, site, PAGE)}</td></tr>`)}</tbody></table>` : html`<p>No call sends an event the plan does not have.</p>`)}
${coverage.dynamic.length > 0 ? section('dynamic', `Event names not known until run time (${coverage.dynamic.length})`, html`<ul class="plain">${coverage.dynamic.map((site) => html`<li>${callSiteLink(links, site, PAGE)}</li>`)}</ul>`) : ''}
${section('by-call', 'Call sites per planned call', html`<div class="table-wrap"><table class="events" id="coverage-table"><thead><tr><th scope="col">Call</th><th scope="col">Status</th><th scope="col">Sources</th><th scope="col">Call sites</th></tr></thead><tbody>${rows}</tbody></table></div>`)}`;
  }
  return renderPage(ctx.plan, { path: PAGE, title: 'Coverage', nav: 'coverage', body });
}
