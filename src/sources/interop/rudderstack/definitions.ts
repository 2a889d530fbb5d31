import { createSchemaContext } from '../json-schema/context.js';
import { convertDefinition, type Definition } from '../json-schema/to-definition.js';
import type { WarningSink } from '../warnings.js';
import type { CatalogItem } from './catalog.js';
import { refId } from './specs.js';

const CONSTRAINTS: Record<string, string> = {
  enum: 'enum', minimum: 'minimum', maximum: 'maximum', pattern: 'pattern', format: 'format',
  minLength: 'minLength', min_length: 'minLength', maxLength: 'maxLength', max_length: 'maxLength',
  multipleOf: 'multipleOf', multiple_of: 'multipleOf', exclusiveMinimum: 'exclusiveMinimum', exclusive_minimum: 'exclusiveMinimum',
  exclusiveMaximum: 'exclusiveMaximum', exclusive_maximum: 'exclusiveMaximum', minItems: 'minItems', min_items: 'minItems',
  maxItems: 'maxItems', max_items: 'maxItems', uniqueItems: 'uniqueItems', unique_items: 'uniqueItems',
};

/** How a custom type id becomes a plan type name. */
export type TypeNamer = (id: string) => string | undefined;

/**
 * The plan definition of a catalog property or custom type (without nested `properties[]`, which
 * the caller resolves): its types (`type: "a,b"` in v0.1, `types: [..]` in v1, or a custom type
 * reference) and its config, said as the JSON Schema RudderStack compiles it to (objects allow
 * other properties) and converted by the shared converter, so every loss is reported the same way.
 */
export function catalogDefinition(entry: CatalogItem, sink: WarningSink, typeName: TypeNamer): Definition {
  const { item, spec, pointer } = entry;
  const ctx = createSchemaContext({ file: spec.input.file, data: item, locate: spec.input.locate }, sink);
  const at = `${pointer}/${spec.version === 'v1' ? 'config' : 'propConfig'}`;
  const description = typeof item['description'] === 'string' && item['description'] !== '' ? { description: item['description'] } : {};
  const rawTypes = Array.isArray(item['types']) ? item['types'].map(String) : typeof item['type'] === 'string' ? item['type'].split(',').map((t) => t.trim()).filter(Boolean) : [];
  const custom = rawTypes.map((t) => refId(t, 'custom-types')).filter((t): t is string => t !== undefined);
  if (custom.length > 0) {
    const name = typeName(custom[0]!);
    if (custom.length > 1 || rawTypes.length > 1) ctx.sink.warn('unsupportedKeyword', spec.input.locate(`${pointer}/type`), { pointer: `${pointer}/type`, keyword: 'type', detail: 'a custom type in a list of types; kept the first custom type' });
    return { type: name ?? 'any', ...description };
  }
  const config = (item[spec.version === 'v1' ? 'config' : 'propConfig'] ?? {}) as Record<string, unknown>;
  const schema: Record<string, unknown> = rawTypes.length > 0 ? { type: rawTypes } : {};
  if (rawTypes.includes('object')) schema['additionalProperties'] = true;
  for (const [key, value] of Object.entries(config)) {
    const keyword = CONSTRAINTS[key];
    if (keyword !== undefined) schema[keyword] = value;
    else if (key !== 'itemTypes' && key !== 'item_types') ctx.sink.warn('unsupportedKeyword', spec.input.locate(`${pointer}/${spec.version === 'v1' ? 'config' : 'propConfig'}/${key}`), { pointer: `${pointer}/config/${key}`, keyword: key, detail: 'not a RudderStack constraint the plan knows' });
  }
  const itemTypes = item['item_types'] ?? (item['item_type'] !== undefined ? [item['item_type']] : config['itemTypes'] ?? config['item_types']);
  if (Array.isArray(itemTypes) && itemTypes.length > 0) {
    const customItem = itemTypes.map((t) => refId(t, 'custom-types')).find((t) => t !== undefined);
    schema['items'] = customItem !== undefined ? {} : { type: itemTypes.map(String), ...(itemTypes.includes('object') ? { additionalProperties: true } : {}) };
    if (customItem !== undefined) {
      const def = convertDefinition(schema, at, ctx);
      return { ...def, items: { type: typeName(customItem) ?? 'any' }, ...description };
    }
  }
  return { ...convertDefinition(schema, at, ctx), ...description };
}
