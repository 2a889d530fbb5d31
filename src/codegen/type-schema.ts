import { compileDataSchema, type JsonSchema } from '../core/compile-schema.js';
import type { EventIR, PropertyIR } from '../core/ir.js';

/**
 * The JSON Schema json-schema-to-typescript turns into an event's property type: the event's data
 * schema (the same one generated/schemas holds), with what TypeScript readers also need in the
 * JSDoc: `deprecated` and the constraints a type cannot express.
 */
export function typeSchemaOf(event: EventIR, description: string): JsonSchema {
  const schema = compileDataSchema(event);
  annotateObject(schema, event.properties);
  schema['description'] = description;
  if (event.status === 'deprecated') schema['deprecated'] = true;
  return schema;
}

/** True when the event plans no data and allows none: its type is an empty object. */
export function plansNoData(event: EventIR): boolean {
  return event.properties.length === 0 && !event.additionalProperties;
}

function annotateObject(schema: JsonSchema, properties: readonly PropertyIR[]): void {
  const children = schema['properties'] as Record<string, JsonSchema> | undefined;
  for (const property of properties) {
    const child = children?.[property.name];
    if (child) annotate(child, property);
  }
}

function annotate(schema: JsonSchema, property: PropertyIR): void {
  const notes: string[] = [];
  if (property.format !== undefined) notes.push(`@format ${property.format}`);
  if (property.pattern !== undefined) notes.push(`@pattern ${property.pattern}`);
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength'] as const) {
    if (property[key] !== undefined) notes.push(`@${key} ${property[key]}`);
  }
  if (property.pii) notes.push('@pii personal data');
  const text = [property.description, ...notes].filter((t) => t !== undefined).join('\n');
  if (text !== '') schema['description'] = text;
  if (property.deprecated) schema['deprecated'] = true;
  const items = schema['items'] as JsonSchema | undefined;
  if (property.items && items) annotate(items, property.items);
  if (property.properties) annotateObject(schema, property.properties);
}
