import { NUMBER_KEYWORDS, STRING_KEYWORDS } from './keywords.js';

type Schema = Record<string, unknown>;

const OWN_KEYWORDS: Record<string, readonly string[]> = {
  string: STRING_KEYWORDS,
  number: NUMBER_KEYWORDS,
  integer: NUMBER_KEYWORDS,
  array: ['items'],
  object: ['properties', 'required', 'additionalProperties'],
  boolean: [],
  null: [],
};

/**
 * `anyOf: [{type: string, maxLength: 5}, {type: integer}, {type: null}]` (how trackplan itself
 * compiles a type list) says exactly what `{type: [string, integer, null], maxLength: 5}` says,
 * because each branch's keywords constrain only its own type. Returns that merged schema, or
 * undefined when the alternatives are anything else (then `anyOf` is reported as lost).
 */
export function mergeTypeAlternatives(schema: Schema): Schema | undefined {
  const branches = schema['anyOf'];
  if (!Array.isArray(branches) || branches.length === 0 || 'type' in schema) return undefined;
  const merged: Schema = {};
  const types: string[] = [];
  for (const branch of branches) {
    if (branch === null || typeof branch !== 'object' || Array.isArray(branch)) return undefined;
    const { type, ...keywords } = branch as Schema;
    if (typeof type !== 'string' || !(type in OWN_KEYWORDS) || types.includes(type)) return undefined;
    if (!Object.keys(keywords).every((key) => OWN_KEYWORDS[type]!.includes(key))) return undefined;
    types.push(type);
    for (const [key, value] of Object.entries(keywords)) merged[key] = value;
  }
  // A number keyword must be the same on every numeric branch, or merging would widen its reach.
  const numeric = branches.filter((b) => ['number', 'integer'].includes((b as Schema)['type'] as string)) as Schema[];
  for (const key of NUMBER_KEYWORDS) {
    if (new Set(numeric.map((b) => JSON.stringify(b[key]))).size > 1) return undefined;
  }
  const { anyOf: _alternatives, ...outer } = schema;
  if (Object.keys(merged).some((key) => key in outer)) return undefined;
  return { ...outer, ...merged, type: types };
}
