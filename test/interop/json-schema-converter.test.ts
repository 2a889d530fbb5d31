import { describe, expect, it } from 'vitest';
import { parseJsonInput } from '../../src/sources/interop/json-input.js';
import { createSchemaContext, flushUnknownKeys } from '../../src/sources/interop/json-schema/context.js';
import { convertDefinition } from '../../src/sources/interop/json-schema/to-definition.js';
import { WarningSink } from '../../src/sources/interop/warnings.js';

/** Converts `{"s": <schema>, "definitions": ...}` as a file; the schema sits at `/s`. */
function convert(schema: unknown, definitions: Record<string, unknown> = {}) {
  const text = JSON.stringify({ s: schema, definitions }, null, 2);
  const input = parseJsonInput({ path: 'schema.json', text });
  const sink = new WarningSink();
  const ctx = createSchemaContext(input, sink, {});
  const def = convertDefinition((input.data as { s: unknown }).s, '/s', ctx);
  flushUnknownKeys(ctx);
  return { def, warnings: sink.diagnostics.map((d) => ({ id: d.messageId, pointer: d.data?.['pointer'], keyword: d.data?.['keyword'], line: (d.location as { line: number }).line })) };
}

/** Exact conversions: the plan definition says what the schema says, and there is no warning. */
const EXACT = [
  { schema: { type: 'string' }, def: { type: 'string' } },
  { schema: { type: ['string', 'null'] }, def: { type: 'string', nullable: true } },
  { schema: { type: ['string', 'null', 'integer'] }, def: { type: ['string', 'integer'], nullable: true } },
  { schema: { type: ['integer', 'number'] }, def: { type: 'number' } },
  { schema: { type: 'number', multipleOf: 1, minimum: 0 }, def: { type: 'integer', minimum: 0 } },
  { schema: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 }, def: { type: 'integer', minimum: 1, maximum: 9 } },
  { schema: { type: 'integer', minimum: 5, exclusiveMinimum: true }, def: { type: 'integer', minimum: 6 } },
  { schema: { enum: ['a', 'b'] }, def: { type: 'string', enum: ['a', 'b'] } },
  { schema: { enum: [1, 2.5, null] }, def: { type: 'number', nullable: true, enum: [1, 2.5, null] } },
  { schema: { const: 'x' }, def: { type: 'string', enum: ['x'] } },
  { schema: { type: 'string', pattern: '^a', format: 'email', minLength: 1, maxLength: 5, description: 'd' }, def: { type: 'string', description: 'd', pattern: '^a', format: 'email', minLength: 1, maxLength: 5 } },
  { schema: {}, def: { type: 'any' } },
  { schema: true, def: { type: 'any' } },
  { schema: { type: 'object' }, def: { type: 'object', additional_properties: true } },
  { schema: { type: 'object', additionalProperties: false }, def: { type: 'object', additional_properties: false } },
  { schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'b'] }, def: { type: 'object', properties: { a: { type: 'string', required: true }, b: { type: 'any', required: true } }, additional_properties: true } },
  { schema: { type: 'object', properties: {}, unevaluatedProperties: false }, def: { type: 'object', additional_properties: false } },
  { schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } }, additionalProperties: false }, uniqueItems: false, minItems: 0 }, def: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } }, additional_properties: false } } },
  { schema: { anyOf: [{ type: 'string', maxLength: 3 }, { type: 'integer', minimum: 0 }, { type: 'null' }] }, def: { type: ['string', 'integer'], nullable: true, maxLength: 3, minimum: 0 } },
  { schema: { $ref: '#/definitions/money' }, def: { type: 'number', minimum: 0 } },
  { schema: { type: 'string', deprecated: true, title: 'T', examples: ['x'] }, def: { type: 'string', deprecated: true } },
];

/** Lossy conversions: the looser form and one warning at the exact place (pointer and line). */
const LOSSY = [
  { schema: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, def: { type: 'any' }, warnings: [{ id: 'unsupportedKeyword', pointer: '/s/oneOf', keyword: 'oneOf', line: 3 }] },
  { schema: { type: 'array', minItems: 1 }, def: { type: 'array' }, warnings: [{ id: 'unsupportedKeyword', pointer: '/s/minItems', keyword: 'minItems', line: 4 }] },
  { schema: { type: 'number', multipleOf: 5 }, def: { type: 'number' }, warnings: [{ id: 'unsupportedKeyword', pointer: '/s', keyword: 'multipleOf', line: 2 }] },
  { schema: { type: 'number', exclusiveMinimum: 0 }, def: { type: 'number', minimum: 0 }, warnings: [{ id: 'unsupportedKeyword', pointer: '/s', keyword: 'exclusiveMinimum', line: 2 }] },
  { schema: { pattern: '^a' }, def: { type: 'any' }, warnings: [{ id: 'unsupportedKeyword', pointer: '/s', keyword: 'pattern', line: 2 }] },
  { schema: { $ref: 'https://example.com/x.json' }, def: { type: 'any' }, warnings: [{ id: 'refOutside', pointer: '/s', keyword: undefined, line: 2 }] },
  { schema: { $ref: '#/definitions/none' }, def: { type: 'any' }, warnings: [{ id: 'refMissing', pointer: '/s', keyword: undefined, line: 2 }] },
  { schema: { type: 'object', properties: { '': { type: 'string' } } }, def: { type: 'object', additional_properties: true }, warnings: [{ id: 'skipped', pointer: '/s/properties/', keyword: undefined, line: 5 }] },
  { schema: { type: 'object', properties: {}, required: ['a'], additionalProperties: false }, def: { type: 'object', properties: { a: { type: 'any', required: true } }, additional_properties: false }, warnings: [{ id: 'unsupportedKeyword', pointer: '/s/required', keyword: 'required', line: 5 }] },
  { schema: { type: 'string', 'x-vendor': 1 }, def: { type: 'string' }, warnings: [{ id: 'unknownKeyword', pointer: '/s/x-vendor', keyword: 'x-vendor', line: 4 }] },
];

describe('JSON Schema → plan definition', () => {
  it.each(EXACT)('exact: $schema', ({ schema, def }) => {
    expect(convert(schema, { money: { type: 'number', minimum: 0 } })).toEqual({ def, warnings: [] });
  });

  it.each(LOSSY)('lossy: $schema', ({ schema, def, warnings }) => {
    expect(convert(schema)).toEqual({ def, warnings });
  });

  it('a $ref cycle keeps any at the repetition and names the cycle', () => {
    const node = { type: 'object', properties: { child: { $ref: '#/definitions/node' } }, additionalProperties: false };
    const { def, warnings } = convert({ $ref: '#/definitions/node' }, { node });
    expect(def).toEqual({ type: 'object', properties: { child: { type: 'any' } }, additional_properties: false });
    expect(warnings).toEqual([{ id: 'refCycle', pointer: '/definitions/node/properties/child', keyword: undefined, line: 9 }]);
  });
});
