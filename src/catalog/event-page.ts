import { compileEventSchema } from '../core/compile-schema.js';
import type { EventIR } from '../core/ir.js';
import type { Compilers } from '../runtime/ajv.js';
import { callBadge, eventLink, jsonBlock, piiBadge, section, statusBadge } from './components.js';
import { carriesPii, type CatalogContext } from './context.js';
import { eventCoverageSection, eventHistorySection, eventViolationsSection } from './event-sections.js';
import { buildCheckedExample } from './event-example.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { eventKey, eventLabel, eventPagePath, rootOf } from './paths.js';
import { propertiesTable } from './property-table.js';

/** Problems met while building a page (an example that does not validate): reported by the CLI. */
export interface PageWarning {
  event: string;
  message: string;
}

function facts(ctx: CatalogContext, event: EventIR, page: string): SafeHtml {
  const sources = event.sources.map((id) => {
    const source = ctx.sources.get(id);
    return html`<li><strong>${source?.name ?? id}</strong> <span class="muted">(${id}${source?.sdk ? `, ${source.sdk}` : ''})</span></li>`;
  });
  const location = 'file' in event.location ? `${event.location.file}:${event.location.line}` : `${event.location.sheet}!${event.location.cell}`;
  const replacement = event.replacement !== undefined ? ctx.trackEvents.get(event.replacement) : undefined;
  return html`<dl class="facts">
<div><dt>Owner</dt><dd>${event.owner ?? html`<span class="muted">none</span>`}</dd></div>
<div><dt>Status</dt><dd>${statusBadge(event)}${event.replacement !== undefined ? html` → replaced by ${replacement ? eventLink(replacement, page) : event.replacement}` : ''}</dd></div>
<div><dt>Sources</dt><dd>${sources.length > 0 ? html`<ul class="plain">${sources}</ul>` : html`<span class="muted">any</span>`}</dd></div>
${event.tags.length > 0 ? html`<div><dt>Tags</dt><dd>${event.tags.map((t) => html`<span class="tag">${t}</span> `)}</dd></div>` : ''}
${event.names.length > 0 ? html`<div><dt>Planned ${event.call} names</dt><dd>${event.names.map((n) => html`<code>${n}</code> `)}</dd></div>` : ''}
<div><dt>Unplanned ${event.call === 'identify' || event.call === 'group' ? 'traits' : 'properties'}</dt><dd>${event.additionalProperties ? 'allowed' : 'not allowed'}</dd></div>
<div><dt>Defined in</dt><dd><code>${location}</code></dd></div>
</dl>`;
}

function codeSection(ctx: CatalogContext, event: EventIR): SafeHtml {
  const signatures = ctx.signatures.get(eventKey(event.call, event.name)) ?? [];
  if (signatures.length === 0) return section('code', 'Generated function', html`<p class="muted">No generated function: the code generator cannot name this call (see <code>trackplan build</code>).</p>`);
  return section('code', 'Generated function', signatures.map((s) => html`<p>From <code>generated/${s.module}</code> (${s.sdks.join(', ')}): <code>import { ${s.functionName} } from './generated/${s.module.replace(/\.ts$/, '')}';</code></p>
<pre class="code" tabindex="0" aria-label="Signature of ${s.functionName} in ${s.module}"><code>${s.declaration}</code></pre>`));
}

/** The page of one planned call; warnings go to `warnings`. */
export function renderEventPage(ctx: CatalogContext, event: EventIR, compilers: Compilers, warnings: PageWarning[]): string {
  const page = eventPagePath(event);
  const schema = compileEventSchema(ctx.plan, event);
  const example = buildCheckedExample(event, schema, compilers);
  if (!example.valid) warnings.push({ event: eventLabel(event), message: `no valid example could be generated: ${example.errors.join('; ')}` });
  const dataName = event.call === 'identify' || event.call === 'group' ? 'Traits' : 'Properties';
  const file = 'file' in event.location ? event.location.file : event.location.sheet;
  const body = html`<nav class="crumbs" aria-label="Breadcrumb"><a href="${rootOf(page)}index.html">Events</a> / <span>${file}</span></nav>
<div class="title-row"><h1>${eventLabel(event)}</h1>${callBadge(event.call)} ${statusBadge(event)} ${carriesPii(event) ? piiBadge() : ''}</div>
${event.status === 'deprecated' ? html`<p class="notice" role="note">This ${event.call === 'track' ? 'event' : 'call'} is deprecated${event.replacement !== undefined ? html`: use ${ctx.trackEvents.has(event.replacement) ? eventLink(ctx.trackEvents.get(event.replacement)!, page) : event.replacement} instead` : ''}.</p>` : ''}
<p class="lead">${event.description ?? html`<span class="muted">No description.</span>`}</p>
${facts(ctx, event, page)}
${section('properties', `${dataName} (${event.properties.length})`, propertiesTable(event.properties, page, dataName))}
${eventCoverageSection(ctx, event, page)}
${eventViolationsSection(ctx, event)}
${section('example', 'Example payload', html`<p>${example.valid ? html`<span class="badge badge-active">valid</span> checked against the schema below with ajv.` : html`<span class="badge badge-breaking">not valid</span> ${example.errors.join('; ')}`}</p>${jsonBlock(example.payload, 'Example payload')}`)}
${codeSection(ctx, event)}
${section('schema', 'JSON Schema', html`<p>As written by <code>trackplan build</code> to <code>generated/schemas/${event.call}/${event.fileName}.json</code>.</p><details><summary>Show the schema</summary>${jsonBlock(schema, 'JSON Schema')}</details>`)}
${eventHistorySection(ctx, event, page)}`;
  return renderPage(ctx.plan, { path: page, title: eventLabel(event), nav: 'events', body });
}
