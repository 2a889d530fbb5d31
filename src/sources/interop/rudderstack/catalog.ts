import { childPointer } from '../json-input.js';
import type { WarningSink } from '../warnings.js';
import type { Spec } from './specs.js';

/** One item of a catalog spec (a property, custom type, event or category) and where it is. */
export interface CatalogItem {
  id: string;
  item: Record<string, unknown>;
  spec: Spec;
  pointer: string;
}

/** The catalogs of a rudder-cli project, by id (ids are unique per kind across the project). */
export interface Catalog {
  properties: Map<string, CatalogItem>;
  types: Map<string, CatalogItem>;
  events: Map<string, CatalogItem>;
  categories: Map<string, CatalogItem>;
  plans: Spec[];
}

const LIST_OF = { properties: 'properties', 'custom-types': 'types', events: 'events', categories: 'categories' } as const;

/** Gathers every catalog item; a second item with an id already seen is reported and skipped. */
export function buildCatalog(specs: readonly Spec[], sink: WarningSink): Catalog {
  const catalog: Catalog = { properties: new Map(), types: new Map(), events: new Map(), categories: new Map(), plans: [] };
  for (const spec of specs) {
    if (spec.kind === 'tp' || spec.kind === 'tracking-plan') {
      catalog.plans.push(spec);
      continue;
    }
    const listKey = LIST_OF[spec.kind as keyof typeof LIST_OF];
    const target = { properties: catalog.properties, 'custom-types': catalog.types, events: catalog.events, categories: catalog.categories }[spec.kind as keyof typeof LIST_OF];
    const list = spec.spec[listKey];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      const pointer = childPointer(childPointer('/spec', listKey), i);
      if (item === null || typeof item !== 'object' || typeof (item as Record<string, unknown>)['id'] !== 'string') {
        sink.warn('skipped', spec.input.locate(pointer), { pointer, what: `a ${spec.kind} item`, reason: 'it has no `id`' });
        return;
      }
      const id = (item as Record<string, unknown>)['id'] as string;
      const previous = target.get(id);
      if (previous) {
        const at = previous.spec.input.locate(previous.pointer);
        sink.warn('duplicateName', spec.input.locate(pointer), { pointer, kind: spec.kind, name: id, other: `${at.file}:${at.line}:${at.column}` });
        return;
      }
      target.set(id, { id, item: item as Record<string, unknown>, spec, pointer });
    });
  }
  return catalog;
}
