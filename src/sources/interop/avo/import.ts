import type { Location } from '../../../core/location.js';
import { InteropInputError } from '../errors.js';
import { childPointer, parseJsonInput, type JsonInput } from '../json-input.js';
import { createSchemaContext, flushUnknownKeys, type SchemaContext } from '../json-schema/context.js';
import { convertEventData, splitWholeCall } from '../json-schema/event-data.js';
import type { Definition } from '../json-schema/to-definition.js';
import { layOutPlan, slugify, type EventDraft, type PlanDraft } from '../plan-draft.js';
import type { ImportFormat, InputFile } from '../types.js';
import { refuseOtherFormat } from '../sniff.js';
import { WarningSink } from '../warnings.js';
import { mergeTraits, readCategories, readSources, type TraitSet } from './catalogs.js';

/** Avo's own keys on property schemas: ids and ordering carry no meaning; the rest is read here. */
const AVO_PROPERTY_KEYS = ['id', 'index', 'isSystemProperty', 'nameMapping', 'tags', 'pii'];
const KNOWN_EVENT_KEYS = new Set(['id', 'name', 'description', 'tags', 'categories', 'actions', 'sources', 'rules', 'triggers', 'stakeholderDomains', 'eventType', 'customFields', 'pii']);

/** Avo's JSON Schema export (`{name, events[], sources, destinations, categories, ...}`). */
export const importFormat: ImportFormat = {
  name: 'avo',
  summary: 'Avo JSON Schema export',
  importPlan(files: readonly InputFile[]) {
    const sink = new WarningSink();
    const draft: PlanDraft = { id: '', name: '', version: '1.0.0', events: new Map(), calls: {}, sources: {}, properties: {} };
    const traits: TraitSet[] = [];
    const pageNames: string[] = [];
    let firstPage: Location | undefined;
    for (const file of files) {
      const input = parseJsonInput(file);
      refuseOtherFormat(input.data, file.path, 'avo');
      const doc = input.data as Record<string, unknown>;
      if (doc === null || typeof doc !== 'object' || !Array.isArray(doc['events'])) {
        const hint = typeof doc === 'object' && doc !== null && ('self' in doc || 'schema' in doc) ? ' (this is Avo\'s Snowplow export: import it with `iglu`)' : '';
        throw new InteropInputError(file.path, `not an Avo JSON Schema export: expected \`events\`${hint}`);
      }
      draft.name ||= typeof doc['name'] === 'string' ? doc['name'] : 'Avo tracking plan';
      const ctx = createSchemaContext(input, sink, { ignoredKeys: AVO_PROPERTY_KEYS });
      const sources = readSources(doc, input, sink);
      Object.assign(draft.sources!, sources.plan);
      const categories = readCategories(doc);
      for (const key of ['metrics', 'destinations', 'propertyGroups'] as const) {
        if (doc[key] && typeof doc[key] === 'object' && Object.keys(doc[key]).length > 0) sink.warn('lostField', input.locate(`/${key}`), { pointer: `/${key}`, what: `Avo ${key}`, target: 'the plan' });
      }
      (doc['events'] as unknown[]).forEach((event, i) => {
        const pages = pageNames.length;
        readEvent(event, `/events/${i}`, input, ctx, draft, { sources: sources.byId, categories, traits, pageNames });
        if (pageNames.length > pages) firstPage ??= input.locate(`/events/${i}/actions`);
      });
      flushUnknownKeys(ctx);
    }
    draft.id = slugify(draft.name) || 'avo-plan';
    const identify = mergeTraits(traits, sink);
    if (identify) draft.calls!.identify = identify;
    if (pageNames.length > 0) {
      // The page call gets the names; its properties stay checked on the events themselves.
      draft.calls!.page = { names: [...new Set(pageNames)].sort(), additional_properties: true };
      sink.warn('lostField', firstPage, { pointer: 'actions: page', what: `the properties of the page events (${[...new Set(pageNames)].join(', ')}) on the page call`, target: 'the plan (the page call allows any properties; the events keep theirs)' });
    }
    if (draft.events.size === 0) draft.events.set('', {});
    return { documents: layOutPlan(draft), diagnostics: sink.diagnostics };
  },
};

interface Lookups {
  sources: Map<string, string>;
  categories: Map<string, string>;
  traits: TraitSet[];
  pageNames: string[];
}

function readEvent(raw: unknown, at: string, input: JsonInput, ctx: SchemaContext, draft: PlanDraft, lookups: Lookups): void {
  if (raw === null || typeof raw !== 'object' || typeof (raw as Record<string, unknown>)['name'] !== 'string' || typeof (raw as Record<string, unknown>)['rules'] !== 'object') {
    throw new InteropInputError(`${input.file}#${at}`, 'not an Avo event: expected `name` and a `rules` schema');
  }
  const event = raw as Record<string, unknown>;
  const name = event['name'] as string;
  const schema = event['rules'] as Record<string, unknown>;
  const actions = Array.isArray(event['actions']) ? event['actions'].map(String) : ['logEvent'];
  const { data, pointer } = splitWholeCall(schema, `${at}/rules`, 'properties', ctx, ['nameMapping', 'userProperties', 'groupProperties']);
  const converted = convertEventData(data, pointer, ctx);
  const properties = hoistSystemProperties((converted['properties'] ?? {}) as Record<string, Definition>, data, draft);
  markPii(properties, data);
  reportNameMappings(data, pointer, ctx);
  const categoryNames = (Array.isArray(event['categories']) ? event['categories'] : []).map((id) => lookups.categories.get(String(id))).filter((n): n is string => n !== undefined);
  const owner = Array.isArray(event['stakeholderDomains']) ? (event['stakeholderDomains'] as Record<string, unknown>[]).find((d) => d['isOwner'] === true)?.['name'] : undefined;
  const sources = (Array.isArray(event['sources']) ? event['sources'] : []).map((s) => lookups.sources.get(String((s as Record<string, unknown>)['id']))).filter((s): s is string => s !== undefined);
  const tags = [...(Array.isArray(event['tags']) ? event['tags'].map(String) : []), ...categoryNames.map((c) => `category:${c}`)];
  const draftEvent: EventDraft = {
    ...(typeof event['description'] === 'string' && event['description'] !== '' ? { description: event['description'] } : {}),
    ...(typeof owner === 'string' ? { owner } : {}),
    ...(sources.length > 0 ? { sources } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
    ...(converted['additional_properties'] === true ? { additional_properties: true } : {}),
  };
  const members = (schema['properties'] ?? {}) as Record<string, unknown>;
  if (actions.includes('identify') && members['userProperties'] !== undefined) {
    lookups.traits.push({ event: name, schema: members['userProperties'], pointer: `${at}/rules/properties/userProperties`, ctx });
  } else if (members['userProperties'] !== undefined) {
    ctx.sink.warn('lostField', ctx.locate(`${at}/rules/properties/userProperties`), { pointer: `${at}/rules/properties/userProperties`, what: `user properties of "${name}" (sent without an identify action)`, target: 'the plan (identify traits come from identifying events)' });
  }
  if (members['groupProperties'] !== undefined) ctx.sink.warn('lostField', ctx.locate(`${at}/rules/properties/groupProperties`), { pointer: `${at}/rules/properties/groupProperties`, what: `group properties of "${name}"`, target: 'the plan (group traits are not per event)' });
  if (actions.includes('page')) lookups.pageNames.push(name);
  for (const action of actions.filter((a) => !['logEvent', 'skipLogEvent', 'identify', 'page'].includes(a))) {
    ctx.sink.warn('lostField', ctx.locate(`${at}/actions`), { pointer: `${at}/actions`, what: `the ${action} action of "${name}"`, target: 'the plan' });
  }
  if (Array.isArray(event['triggers']) && event['triggers'].length > 0) ctx.sink.warn('lostField', ctx.locate(`${at}/triggers`), { pointer: `${at}/triggers`, what: `the triggers of "${name}"`, target: 'the plan' });
  for (const key of Object.keys(event)) {
    if (KNOWN_EVENT_KEYS.has(key)) continue;
    const seen = ctx.unknownKeys.get(key);
    if (seen) seen.count++;
    else ctx.unknownKeys.set(key, { pointer: childPointer(at, key), count: 1 });
  }
  if (event['eventType'] === 'variant' || event['customFields'] !== undefined) ctx.sink.warn('lostField', ctx.locate(at), { pointer: at, what: event['eventType'] === 'variant' ? `event variant "${name}"` : `custom fields of "${name}"`, target: 'the plan' });
  const group = categoryNames[0] ?? '';
  if (!draft.events.has(group)) draft.events.set(group, {});
  const existing = [...draft.events.values()].find((events) => name in events);
  if (existing) ctx.sink.warn('duplicateName', ctx.locate(at), { pointer: at, kind: 'event', name, other: 'an earlier event' });
  else draft.events.get(group)![name] = draftEvent;
}

/** Avo system properties are one property sent with every event: the plan's library holds them once. */
function hoistSystemProperties(properties: Record<string, Definition>, data: unknown, draft: PlanDraft): Record<string, Definition | null> {
  const raw = ((data as Record<string, unknown>)?.['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const out: Record<string, Definition | null> = {};
  for (const [name, def] of Object.entries(properties)) {
    if (raw[name]?.['isSystemProperty'] !== true) {
      out[name] = def;
      continue;
    }
    const { required, ...shared } = def;
    const library = draft.properties!;
    library[name] ??= shared;
    out[name] = JSON.stringify(library[name]) !== JSON.stringify(shared) ? def : required === true ? { required: true } : null;
  }
  return out;
}

/** Avo's PII flag (`pii.isPii`, or a `pii` tag) becomes `pii: true`. */
function markPii(properties: Record<string, Definition | null>, data: unknown): void {
  const raw = ((data as Record<string, unknown>)?.['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, def] of Object.entries(properties)) {
    const source = raw[name] ?? {};
    const pii = (source['pii'] as Record<string, unknown> | undefined)?.['isPii'] === true || (Array.isArray(source['tags']) && source['tags'].some((t) => String(t).toLowerCase() === 'pii'));
    if (pii && def !== null) def['pii'] = true;
  }
}

function reportNameMappings(data: unknown, pointer: string, ctx: SchemaContext): void {
  const raw = ((data as Record<string, unknown>)?.['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, source] of Object.entries(raw)) {
    if (Array.isArray(source?.['nameMapping']) && source['nameMapping'].length > 0) {
      const at = childPointer(childPointer(childPointer(pointer, 'properties'), name), 'nameMapping');
      ctx.sink.warn('lostField', ctx.locate(at), { pointer: at, what: `the destination name mapping of "${name}"`, target: 'the plan' });
    }
  }
}
