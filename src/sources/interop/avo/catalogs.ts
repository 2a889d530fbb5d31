import type { JsonInput } from '../json-input.js';
import type { SchemaContext } from '../json-schema/context.js';
import { convertEventData } from '../json-schema/event-data.js';
import type { Definition } from '../json-schema/to-definition.js';
import { slugify, type EventDraft } from '../plan-draft.js';
import type { WarningSink } from '../warnings.js';

/** Avo sources become plan sources keyed by slugged name; language and platform go to the description. */
export function readSources(doc: Record<string, unknown>, input: JsonInput, sink: WarningSink): { plan: Record<string, { name: string; description?: string }>; byId: Map<string, string> } {
  const plan: Record<string, { name: string; description?: string }> = {};
  const byId = new Map<string, string>();
  const sources = (doc['sources'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, source] of Object.entries(sources)) {
    const name = String(source['name'] ?? id);
    const key = slugify(name) || slugify(id) || 'source';
    const platform = [source['programmingLanguage'], source['developmentPlatform']].filter((v) => typeof v === 'string').join(' on ');
    plan[key] = { name, ...(platform !== '' ? { description: `Avo source: ${platform}` } : {}) };
    byId.set(id, key);
    if (Array.isArray(source['destinations']) && source['destinations'].length > 0) {
      sink.warn('lostField', input.locate(`/sources/${id}/destinations`), { pointer: `/sources/${id}/destinations`, what: `the destinations of source "${name}"`, target: 'the plan' });
    }
  }
  return { plan, byId };
}

/** Category names by id. */
export function readCategories(doc: Record<string, unknown>): Map<string, string> {
  const categories = (doc['categories'] ?? {}) as Record<string, Record<string, unknown>>;
  return new Map(Object.entries(categories).map(([id, c]) => [id, String(c['name'] ?? id)]));
}

/** The user properties of one identifying event. */
export interface TraitSet {
  event: string;
  schema: unknown;
  pointer: string;
  ctx: SchemaContext;
}

/**
 * Avo has no identify call of its own: identify is an action of events. The plan's identify
 * traits are the union of the identifying events' user properties, required only where every
 * identifying event requires them; a trait defined differently by two events keeps the first
 * definition and is reported.
 */
export function mergeTraits(sets: readonly TraitSet[], sink: WarningSink): EventDraft | undefined {
  if (sets.length === 0) return undefined;
  const traits: Record<string, Definition> = {};
  const requiredCount = new Map<string, number>();
  let open = false;
  for (const set of sets) {
    const converted = convertEventData(set.schema, set.pointer, set.ctx);
    if (converted['additional_properties'] === true) open = true;
    for (const [name, def] of Object.entries((converted['properties'] ?? {}) as Record<string, Definition>)) {
      const { required, ...shape } = def;
      if (required === true) requiredCount.set(name, (requiredCount.get(name) ?? 0) + 1);
      if (!(name in traits)) traits[name] = shape;
      else if (JSON.stringify(traits[name]) !== JSON.stringify(shape)) {
        const at = `${set.pointer}/properties/${name}`;
        sink.warn('duplicateName', set.ctx.locate(at), { pointer: at, kind: 'user property', name, other: 'the first identifying event that defines it' });
      }
    }
  }
  for (const [name, count] of requiredCount) if (count === sets.length) traits[name] = { type: traits[name]!['type'], required: true, ...traits[name] };
  // Several events identify with different user properties: the plan keeps their union, open to the rest.
  return { description: `Identify traits from Avo events: ${sets.map((s) => s.event).join(', ')}`, traits, ...(open || sets.length > 1 ? { additional_properties: true } : {}) };
}
