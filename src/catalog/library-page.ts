import type { PropertyIR, TypeIR } from '../core/ir.js';
import { eventLink, piiBadge } from './components.js';
import type { CatalogContext } from './context.js';
import { html, joinHtml, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { anchorOf } from './paths.js';
import { constraints, typeLabel } from './property-table.js';

const PAGE = 'library.html';

function definition(entry: Omit<PropertyIR, 'name' | 'required' | 'fromLibrary'>): SafeHtml {
  return html`<dl class="definition">
<div><dt>Type</dt><dd>${typeLabel(entry, PAGE)}${entry.nullable ? ' or null' : ''}</dd></div>
${constraints(entry).value !== '' ? html`<div><dt>Rules</dt><dd class="rules">${constraints(entry)}</dd></div>` : ''}
${entry.deprecated ? html`<div><dt>Status</dt><dd><span class="badge badge-deprecated">deprecated</span></dd></div>` : ''}
</dl>`;
}

function typeEntry(ctx: CatalogContext, type: TypeIR): SafeHtml {
  const users = ctx.typeUsers.get(type.name) ?? { events: [], properties: [] };
  return html`<article class="entry" id="${anchorOf('type', type.name)}">
<h3><code>${type.name}</code> ${type.pii ? piiBadge() : ''}</h3>
${type.description !== undefined ? html`<p>${type.description}</p>` : ''}
${definition(type)}
<p class="used-by"><strong>Library properties:</strong> ${users.properties.length > 0 ? joinHtml(users.properties.map((p) => html`<a href="#${anchorOf('property', p)}"><code>${p}</code></a>`), ', ') : html`<span class="muted">none</span>`}</p>
<p class="used-by"><strong>Used by ${users.events.length} call${users.events.length === 1 ? '' : 's'}:</strong> ${users.events.length > 0 ? joinHtml(users.events.map((e) => eventLink(e, PAGE)), ', ') : html`<span class="muted">none</span>`}</p>
</article>`;
}

function propertyEntry(ctx: CatalogContext, property: PropertyIR): SafeHtml {
  const users = ctx.libraryUsers.get(property.name) ?? [];
  return html`<article class="entry" id="${anchorOf('property', property.name)}" data-library-property="${property.name}">
<h3><code>${property.name}</code> ${property.pii ? piiBadge() : ''}</h3>
${property.description !== undefined ? html`<p>${property.description}</p>` : ''}
${definition(property)}
<div class="used-by"><strong>Used by ${users.length} call${users.length === 1 ? '' : 's'}:</strong>
${users.length > 0 ? html`<ul class="inline-list">${users.map((e) => html`<li>${eventLink(e, PAGE)}${e.properties.find((p) => p.name === property.name)?.required ? html` <span class="muted small">required</span>` : ''}</li>`)}</ul>` : html`<span class="muted">none</span>`}</div>
</article>`;
}

/** The type library and the property library, each entry linking to the calls that use it. */
export function renderLibraryPage(ctx: CatalogContext): string {
  const { plan } = ctx;
  const body = html`<h1>Library</h1>
<p class="lead">Definitions shared across the plan: custom types (<code>types:</code>) and the property library (<code>properties:</code>) that events refer to by name.</p>
<nav class="toc" aria-label="Library sections"><a href="#property-library-title">Property library (${plan.library.length})</a> · <a href="#type-library-title">Type library (${plan.types.length})</a></nav>
<section class="panel" id="property-library" aria-labelledby="property-library-title"><h2 id="property-library-title">Property library</h2>
${plan.library.length > 0 ? plan.library.map((p) => propertyEntry(ctx, p)) : html`<p class="muted">The plan has no shared properties.</p>`}</section>
<section class="panel" id="type-library" aria-labelledby="type-library-title"><h2 id="type-library-title">Type library</h2>
${plan.types.length > 0 ? plan.types.map((t) => typeEntry(ctx, t)) : html`<p class="muted">The plan has no custom types.</p>`}</section>`;
  return renderPage(plan, { path: PAGE, title: 'Library', nav: 'library', body });
}
