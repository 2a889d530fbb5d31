import type { EventIR, PlanIR } from '../../../core/ir.js';
import { stringify } from 'yaml';
import { reportLosses, type TargetCapacity } from '../export-losses.js';
import type { ExportFormat, ExportResult } from '../types.js';
import { PropertyCatalog, slugId } from './export-properties.js';

const CATEGORY = 'category:';

/** rudder-cli v1 holds JSON-Schema-like constraints, descriptions, categories (one per event) and identity sections. */
const CAPACITY: TargetCapacity = {
  target: 'RudderStack',
  calls: ['track', 'identify', 'page', 'screen', 'group'],
  plan: ['id', 'name', 'description', 'types'],
  event: ['description', 'identity_section', 'additional_properties'],
  property: ['description', 'pattern', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'enum', 'nullable', 'required', 'items', 'properties', 'additional_properties', 'type'],
  keepsTag: (tag) => tag.startsWith(CATEGORY),
};

/**
 * A rudder-cli project in the `rudder/v1` spec: categories, custom types, properties, events and
 * one tracking plan, each in its own spec file, cross-referenced by compact URNs.
 */
export function exportRudderstack(plan: PlanIR): ExportResult {
  const diagnostics = reportLosses(plan, CAPACITY);
  const catalog = new PropertyCatalog(plan, diagnostics);
  const categories = new Map<string, string>();
  const events: Record<string, unknown>[] = [];
  const rules: Record<string, unknown>[] = [];
  const eventIds = new Set<string>();
  for (const event of plan.events) {
    let id = slugId(event.call === 'track' ? event.name : event.call) || 'event';
    for (let n = 2; eventIds.has(id); n++) id = `${slugId(event.name)}_${n}`;
    eventIds.add(id);
    const category = event.tags.filter((t) => t.startsWith(CATEGORY)).map((t) => t.slice(CATEGORY.length))[0];
    if (category !== undefined && !categories.has(category)) categories.set(category, slugId(category) || 'category');
    events.push({
      id,
      ...(event.call === 'track' ? { name: event.name } : {}),
      event_type: event.call,
      ...(event.description !== undefined ? { description: event.description } : {}),
      ...(category !== undefined ? { category: `#category:${categories.get(category)}` } : {}),
    });
    rules.push(rule(event, id, catalog));
  }
  const spec = (kind: string, name: string, body: Record<string, unknown>) => stringify({ version: 'rudder/v1', kind, metadata: { name }, spec: body }, { lineWidth: 0 });
  const group = slugId(plan.id) || 'plan';
  const files = new Map<string, string>();
  if (categories.size > 0) files.set('categories.yaml', spec('categories', group, { categories: [...categories].map(([name, id]) => ({ id, name })) }));
  if (catalog.types.length > 0) files.set('custom-types.yaml', spec('custom-types', group, { types: catalog.types }));
  if (catalog.properties.length > 0) files.set('properties.yaml', spec('properties', group, { properties: catalog.properties }));
  files.set('events.yaml', spec('events', group, { events }));
  files.set('tracking-plan.yaml', spec('tracking-plan', group, {
    id: plan.id, display_name: plan.name, ...(plan.description !== undefined ? { description: plan.description } : {}), rules,
  }));
  return { files, diagnostics };
}

function rule(event: EventIR, id: string, catalog: PropertyCatalog): Record<string, unknown> {
  const section = event.call === 'identify' ? (event.identitySection ?? 'traits') : event.call === 'group' ? 'traits' : 'properties';
  const properties = catalog.references(event.properties, event, '');
  return {
    type: 'event_rule',
    id: `${id}_rule`,
    event: `#event:${id}`,
    additional_properties: event.additionalProperties,
    identity_section: section,
    ...(properties.length > 0 ? { properties } : {}),
  };
}

/** `trackplan export rudderstack`: a rudder-cli `rudder/v1` project folder. */
export const exportFormat: ExportFormat = {
  name: 'rudderstack',
  summary: 'rudder-cli rudder/v1 project folder',
  output: 'folder',
  exportPlan: exportRudderstack,
};
