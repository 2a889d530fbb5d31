import { childPointer } from '../json-input.js';
import type { Definition } from '../json-schema/to-definition.js';
import type { EventDraft, PlanDraft } from '../plan-draft.js';
import { InteropInputError } from '../errors.js';
import type { WarningSink } from '../warnings.js';
import { buildCatalog, type Catalog, type CatalogItem } from './catalog.js';
import { catalogDefinition } from './definitions.js';
import { describeEvent, isObject, readPropertyRefs, widenVariants, type RuleContext } from './rules.js';
import { refId, type Spec } from './specs.js';

const CALLS = new Set(['track', 'identify', 'page', 'screen', 'group']);
const TEMPLATE = /\{\{.*?\}\}/;

/**
 * A rudder-cli project (v0.1 and v1 specs, mixed as real projects are): custom types become
 * `types:`, properties the library, each tracking-plan rule an event (or identify/page/screen/
 * group), categories the events files and `category:` tags.
 */
export function importProject(specs: readonly Spec[], sink: WarningSink): PlanDraft {
  const catalog = buildCatalog(specs, sink);
  const plan = catalog.plans[0];
  if (!plan) throw new InteropInputError(specs[0]?.input.file ?? 'input', 'no tracking plan spec (kind tp or tracking-plan) among the inputs');
  for (const extra of catalog.plans.slice(1)) sink.warn('skipped', extra.input.locate('/spec'), { pointer: '/spec', what: `tracking plan ${String(extra.spec['id'])}`, reason: 'a plan folder holds one plan; imported the first' });
  const typeNames = nameTypes(catalog);
  const types: Record<string, Definition> = {};
  const library = buildLibrary(catalog, sink, (id) => typeNames.get(id));
  const ruleCtx: RuleContext = { catalog, sink, library: (id) => library.byId.get(id) };
  // Inside a type, properties are full definitions: the library is for events only.
  const inlineCtx: RuleContext = { ...ruleCtx, library: (p) => { const found = library.byId.get(p); return found && { ...found, inLibrary: false }; } };
  for (const [id, entry] of catalog.types) {
    const def = catalogDefinition(entry, sink, (t) => typeNames.get(t));
    const nested = readPropertyRefs(entry.item['properties'], childPointer(entry.pointer, 'properties'), entry.spec, inlineCtx, true);
    if (Object.keys(nested).length > 0) def['properties'] = nested;
    widenVariants(entry.item['variants'], childPointer(entry.pointer, 'variants'), typeNames.get(id)!, entry.spec, inlineCtx, (def['properties'] ??= {}) as Record<string, Definition | null>, true);
    if (Object.keys(def['properties'] as object).length === 0) delete def['properties'];
    types[typeNames.get(id)!] = def;
  }
  const draft: PlanDraft = {
    id: String(plan.spec['id'] ?? plan.group).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'rudderstack-plan',
    name: String(plan.spec['display_name'] ?? plan.spec['name'] ?? plan.spec['id'] ?? 'RudderStack tracking plan'),
    version: '1.0.0',
    ...(typeof plan.spec['description'] === 'string' ? { description: plan.spec['description'] } : {}),
    types, properties: library.entries, events: new Map([['', {}]]), calls: {},
  };
  readRules(plan, catalog, ruleCtx, draft);
  return draft;
}

/** Type names: the custom type's `name` (its id when it has none), unique. */
function nameTypes(catalog: Catalog): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const [id, entry] of catalog.types) {
    const base = String(entry.item['name'] ?? id).replace(/[^A-Za-z0-9_-]+/g, '_');
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    names.set(id, name);
  }
  return names;
}

interface Library {
  entries: Record<string, Definition>;
  byId: Map<string, { name: string; def: Definition; inLibrary: boolean }>;
}

/** The property library by payload name; a second property of the same name stays out of it (inlined where used). */
function buildLibrary(catalog: Catalog, sink: WarningSink, typeName: (id: string) => string | undefined): Library {
  const entries: Record<string, Definition> = {};
  const byId = new Map<string, { name: string; def: Definition; inLibrary: boolean }>();
  for (const [id, entry] of catalog.properties) {
    const name = String(entry.item['name'] ?? entry.item['display_name'] ?? id);
    const def = catalogDefinition(entry, sink, typeName);
    const inLibrary = !(name in entries);
    if (inLibrary) entries[name] = def;
    byId.set(id, { name, def, inLibrary: inLibrary || JSON.stringify(entries[name]) === JSON.stringify(def) });
  }
  return { entries, byId };
}

function readRules(plan: Spec, catalog: Catalog, ctx: RuleContext, draft: PlanDraft): void {
  const rules = Array.isArray(plan.spec['rules']) ? plan.spec['rules'] : [];
  const seen = new Map<string, string>();
  rules.forEach((rule, i) => {
    const at = `/spec/rules/${i}`;
    if (!isObject(rule)) return;
    const eventField = rule['event'];
    const eventRef = isObject(eventField) ? eventField['$ref'] : eventField;
    const eventId = refId(eventRef, 'events');
    const entry = eventId === undefined ? undefined : catalog.events.get(eventId);
    if (!entry) {
      ctx.sink.warn('skipped', plan.input.locate(at), { pointer: at, what: `rule ${String(rule['id'] ?? i)}`, reason: `its event ${JSON.stringify(eventRef ?? null)} is not in the project` });
      return;
    }
    const info = describeEvent(entry);
    if (!CALLS.has(info.call)) {
      ctx.sink.warn('skipped', entry.spec.input.locate(`${entry.pointer}/event_type`), { pointer: `${entry.pointer}/event_type`, what: `event ${info.name}`, reason: `unknown event_type ${info.call}` });
      return;
    }
    const key = info.call === 'track' ? info.name : info.call;
    const where = plan.input.locate(at);
    if (seen.has(`${info.call}\0${key}`)) {
      ctx.sink.warn('duplicateName', where, { pointer: at, kind: info.call === 'track' ? 'event' : 'rule', name: key, other: seen.get(`${info.call}\0${key}`)! });
      return;
    }
    seen.set(`${info.call}\0${key}`, `${where.file}:${where.line}:${where.column}`);
    for (const field of ['name', 'description'] as const) {
      if (TEMPLATE.test(String(entry.item[field] ?? ''))) ctx.sink.warn('lostField', entry.spec.input.locate(`${entry.pointer}/${field}`), { pointer: `${entry.pointer}/${field}`, what: `the template variable in ${JSON.stringify(entry.item[field])} (kept verbatim)`, target: 'the plan (it has no variables)' });
    }
    const properties = readPropertyRefs(rule['properties'], `${at}/properties`, plan, ctx);
    widenVariants(rule['variants'], `${at}/variants`, key, plan, ctx, properties);
    const event = buildEvent(rule, info, properties, entry, plan, at, ctx, catalog);
    if (info.call === 'track') {
      const group = info.category === undefined ? '' : categoryName(info.category, catalog) ?? '';
      if (!draft.events.has(group)) draft.events.set(group, {});
      draft.events.get(group)![info.name] = event;
    } else draft.calls![info.call as 'identify'] = event;
  });
}

function buildEvent(rule: Record<string, unknown>, info: ReturnType<typeof describeEvent>, properties: Record<string, Definition | null>, entry: CatalogItem, plan: Spec, at: string, ctx: RuleContext, catalog: Catalog): EventDraft {
  const eventField = isObject(rule['event']) ? rule['event'] : {};
  const open = rule['additional_properties'] ?? rule['allow_unplanned'] ?? eventField['allow_unplanned'];
  const section = rule['identity_section'] ?? eventField['identity_section'];
  const category = info.category === undefined ? undefined : categoryName(info.category, catalog);
  if (info.category !== undefined && category === undefined) ctx.sink.warn('skipped', entry.spec.input.locate(`${entry.pointer}/category`), { pointer: `${entry.pointer}/category`, what: `category ${info.category}`, reason: 'no such category in the project' });
  const dataKey = info.call === 'identify' || info.call === 'group' ? 'traits' : 'properties';
  const event: EventDraft = {
    ...(info.description !== undefined ? { description: info.description } : {}),
    ...(category !== undefined ? { tags: [`category:${category}`] } : {}),
  };
  if (section !== undefined) {
    if (info.call === 'identify' && section === 'context.traits') event['identity_section'] = 'context.traits';
    else if (section !== (dataKey === 'traits' ? 'traits' : 'properties')) ctx.sink.warn('lostField', plan.input.locate(`${at}/identity_section`), { pointer: `${at}/identity_section`, what: `identity_section ${String(section)} for a ${info.call} call (kept at ${dataKey})`, target: 'the plan' });
  }
  if (Object.keys(properties).length > 0) event[dataKey] = properties;
  if (open === true) event['additional_properties'] = true;
  return event;
}

function categoryName(ref: string, catalog: Catalog): string | undefined {
  const id = refId(ref, 'categories');
  const entry = id === undefined ? undefined : catalog.categories.get(id);
  return entry ? String(entry.item['name'] ?? entry.id) : undefined;
}
