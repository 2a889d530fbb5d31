import { childPointer } from '../json-input.js';
import type { Definition } from '../json-schema/to-definition.js';
import type { EventDraft } from '../plan-draft.js';
import type { WarningSink } from '../warnings.js';
import type { Catalog, CatalogItem } from './catalog.js';
import { refId, type Spec } from './specs.js';

/** What turning rule property references into plan properties needs. */
export interface RuleContext {
  catalog: Catalog;
  sink: WarningSink;
  /** The library definition of a catalog property by id, and the name it has in the library (undefined: not in the library, inline it). */
  library: (id: string) => { name: string; def: Definition; inLibrary: boolean } | undefined;
}

/**
 * The properties of a rule (or object custom type): each reference becomes the property of its
 * library name, `required` from the reference. A plain reference refers to the library entry; a
 * reference with nested `properties:` (an object) carries its own definition with those nested
 * properties, inlined (nested objects allow other properties, as RudderStack compiles them).
 */
export function readPropertyRefs(list: unknown, pointer: string, spec: Spec, ctx: RuleContext, nested = false): Record<string, Definition | null> {
  const out: Record<string, Definition | null> = {};
  if (!Array.isArray(list)) return out;
  list.forEach((entry, i) => {
    const at = childPointer(pointer, i);
    const ref = isObject(entry) ? entry['property'] ?? entry['$ref'] : undefined;
    const id = refId(ref, 'properties');
    const found = id === undefined ? undefined : ctx.library(id);
    if (!isObject(entry) || !found) {
      ctx.sink.warn('skipped', spec.input.locate(at), { pointer: at, what: `the property reference ${JSON.stringify(ref ?? null)}`, reason: 'it names no property of the project' });
      return;
    }
    const required = entry['required'] === true;
    const children = entry['properties'];
    if (out[found.name] !== undefined) {
      ctx.sink.warn('duplicateName', spec.input.locate(at), { pointer: at, kind: 'property', name: found.name, other: 'the same rule' });
      return;
    }
    if (Array.isArray(children) && children.length > 0) {
      const inner = readPropertyRefs(children, childPointer(at, 'properties'), spec, ctx, true);
      out[found.name] = { ...withRequired(found.def, required), properties: inlineAll(inner, ctx), additional_properties: true };
    } else if (nested || !found.inLibrary) out[found.name] = withRequired(found.def, required);
    else out[found.name] = required ? { required: true } : null;
  });
  return out;
}

/**
 * Variants (discriminator cases and defaults) have no plan equivalent: reported, and the loose
 * form kept, so nothing a variant allows is rejected: every case's and the default's properties
 * are added as optional properties.
 */
export function widenVariants(variants: unknown, pointer: string, name: string, spec: Spec, ctx: RuleContext, properties: Record<string, Definition | null>, nestedDefs = false): void {
  if (!Array.isArray(variants) || variants.length === 0) return;
  variants.forEach((variant, v) => {
    const at = childPointer(pointer, v);
    const cases = isObject(variant) && Array.isArray(variant['cases']) ? variant['cases'] : [];
    const detail = `discriminator ${String(isObject(variant) ? variant['discriminator'] : '?')}, ${cases.length} case(s): case and default properties kept as optional`;
    ctx.sink.warn('variant', spec.input.locate(at), { pointer: at, name, detail });
    const lists: [unknown, string][] = cases.map((c, i) => [isObject(c) ? c['properties'] : undefined, childPointer(childPointer(childPointer(at, 'cases'), i), 'properties')]);
    const fallback = isObject(variant) ? variant['default'] : undefined;
    lists.push([isObject(fallback) ? fallback['properties'] : fallback, childPointer(at, 'default')]);
    for (const [list, listPointer] of lists) {
      for (const [key, def] of Object.entries(readPropertyRefs(list, listPointer, spec, ctx, nestedDefs))) {
        if (!(key in properties)) properties[key] = def === null ? null : withoutRequired(def);
      }
    }
  });
}

/** An event of the events catalog: its plan name (name, display_name or id) and call. */
export function describeEvent(entry: CatalogItem): { name: string; call: string; description?: string; category?: string } {
  const item = entry.item;
  const name = [item['name'], item['display_name'], entry.id].find((v): v is string => typeof v === 'string' && v !== '')!;
  return {
    name,
    call: typeof item['event_type'] === 'string' ? item['event_type'] : 'track',
    ...(typeof item['description'] === 'string' && item['description'] !== '' ? { description: item['description'] } : {}),
    ...(typeof item['category'] === 'string' ? { category: item['category'] } : {}),
  };
}

/** Library entries referenced plainly become full definitions where they must be inlined (nested). */
function inlineAll(properties: Record<string, Definition | null>, ctx: RuleContext): Record<string, Definition> {
  void ctx;
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v ?? { type: 'any' }]));
}

function withRequired(def: Definition, required: boolean): Definition {
  const { required: _r, ...rest } = def;
  return required ? { type: rest['type'], required: true, ...rest } : rest;
}

function withoutRequired(def: Definition): Definition {
  const { required: _r, ...rest } = def;
  return Object.keys(rest).length === 0 ? { type: 'any' } : rest;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export type { EventDraft };
