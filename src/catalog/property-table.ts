import type { PropertyIR } from '../core/ir.js';
import { libraryPropertyHref, libraryTypeHref } from './components.js';
import { html, joinHtml, type SafeHtml } from './html.js';

/** The planned type in words, custom type names linked to the type library: `email (string)`, `array of string`. */
export function typeLabel(property: Omit<PropertyIR, 'name' | 'required' | 'fromLibrary'>, page: string): SafeHtml {
  const json = property.type.includes('array') && property.items
    ? html`${property.type.filter((t) => t !== 'array').map((t) => `${t} | `)}array of ${typeLabel(property.items, page)}`
    : html`${property.type.join(' | ')}`;
  if (property.typeNames.length === 0) return json;
  const name = property.typeNames[0]!;
  return html`<a href="${libraryTypeHref(name, page)}">${name}</a> <span class="muted">(${json})</span>`;
}

/** Enum values, pattern, format and bounds, each labelled. */
export function constraints(property: Omit<PropertyIR, 'name' | 'required' | 'fromLibrary'>): SafeHtml {
  const out: SafeHtml[] = [];
  if (property.enum) out.push(html`<div><span class="label">one of</span> ${joinHtml(property.enum.map((v) => html`<code>${JSON.stringify(v)}</code>`), ' ')}</div>`);
  if (property.pattern !== undefined) out.push(html`<div><span class="label">pattern</span> <code>${property.pattern}</code></div>`);
  if (property.format !== undefined) out.push(html`<div><span class="label">format</span> <code>${property.format}</code></div>`);
  const bound = (label: string, value: number | undefined) => (value === undefined ? [] : [html`<div><span class="label">${label}</span> ${value}</div>`]);
  out.push(...bound('minimum', property.minimum), ...bound('maximum', property.maximum), ...bound('min length', property.minLength), ...bound('max length', property.maxLength));
  return html`${out}`;
}

const yes = (flag: boolean, text = 'yes') => (flag ? html`<span class="flag">${text}</span>` : html`<span class="muted">no</span>`);

function rows(properties: readonly PropertyIR[], page: string, depth: number, parent: string): SafeHtml[] {
  return properties.flatMap((property) => propertyRows(property, property.name, page, depth, parent));
}

function propertyRows(property: PropertyIR, shown: string, page: string, depth: number, parent: string): SafeHtml[] {
  const path = parent === '' ? shown : `${parent}.${shown}`;
  const name = depth === 0 && property.fromLibrary
    ? html`<a href="${libraryPropertyHref(property.name, page)}" title="From the property library"><code>${shown}</code></a>`
    : html`<code>${shown}</code>`;
  const row = html`<tr data-property="${path}" data-depth="${depth}">
<th scope="row" class="prop-name" style="padding-left:${0.75 + depth * 1.25}rem">${depth > 0 ? html`<span class="tree" aria-hidden="true">└</span> ` : ''}${name}${property.deprecated ? html` <span class="badge badge-deprecated">deprecated</span>` : ''}</th>
<td>${typeLabel(property, page)}</td>
<td>${yes(property.required)}</td>
<td>${yes(property.nullable)}</td>
<td class="rules">${constraints(property)}</td>
<td>${property.pii ? html`<span class="badge badge-pii">PII</span>` : html`<span class="muted">no</span>`}</td>
<td>${property.description ?? ''}</td>
</tr>`;
  const nested = property.properties ? rows(property.properties, page, depth + 1, path) : [];
  const items = property.items ? propertyRows({ ...property.items, required: false }, `${shown}[]`, page, depth + 1, parent) : [];
  return [row, ...nested, ...items];
}

/** The properties (or traits) of a call as a table; nested objects and array items as indented rows. */
export function propertiesTable(properties: readonly PropertyIR[], page: string, caption: string): SafeHtml {
  if (properties.length === 0) return html`<p class="muted">This call plans no ${caption.toLowerCase()}.</p>`;
  return html`<div class="table-wrap"><table class="properties" id="properties-table">
<caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Nullable</th><th scope="col">Rules</th><th scope="col">PII</th><th scope="col">Description</th></tr></thead>
<tbody>${rows(properties, page, 0, '')}</tbody>
</table></div>`;
}
