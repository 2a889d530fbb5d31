import { changeGroup } from '../report/diff-groups.js';
import { summaryLine } from '../report/diff-groups.js';
import { eventLink, kindBadge } from './components.js';
import type { CatalogContext } from './context.js';
import { stepTitle } from './event-sections.js';
import { sortBreakingFirst, type HistoryStep } from './history.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { eventKey } from './paths.js';

const PAGE = 'changelog.html';

function release(ctx: CatalogContext, step: HistoryStep): SafeHtml {
  const changes = sortBreakingFirst(step.diff.changes).map((change) => {
    const event = change.call && change.event !== undefined ? ctx.eventsByKey.get(eventKey(change.call, change.event)) : undefined;
    const subject = event ? eventLink(event, PAGE) : html`<span>${changeGroup(change)}</span>`;
    return html`<li data-kind="${change.kind}">${kindBadge(change.kind)} ${subject}: ${change.message}</li>`;
  });
  return html`<article class="release" data-version="${step.to.plan.version}">
<h2>${stepTitle(step)}</h2>
<p class="${step.diff.bump.ok ? '' : 'warning'}">${summaryLine(step.diff)}. ${step.diff.bump.message}</p>
<ul class="changes">${changes}</ul>
</article>`;
}

/** `trackplan diff` between consecutive releases (plan versions) in git, newest first, breaking changes first. */
export function renderChangelogPage(ctx: CatalogContext): string {
  const body = ctx.releases.length === 0
    ? html`<h1>Changelog</h1><p class="lead">No earlier release of the plan was found in git (the history reads the last <code>--history</code> commits that changed the plan folder).</p>`
    : html`<h1>Changelog</h1><p class="lead">Changes between releases of the plan, from <code>trackplan diff</code> over its git history. Breaking changes come first.</p>${[...ctx.releases].reverse().map((step) => release(ctx, step))}`;
  return renderPage(ctx.plan, { path: PAGE, title: 'Changelog', nav: 'changelog', body });
}
