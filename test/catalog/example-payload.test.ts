import { describe, expect, it } from 'vitest';
import { buildCheckedExample } from '../../src/catalog/event-example.js';
import { sampleValue } from '../../src/catalog/example-payload.js';
import { compileEventSchema } from '../../src/core/compile-schema.js';
import { createCompilers } from '../../src/runtime/ajv.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { REPO } from '../helpers/catalog.js';

const compilers = createCompilers('full');

describe('example payloads', () => {
  it.each([
    [{ type: 'string', format: 'email' }],
    [{ type: 'string', format: 'date-time' }],
    [{ type: 'string', pattern: '^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$' }],
    [{ type: 'string', pattern: '^/', maxLength: 3 }],
    [{ type: 'string', minLength: 40 }],
    [{ type: 'string', maxLength: 2 }],
    [{ type: 'integer', minimum: 100 }],
    [{ type: 'number', maximum: -5 }],
    [{ type: ['string', 'null'], enum: [null, 'a'] }],
    [{ anyOf: [{ type: 'null' }, { type: 'integer', minimum: 1 }] }],
    [{ type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'], additionalProperties: false } }],
    [{ const: 'order_completed' }],
  ])('are valid for %j', (schema) => {
    const value = sampleValue(schema, 'prop');
    const validate = compilers.plain.compile(schema);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it('are the same on every run (seeded by the property path)', () => {
    const schema = { type: 'string', pattern: '^[a-z]{5}-[0-9]{3}$' };
    expect(sampleValue(schema, 'a.b')).toBe(sampleValue(schema, 'a.b'));
  });

  it('are valid for every call of the example plan', async () => {
    const { plan } = await loadPlan('plans', { cwd: REPO });
    for (const event of plan!.events) {
      const example = buildCheckedExample(event, compileEventSchema(plan!, event), compilers);
      expect({ event: event.name, valid: example.valid, errors: example.errors }).toEqual({ event: event.name, valid: true, errors: [] });
      expect(example.payload['type']).toBe(event.call);
    }
  });
});
