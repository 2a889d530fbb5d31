import { childPointer } from '../json-input.js';
import type { SchemaContext } from './context.js';
import { ANNOTATIONS, HANDLED, JSON_TYPES, NUMBER_KEYWORDS, STRING_KEYWORDS, UNSUPPORTED } from './keywords.js';
import { resolveRef } from './resolve-ref.js';
import { mergeTypeAlternatives } from './type-alternatives.js';

/** A plan definition as the YAML writer takes it (`{ type, required, enum, ... }`). */
export type Definition = Record<string, unknown>;

type Schema = Record<string, unknown>;

/** An object schema's properties as plan definitions, and whether other properties are allowed. */
export interface ObjectShape {
  properties: Record<string, Definition>;
  /** JSON Schema's default: an absent `additionalProperties` allows anything. */
  additionalProperties: boolean;
}

/**
 * Converts one JSON Schema (draft 04 to 2020-12) into a plan definition that accepts exactly the
 * same values, or, where the plan model cannot say it, the nearest looser form with a located
 * warning naming what was lost. `$ref` inside the file is followed (cycles are reported).
 */
export function convertDefinition(input: unknown, pointer: string, ctx: SchemaContext): Definition {
  if (input === true || (isSchema(input) && Object.keys(input).length === 0)) return { type: 'any' };
  if (!isSchema(input)) {
    ctx.sink.warn('unsupportedKeyword', ctx.locate(pointer), { pointer, keyword: JSON.stringify(input), detail: 'not a schema object' });
    return { type: 'any' };
  }
  const ref = input['$ref'];
  if (typeof ref === 'string') return convertRef(input, ref, pointer, ctx);
  const schema = withoutRedundantUnevaluated(mergeTypeAlternatives(input) ?? input);
  const def: Definition = {};
  const types = readTypes(schema, pointer, ctx);
  const nonNull = types.filter((t) => t !== 'null');
  const nullable = nonNull.length > 0 && nonNull.length < types.length;
  const finalTypes = nonNull.length > 0 ? nonNull : types;
  applyMultipleOf(schema, finalTypes, pointer, ctx);
  def['type'] = finalTypes.length === 1 ? finalTypes[0] : finalTypes;
  if (nullable) def['nullable'] = true;
  if (typeof schema['description'] === 'string' && schema['description'] !== '') def['description'] = schema['description'];
  if (schema['deprecated'] === true) def['deprecated'] = true;
  copyEnum(schema, def, pointer, ctx);
  if (finalTypes.includes('string')) for (const key of STRING_KEYWORDS) copyScalar(schema, def, key);
  if (finalTypes.includes('number') || finalTypes.includes('integer')) copyBounds(schema, def, finalTypes, pointer, ctx);
  if (finalTypes.includes('array') && schema['items'] !== undefined) {
    if (Array.isArray(schema['items'])) warnKeyword(ctx, pointer, 'items', 'the plan has no tuples');
    else def['items'] = convertDefinition(schema['items'], childPointer(pointer, 'items'), ctx);
  }
  if (finalTypes.includes('object')) {
    const shape = convertObject(schema, pointer, ctx);
    if (Object.keys(shape.properties).length > 0) def['properties'] = shape.properties;
    def['additional_properties'] = shape.additionalProperties;
  }
  reportOthers(schema, pointer, ctx);
  return def;
}

/** The `properties`, `required` and `additionalProperties` of an object schema. */
export function convertObject(schema: Schema, pointer: string, ctx: SchemaContext): ObjectShape {
  const properties: Record<string, Definition> = {};
  const listed = isSchema(schema['properties']) ? schema['properties'] : {};
  const required = new Set(Array.isArray(schema['required']) ? schema['required'].filter((r): r is string => typeof r === 'string') : []);
  for (const [name, child] of Object.entries(listed)) {
    const at = childPointer(childPointer(pointer, 'properties'), name);
    if (name === '') {
      ctx.sink.warn('skipped', ctx.locate(at), { pointer: at, what: 'a property with an empty name', reason: 'the plan needs a name for every property' });
      continue;
    }
    const def = convertDefinition(child, at, ctx);
    properties[name] = required.has(name) ? { type: def['type'], required: true, ...withoutKey(def, 'type') } : def;
  }
  const extra = schema['additionalProperties'];
  // A required name that has no definition must still be present, with any value.
  for (const name of required) {
    if (name in properties || name === '') continue;
    properties[name] = { type: 'any', required: true };
    // Unless other properties are banned: then the source accepts no object at all, which the plan cannot say.
    if (extra === false) warnKeyword(ctx, childPointer(pointer, 'required'), 'required', `"${name}" is required but not allowed by additionalProperties: false; kept it as an allowed property`);
  }
  if (isSchema(extra) && Object.keys(extra).length > 0) {
    warnKeyword(ctx, pointer, 'additionalProperties', 'the plan allows other properties or not, without a schema for them');
  }
  return { properties, additionalProperties: extra !== false };
}

function convertRef(input: Schema, ref: string, pointer: string, ctx: SchemaContext): Definition {
  const named = ctx.typeForRef?.(ref);
  const description = typeof input['description'] === 'string' ? { description: input['description'] } : {};
  if (named !== undefined) return { type: named, ...description };
  const target = resolveRef(ref, pointer, ctx);
  if (!target) return { type: 'any', ...description };
  ctx.refStack.push(ref);
  try {
    return { ...convertDefinition(target.schema, target.pointer, ctx), ...description };
  } finally {
    ctx.refStack.pop();
  }
}

/** The JSON types a schema allows; inferred from `enum`/`const` when `type` is absent, else `any`. */
function readTypes(schema: Schema, pointer: string, ctx: SchemaContext): string[] {
  const raw = schema['type'];
  const listed = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : undefined;
  if (listed && listed.length > 0) {
    const known = [...new Set(listed.filter((t) => (JSON_TYPES as readonly string[]).includes(t)))];
    if (known.length !== listed.length) warnKeyword(ctx, pointer, 'type', `unknown type name in ${JSON.stringify(raw)}`);
    // `number` already admits every integer.
    return known.includes('number') ? known.filter((t) => t !== 'integer') : known.length > 0 ? known : ['any'];
  }
  const values = Array.isArray(schema['enum']) ? schema['enum'] : 'const' in schema ? [schema['const']] : undefined;
  if (values && values.length > 0) {
    const inferred = [...new Set(values.map(jsonType))];
    if (!inferred.includes('object') && !inferred.includes('array')) return inferred.includes('number') ? inferred.filter((t) => t !== 'integer') : inferred;
  }
  const typed = [...STRING_KEYWORDS, ...NUMBER_KEYWORDS, 'properties', 'required', 'items', 'additionalProperties', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
  const found = typed.filter((key) => key in schema);
  if (found.length > 0) {
    warnKeyword(ctx, pointer, found.join('`, `'), 'without `type` these constrain only values of their type, and `any` cannot say that');
  }
  return ['any'];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** `multipleOf: 1` on a number is Avo's spelling of `integer`; any other step is lost. */
function applyMultipleOf(schema: Schema, types: string[], pointer: string, ctx: SchemaContext): void {
  const step = schema['multipleOf'];
  if (step === undefined) return;
  if (step === 1 && (types.includes('number') || types.includes('integer'))) {
    const at = types.indexOf('number');
    if (at !== -1) types.splice(at, 1, 'integer');
    return;
  }
  if (types.includes('number') || types.includes('integer')) warnKeyword(ctx, pointer, 'multipleOf', 'the plan has no number steps');
}

function copyEnum(schema: Schema, def: Definition, pointer: string, ctx: SchemaContext): void {
  const values = Array.isArray(schema['enum']) ? schema['enum'] : undefined;
  const constant = 'const' in schema ? [schema['const']] : undefined;
  const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  let chosen = values ?? constant;
  if (values && constant) chosen = values.some((v) => JSON.stringify(v) === JSON.stringify(constant[0])) ? constant : [];
  if (!chosen) return;
  if (!chosen.every(scalar)) {
    warnKeyword(ctx, pointer, values ? 'enum' : 'const', 'the plan enumerates only strings, numbers, booleans and null');
    return;
  }
  def['enum'] = chosen;
}

function copyBounds(schema: Schema, def: Definition, types: string[], pointer: string, ctx: SchemaContext): void {
  const integerOnly = !types.includes('number');
  for (const [key, exclusive, step] of [['minimum', 'exclusiveMinimum', 1], ['maximum', 'exclusiveMaximum', -1]] as const) {
    let bound = typeof schema[key] === 'number' ? schema[key] : undefined;
    const ex = schema[exclusive];
    // draft-04 spells an exclusive bound as a flag on minimum/maximum, later drafts as a number.
    const exBound = typeof ex === 'number' ? ex : ex === true ? bound : undefined;
    if (exBound !== undefined) {
      if (integerOnly) {
        // Over integers, "> 2.5" and ">= 3" accept the same values: exact.
        const strict = step === 1 ? Math.floor(exBound) + 1 : Math.ceil(exBound) - 1;
        bound = bound === undefined || ex === true ? strict : step === 1 ? Math.max(bound, strict) : Math.min(bound, strict);
      } else {
        warnKeyword(ctx, pointer, exclusive, 'the plan has only inclusive bounds; kept the bound as inclusive');
        bound = bound === undefined || ex === true ? exBound : step === 1 ? Math.max(bound, exBound) : Math.min(bound, exBound);
      }
    }
    if (bound !== undefined) def[key] = bound;
  }
}

function reportOthers(schema: Schema, pointer: string, ctx: SchemaContext): void {
  for (const key of Object.keys(schema)) {
    if (ANNOTATIONS.has(key) || HANDLED.has(key) || ctx.ignoredKeys.has(key)) continue;
    const detail = UNSUPPORTED[key];
    if (detail !== undefined && isNoOp(key, schema[key])) continue;
    if (detail !== undefined) warnKeyword(ctx, childPointer(pointer, key), key, detail);
    else {
      const seen = ctx.unknownKeys.get(key);
      if (seen) seen.count++;
      else ctx.unknownKeys.set(key, { pointer: childPointer(pointer, key), count: 1 });
    }
  }
}

/** Values that constrain nothing (`uniqueItems: false`, `minItems: 0`): nothing is lost without them. */
function isNoOp(key: string, value: unknown): boolean {
  return (value === false && key === 'uniqueItems') || (value === 0 && ['minItems', 'minProperties', 'minContains'].includes(key));
}

function warnKeyword(ctx: SchemaContext, pointer: string, keyword: string, detail: string): void {
  ctx.sink.warn('unsupportedKeyword', ctx.locate(pointer), { pointer: pointer || '/', keyword, detail });
}

function copyScalar(from: Schema, to: Definition, key: string): void {
  if (from[key] !== undefined) to[key] = from[key];
}

function withoutKey(def: Definition, key: string): Definition {
  const { [key]: _dropped, ...others } = def;
  return others;
}

const APPLICATORS = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', '$ref', 'dependentSchemas', 'patternProperties', '$recursiveRef', '$dynamicRef'];

/**
 * Without applicators beside it, `unevaluatedProperties` sees exactly the properties that
 * `additionalProperties` would (RudderStack's API writes it this way): the same meaning.
 */
function withoutRedundantUnevaluated(schema: Schema): Schema {
  const value = schema['unevaluatedProperties'];
  if (typeof value !== 'boolean' || APPLICATORS.some((key) => key in schema)) return schema;
  const { unevaluatedProperties: _u, ...rest } = schema;
  return rest['additionalProperties'] === undefined ? { ...rest, additionalProperties: value } : rest;
}

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
