import { childPointer } from '../json-input.js';
import type { EventDraft } from '../plan-draft.js';
import type { SchemaContext } from './context.js';
import { convertDefinition } from './to-definition.js';

type Schema = Record<string, unknown>;

/**
 * The plan form of an event's data object (its `properties` or `traits`): the properties map and
 * `additional_properties`, written only when it differs from the plan default (false). A data
 * schema without `type` is still an object: the call format says so.
 */
export function convertEventData(schema: unknown, pointer: string, ctx: SchemaContext): EventDraft {
  if (!isSchema(schema)) return schema === false ? {} : { additional_properties: true };
  const typed = schema['type'] === undefined && schema['$ref'] === undefined ? { ...schema, type: 'object' } : schema;
  const def = convertDefinition(typed, pointer, ctx);
  if (def['type'] !== 'object') {
    ctx.sink.warn('unsupportedKeyword', ctx.locate(childPointer(pointer, 'type')), { pointer, keyword: 'type', detail: `event data must be an object, found ${JSON.stringify(def['type'])}` });
    return { additional_properties: true };
  }
  const out: EventDraft = {};
  if (def['properties'] !== undefined) out['properties'] = def['properties'];
  if (def['additional_properties'] === true) out['additional_properties'] = true;
  return out;
}

/**
 * Splits a whole-call schema (Segment Config/Public API, RudderStack, Avo: `properties.properties`
 * or `properties.traits`) into the data schema under `dataKey` and reports, once per file, every
 * other constraint of the envelope (the plan constrains only the data object).
 */
export function splitWholeCall(schema: Schema, pointer: string, dataKey: string, ctx: SchemaContext, handled: readonly string[] = []): { data: unknown; pointer: string } {
  const members = isSchema(schema['properties']) ? schema['properties'] : {};
  const data = members[dataKey] ?? {};
  const dataPointer = childPointer(childPointer(pointer, 'properties'), dataKey);
  for (const [key, value] of Object.entries(members)) {
    if (key === dataKey || handled.includes(key) || (isSchema(value) && Object.keys(value).length === 0) || value === true) continue;
    note(ctx, `${key} (whole-call schema)`, childPointer(childPointer(pointer, 'properties'), key));
  }
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  const dataRequired = isSchema(data) && Array.isArray(data['required']) && data['required'].length > 0;
  for (const name of required) {
    // The compiled plan requires the data object exactly when it requires one of its members.
    if ((name === dataKey && dataRequired) || handled.includes(name)) continue;
    note(ctx, `required ${JSON.stringify(name)} (whole-call schema)`, childPointer(pointer, 'required'));
  }
  for (const key of Object.keys(schema)) {
    if (['properties', 'required', 'type', '$schema', 'description', 'title', '$id', 'id', '$comment', ...handled, ...ctx.ignoredKeys].includes(key)) continue;
    note(ctx, `${key} (whole-call schema)`, childPointer(pointer, key));
  }
  return { data, pointer: dataPointer };
}

function note(ctx: SchemaContext, key: string, pointer: string): void {
  const seen = ctx.unknownKeys.get(key);
  if (seen) seen.count++;
  else ctx.unknownKeys.set(key, { pointer, count: 1 });
}

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
