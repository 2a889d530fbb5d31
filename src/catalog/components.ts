import type { EventIR } from '../core/ir.js';
import { html, type SafeHtml } from './html.js';
import { anchorOf, eventLabel, eventPagePath, rootOf } from './paths.js';

/** A link from `page` to a planned call's page. */
export function eventLink(event: Pick<EventIR, 'call' | 'name' | 'fileName'>, page: string): SafeHtml {
  return html`<a class="event-link" href="${rootOf(page)}${eventPagePath(event)}">${eventLabel(event)}</a>`;
}

export function libraryPropertyHref(name: string, page: string): string {
  return `${rootOf(page)}library.html#${anchorOf('property', name)}`;
}

export function libraryTypeHref(name: string, page: string): string {
  return `${rootOf(page)}library.html#${anchorOf('type', name)}`;
}

export function statusBadge(event: Pick<EventIR, 'status'>): SafeHtml {
  return html`<span class="badge badge-${event.status}">${event.status}</span>`;
}

export function piiBadge(): SafeHtml {
  return html`<span class="badge badge-pii" title="Carries personal data">PII</span>`;
}

export function callBadge(call: string): SafeHtml {
  return html`<span class="badge badge-call">${call}</span>`;
}

export function kindBadge(kind: 'breaking' | 'compatible' | 'docs'): SafeHtml {
  return html`<span class="badge badge-${kind}">${kind}</span>`;
}

/** A number with thousands separators, the same on every machine. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A section with a heading whose id the page's links use. */
export function section(id: string, title: string, body: SafeHtml | SafeHtml[]): SafeHtml {
  return html`<section class="panel" id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${title}</h2>${body}</section>`;
}

/** JSON, pretty-printed, as a code block. */
export function jsonBlock(value: unknown, label: string): SafeHtml {
  return html`<pre class="code" tabindex="0" aria-label="${label}"><code>${JSON.stringify(value, null, 2)}</code></pre>`;
}
