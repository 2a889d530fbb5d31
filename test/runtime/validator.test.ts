import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPlan } from '../../src/core/compiled-plan.js';
import { createValidator } from '../../src/runtime/validator.js';
import { formatViolationRecord } from '../../src/runtime/record.js';
import type { Validator, ViolationType } from '../../src/runtime/types.js';
import { compilePlanDir, order, SHOP_PLAN } from './helpers.js';

let plan: CompiledPlan;
let validator: Validator;
beforeAll(async () => {
  plan = await compilePlanDir(SHOP_PLAN);
  validator = createValidator(plan);
});

const { products: _products, ...orderWithoutProducts } = order().properties as Record<string, unknown>;

describe('createValidator: valid events', () => {
  const valid: [string, unknown][] = [
    ['a planned track event', order()],
    ['a nullable property set to null', order({ coupon: null })],
    ['a free-form object property', order({ metadata: { any: { nested: [1, { deep: true }] } } })],
    ['an array item without the optional `constructor` (an Object.prototype name)', order({ products: [{ sku: 'XYZ-9', price: 0 }] })],
    ['an event without its optional array', { type: 'track', event: 'Order Completed', properties: orderWithoutProducts }],
    ['another track event', { type: 'track', event: 'Product Viewed', properties: { sku: 's' } }],
    ['identify with planned traits', { type: 'identify', userId: 'u', traits: { email: 'a@b.co', plan: 'pro' } }],
    ['a page with a planned name', { type: 'page', name: 'Pricing', properties: { path: '/pricing' } }],
    ['a screen, which the plan does not constrain', { type: 'screen', name: 'Anything', properties: { x: 1 } }],
    ['group with its required trait', { type: 'group', groupId: 'g', traits: { name: 'Acme' } }],
    ['alias, which carries no data', { type: 'alias', previousId: 'a', userId: 'b' }],
  ];
  it.each(valid)('%s', (_name, message) => {
    const result = validator.validate(message);
    expect(result).toMatchObject({ valid: true, violations: [], outcome: 'forwarded' });
    expect(result.message).toBe(message);
  });
});

interface Expected {
  type: ViolationType;
  property?: string;
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message?: string;
}

describe('createValidator: violations, RudderStack types with paths against the whole event', () => {
  const P = '#/properties/properties';
  const invalid: [string, unknown, Expected[]][] = [
    ['a missing required property', order({ order_id: undefined }), [
      { type: 'Required-Missing', property: 'order_id', instancePath: '/properties', schemaPath: `${P}/required`, keyword: 'required', message: 'required property properties.order_id is missing' },
    ]],
    ['an unplanned property', order({ discount: 5 }), [
      { type: 'Additional-Properties', property: 'discount', instancePath: '/properties', schemaPath: `${P}/additionalProperties`, keyword: 'additionalProperties', message: 'properties.discount is not in the plan' },
    ]],
    ['a wrong type', order({ total: '42' }), [
      { type: 'Datatype-Mismatch', property: 'total', instancePath: '/properties/total', schemaPath: `${P}/properties/total/type`, keyword: 'type', message: 'properties.total must be number, got string' },
    ]],
    ['an enum value not planned', order({ currency: 'GBP' }), [
      { type: 'Advance-Rules-Violation', property: 'currency', instancePath: '/properties/currency', schemaPath: `${P}/properties/currency/enum`, keyword: 'enum', message: 'properties.currency must be equal to one of the allowed values: "USD", "EUR"' },
    ]],
    ['a format', order({ email: 'not-an-email' }), [
      { type: 'Advance-Rules-Violation', property: 'email', instancePath: '/properties/email', schemaPath: `${P}/properties/email/format`, keyword: 'format' },
    ]],
    ['a minimum', order({ total: -1 }), [
      { type: 'Advance-Rules-Violation', property: 'total', instancePath: '/properties/total', schemaPath: `${P}/properties/total/minimum`, keyword: 'minimum', message: 'properties.total must be >= 0' },
    ]],
    ['a minLength', order({ order_id: '' }), [
      { type: 'Advance-Rules-Violation', property: 'order_id', instancePath: '/properties/order_id', schemaPath: `${P}/properties/order_id/minLength`, keyword: 'minLength' },
    ]],
    ['a pattern inside an array item', order({ products: [{ sku: 'ABC-1', price: 1 }, { sku: 'abc', price: 2 }] }), [
      { type: 'Advance-Rules-Violation', property: 'products.1.sku', instancePath: '/properties/products/1/sku', schemaPath: `${P}/properties/products/items/properties/sku/pattern`, keyword: 'pattern' },
    ]],
    ['a required property missing in an array item', order({ products: [{ sku: 'ABC-1' }] }), [
      { type: 'Required-Missing', property: 'products.0.price', instancePath: '/properties/products/0', schemaPath: `${P}/properties/products/items/required`, keyword: 'required', message: 'required property properties.products.0.price is missing' },
    ]],
    ['a wrong type for a property named like an Object.prototype member', order({ products: [{ sku: 'ABC-1', price: 1, constructor: 5 }] }), [
      { type: 'Datatype-Mismatch', property: 'products.0.constructor', instancePath: '/properties/products/0/constructor', schemaPath: `${P}/properties/products/items/properties/constructor/type`, keyword: 'type' },
    ]],
    ['properties that are not an object', { type: 'track', event: 'Product Viewed', properties: 'sku' }, [
      { type: 'Datatype-Mismatch', instancePath: '/properties', schemaPath: `${P}/type`, keyword: 'type', message: 'properties must be object, got string' },
    ]],
    ['no properties at all: each required one is reported', { type: 'track', event: 'Order Completed' }, [
      { type: 'Required-Missing', property: 'order_id', instancePath: '/properties', schemaPath: `${P}/required`, keyword: 'required' },
      { type: 'Required-Missing', property: 'total', instancePath: '/properties', schemaPath: `${P}/required`, keyword: 'required' },
    ]],
    ['every violation of an event, not just the first', order({ total: 'x', currency: 'GBP', extra: 1 }), [
      { type: 'Additional-Properties', property: 'extra', instancePath: '/properties', schemaPath: `${P}/additionalProperties`, keyword: 'additionalProperties' },
      { type: 'Datatype-Mismatch', property: 'total', instancePath: '/properties/total', schemaPath: `${P}/properties/total/type`, keyword: 'type' },
      { type: 'Advance-Rules-Violation', property: 'currency', instancePath: '/properties/currency', schemaPath: `${P}/properties/currency/enum`, keyword: 'enum' },
    ]],
    ['an unplanned track event', { type: 'track', event: 'Cart Abandoned', properties: {} }, [
      { type: 'Unplanned-Event', instancePath: '/event', schemaPath: '', keyword: 'unplanned', message: 'event "Cart Abandoned" is not in tracking plan shop@1.2.0' },
    ]],
    ['an event named like an Object.prototype member', { type: 'track', event: 'constructor' }, [
      { type: 'Unplanned-Event', instancePath: '/event', schemaPath: '', keyword: 'unplanned' },
    ]],
    ['a page name the plan does not list', { type: 'page', name: 'Blog', properties: { path: '/blog' } }, [
      { type: 'Unplanned-Event', instancePath: '/name', schemaPath: '#/properties/name/enum', keyword: 'enum', message: 'page name "Blog" is not in tracking plan shop@1.2.0 (planned: Home, Pricing)' },
    ]],
    ['a page without a name when the plan lists names, and a bad path', { type: 'page', properties: { path: 'blog' } }, [
      { type: 'Required-Missing', instancePath: '', schemaPath: '#/required', keyword: 'required' },
      { type: 'Advance-Rules-Violation', property: 'path', instancePath: '/properties/path', schemaPath: `${P}/properties/path/pattern`, keyword: 'pattern' },
    ]],
    ['an unplanned identify trait', { type: 'identify', traits: { email: 'a@b.co', phone: '555' } }, [
      { type: 'Additional-Properties', property: 'phone', instancePath: '/traits', schemaPath: '#/properties/traits/additionalProperties', keyword: 'additionalProperties', message: 'traits.phone is not in the plan' },
    ]],
    ['a group without its required trait', { type: 'group', groupId: 'g', traits: {} }, [
      { type: 'Required-Missing', property: 'name', instancePath: '/traits', schemaPath: '#/properties/traits/required', keyword: 'required' },
    ]],
  ];
  it.each(invalid)('%s', (_name, message, expected) => {
    const result = validator.validate(message);
    expect(result.valid).toBe(false);
    expect(result.violations.map((v) => ({
      type: v.type,
      ...(v.property !== undefined ? { property: v.property } : {}),
      ...v.meta,
      ...(expected.some((e) => e.message !== undefined) ? { message: v.message } : {}),
    }))).toEqual(expected.map((e) => (expected.some((x) => x.message !== undefined) ? { ...e, message: e.message ?? expect.any(String) } : e)));
  });
});

describe('createValidator: input that is not an event is a dropped Malformed-Event', () => {
  const malformed: [string, unknown, string, string][] = [
    ['null', null, 'notObject', 'message is not a JSON object (got null)'],
    ['a number', 42, 'notObject', 'message is not a JSON object (got number)'],
    ['a string', 'track', 'notObject', 'message is not a JSON object (got string)'],
    ['an array', [{ type: 'track' }], 'notObject', 'message is not a JSON object (got array)'],
    ['an object without type', { event: 'x' }, 'missingType', 'message has no "type"'],
    ['a type that is not a string', { type: 5 }, 'unknownType', '"type" is number; expected one of track, identify, page, screen, group, alias'],
    ['an unknown call type', { type: 'batch' }, 'unknownType', '"type" is "batch"; expected one of track, identify, page, screen, group, alias'],
    ['track without event', { type: 'track', properties: {} }, 'missingEvent', 'track message has no "event"'],
    ['track with an empty event', { type: 'track', event: '' }, 'invalidEvent', '"event" must be a non-empty string, got an empty string'],
    ['track with a numeric event', { type: 'track', event: 7 }, 'invalidEvent', '"event" must be a non-empty string, got number'],
  ];
  it.each(malformed)('%s', (_name, message, keyword, text) => {
    const result = validator.validate(message);
    expect(result).toMatchObject({ valid: false, outcome: 'dropped', message: undefined, input: message });
    expect(result.violations).toEqual([{ type: 'Malformed-Event', message: text, meta: { instancePath: expect.any(String), schemaPath: '', keyword } }]);
  });

  it('never throws, even for an object whose getters throw', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } });
    const result = validator.validate(hostile);
    expect(result.outcome).toBe('dropped');
    expect(result.violations[0]).toMatchObject({ type: 'Malformed-Event', message: 'could not validate the message: boom', meta: { keyword: 'internal' } });
  });
});

describe('createValidator: safety', () => {
  it('reports __proto__ keys as unplanned properties and never changes a prototype', () => {
    const message = JSON.parse('{"type":"identify","traits":{"email":"a@b.co","__proto__":{"polluted":true}},"__proto__":{"polluted":true}}');
    const strict = createValidator(plan, { policy: { unplanned_properties: 'drop' } });
    const result = strict.validate(message);
    expect(result.violations.map((v) => [v.type, v.property])).toEqual([['Additional-Properties', '__proto__']]);
    expect(result.outcome).toBe('stripped');
    const traits = result.message!['traits'] as object;
    expect(Object.keys(traits)).toEqual(['email']);
    expect(Object.getPrototypeOf(traits)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.message!['context'])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never modifies the message it is given (deep-frozen input, strip and propagate)', () => {
    const deepFreeze = (value: unknown): unknown => {
      if (value && typeof value === 'object') {
        Object.values(value).forEach(deepFreeze);
        Object.freeze(value);
      }
      return value;
    };
    const input = order({ extra: 1, products: [{ sku: 'ABC-1', price: 1, junk: true }] }, { context: { ip: '10.0.0.1' } });
    const copy = structuredClone(input);
    deepFreeze(input);
    const result = createValidator(plan, { policy: { unplanned_properties: 'drop' } }).validate(input);
    expect(input).toEqual(copy);
    expect(result.outcome).toBe('stripped');
    expect(result.message).toEqual({
      ...copy,
      properties: { order_id: 'o-1', total: 42.5, currency: 'EUR', products: [{ sku: 'ABC-1', price: 1 }] },
      context: { ip: '10.0.0.1', violationErrors: result.violations, trackingPlanId: 'shop', trackingPlanVersion: '1.2.0' },
    });
    expect(result.input).toBe(input);
  });

  it('formats the record of a dropped message too deep for JSON.stringify without throwing', () => {
    const text = `{"type":"track","event":"Unplanned","properties":{"deep":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
    const result = createValidator(plan, { policy: { unplanned_events: 'drop' } }).validate(JSON.parse(text));
    expect(result.outcome).toBe('dropped');
    // 40 KB of raw text is over the record limit (the 32 KiB message limit): an excerpt is kept.
    const record = JSON.parse(formatViolationRecord(result, 7, text)) as { excerpt: string };
    expect(record).toMatchObject({ line: 7, event: 'Unplanned', outcome: 'dropped', truncated: true });
    expect(text.startsWith(record.excerpt) && record.excerpt.length > 1000).toBe(true);
    expect(JSON.parse(formatViolationRecord(result, 7, text, { maxBytes: 1 << 20 }))).toMatchObject({ raw: text });
    const withoutRaw = JSON.parse(formatViolationRecord(result));
    expect(withoutRaw).toMatchObject({ line: null, event: 'Unplanned', outcome: 'dropped' });
    expect(withoutRaw).not.toHaveProperty('message');
  });

  it('checks `full` formats when asked (a calendar date), `fast` ones by default', () => {
    const viewed = plan.events.find((e) => e.name === 'Product Viewed')!;
    const datePlan: CompiledPlan = {
      ...plan,
      events: [{ ...viewed, dataSchema: { type: 'object', properties: { day: { type: 'string', format: 'date' } } } }],
    };
    const message = { type: 'track', event: 'Product Viewed', properties: { day: '2024-02-30' } };
    expect(createValidator(datePlan).validate(message).valid).toBe(true);
    expect(createValidator(datePlan, { formats: 'full' }).validate(message).violations.map((v) => v.meta.keyword)).toEqual(['format']);
  });
});
