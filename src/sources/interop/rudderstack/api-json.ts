import { InteropInputError } from '../errors.js';
import { childPointer, type JsonInput } from '../json-input.js';
import { createSchemaContext, flushUnknownKeys } from '../json-schema/context.js';
import { convertEventData, splitWholeCall } from '../json-schema/event-data.js';
import { convertDefinition, type Definition } from '../json-schema/to-definition.js';
import { slugify, type EventDraft, type PlanDraft } from '../plan-draft.js';
import type { WarningSink } from '../warnings.js';

const CALLS = new Set(['track', 'identify', 'page', 'screen', 'group']);

/**
 * RudderStack's tracking-plan JSON: the Data Catalog API answer (`{name, events[]}`, draft 2019-09
 * with custom types under `$defs`) or RudderTyper's `plan.json` (`{id, name, version, rules:
 * {events[]}}`, draft-07). Each event's `rules` is a whole-call schema; `$defs` become `types:`.
 */
export function importApiJson(input: JsonInput, sink: WarningSink, draft: PlanDraft): void {
  const doc = input.data as Record<string, unknown>;
  const rules = doc['rules'] as Record<string, unknown> | undefined;
  const [events, base] = Array.isArray(doc['events']) ? [doc['events'], '/events'] : rules && Array.isArray(rules['events']) ? [rules['events'], '/rules/events'] : [undefined, ''];
  if (!events) throw new InteropInputError(input.file, 'not a RudderStack tracking plan: expected `events` (Data Catalog) or `rules.events` (RudderTyper plan.json)');
  if (typeof doc['name'] === 'string') draft.name ||= doc['name'];
  if (typeof doc['id'] === 'string') draft.id ||= doc['id'];
  if (typeof doc['version'] === 'number' && Number.isInteger(doc['version']) && doc['version'] >= 0) draft.version = `${doc['version']}.0.0`;
  const types = (draft.types ??= {});
  const typeJson = new Map<string, string>();
  const ctx = createSchemaContext(input, sink);
  events.forEach((event, i) => {
    const at = `${base}/${i}`;
    if (event === null || typeof event !== 'object' || typeof (event as Record<string, unknown>)['rules'] !== 'object') {
      throw new InteropInputError(`${input.file}#${at}`, 'not a RudderStack event: expected `eventType` and a `rules` schema');
    }
    const item = event as Record<string, unknown>;
    const call = String(item['eventType'] ?? 'track');
    if (!CALLS.has(call)) {
      sink.warn('skipped', input.locate(`${at}/eventType`), { pointer: `${at}/eventType`, what: `event ${String(item['name'])}`, reason: `unknown eventType ${call}` });
      return;
    }
    const schema = item['rules'] as Record<string, unknown>;
    const defs = (schema['$defs'] ?? schema['definitions'] ?? {}) as Record<string, unknown>;
    const defsKey = schema['$defs'] !== undefined ? '$defs' : 'definitions';
    // A `$defs` entry is a plan type when every event that defines it defines it the same way.
    ctx.typeForRef = (ref) => {
      const match = /^#\/(?:\$defs|definitions)\/([^/]+)$/.exec(ref);
      const name = match?.[1];
      if (name === undefined || !(name in defs)) return undefined;
      const json = JSON.stringify(defs[name]);
      if (!typeJson.has(name)) {
        typeJson.set(name, json);
        types[name] = convertDefinition(defs[name], `${at}/rules/${defsKey}/${name}`, ctx);
      }
      return typeJson.get(name) === json ? name : undefined;
    };
    const section = String(item['identitySection'] ?? (call === 'identify' || call === 'group' ? 'traits' : 'properties'));
    const dataKey = section === 'context.traits' ? 'context' : section;
    const split = splitWholeCall(schema, `${at}/rules`, dataKey, ctx, ['$defs', 'definitions', 'unevaluatedProperties']);
    let data = split.data;
    let dataPointer = split.pointer;
    if (section === 'context.traits') {
      const members = (data as Record<string, unknown>)['properties'] as Record<string, unknown> | undefined;
      data = members?.['traits'] ?? {};
      dataPointer = childPointer(childPointer(dataPointer, 'properties'), 'traits');
    }
    const converted = convertEventData(data, dataPointer, ctx);
    const planKey = call === 'identify' || call === 'group' ? 'traits' : 'properties';
    const draftEvent: EventDraft = {
      ...(typeof item['description'] === 'string' && item['description'] !== '' ? { description: item['description'] } : {}),
      ...(section === 'context.traits' && call === 'identify' ? { identity_section: 'context.traits' } : {}),
      ...(converted['properties'] !== undefined ? { [planKey]: converted['properties'] as Record<string, Definition> } : {}),
      ...(converted['additional_properties'] === true ? { additional_properties: true } : {}),
    };
    if (section !== planKey && !(section === 'context.traits' && call === 'identify')) {
      sink.warn('lostField', input.locate(`${at}/identitySection`), { pointer: `${at}/identitySection`, what: `identitySection ${section} for a ${call} call (kept at ${planKey})`, target: 'the plan' });
    }
    const name = typeof item['name'] === 'string' ? item['name'] : '';
    if (call === 'track') {
      if (name === '') throw new InteropInputError(`${input.file}#${at}`, 'a track event without a name');
      const events = draft.events.get('')!;
      if (name in events) sink.warn('duplicateName', input.locate(at), { pointer: at, kind: 'event', name, other: 'an earlier event of the file' });
      else events[name] = draftEvent;
    } else if (draft.calls![call as 'identify'] !== undefined) sink.warn('duplicateName', input.locate(at), { pointer: at, kind: 'rule', name: call, other: 'an earlier rule of the file' });
    else draft.calls![call as 'identify'] = draftEvent;
  });
  flushUnknownKeys(ctx);
  draft.id = draft.id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || slugify(draft.name) || 'rudderstack-plan';
}
