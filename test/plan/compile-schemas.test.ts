import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSchemaFiles } from '../../src/core/compile.js';
import { hasErrors } from '../../src/core/diagnostics.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { strictAjv } from '../helpers/ajv.js';

const fixture = path.join(import.meta.dirname, '../fixtures/plans/full');

async function compileFixture() {
  const { plan, diagnostics } = await loadPlan(fixture);
  expect(diagnostics).toEqual([]);
  expect(plan && !hasErrors(diagnostics)).toBe(true);
  const files = compileSchemaFiles(plan!);
  const ajv = strictAjv();
  const validator = (file: string) => ajv.compile(JSON.parse(files.get(file)!) as object);
  return { plan: plan!, files, validator };
}

const order = {
  type: 'track',
  event: 'Order Completed',
  userId: 'u1',
  context: { library: { name: 'analytics.js' } },
  properties: {
    order_id: 'o-1',
    total: 12.5,
    currency: 'EUR',
    email: 'ada@example.com',
    coupon: null,
    tier: null,
    items: [{ product: { sku: 'ABC-1234' }, quantity: 2 }],
    shipping: { method: 'express', address: { street: 'Main St', anything: 1 } },
    placed_at: '2026-11-26T10:00:00Z',
    ref: 42,
    metadata: { free: { form: true } },
    extra: [1, 'two'],
  },
};

type Mutation = [string, (event: typeof order) => unknown, string];
const without = (key: keyof typeof order.properties) => (e: typeof order) => {
  const { [key]: _gone, ...properties } = e.properties;
  return { ...e, properties };
};
const withProps = (patch: Record<string, unknown>) => (e: typeof order) => ({ ...e, properties: { ...e.properties, ...patch } });

describe('JSON Schemas of a plan that uses every part of the format', () => {
  it('compiles every schema under ajv strict mode', async () => {
    const { files, validator } = await compileFixture();
    const schemaFiles = [...files.keys()].filter((f) => f.startsWith('schemas/'));
    expect(schemaFiles.sort()).toEqual([
      'schemas/group/group.json',
      'schemas/identify/identify.json',
      'schemas/page/page.json',
      'schemas/screen/screen.json',
      'schemas/track/cafe-visited.json',
      'schemas/track/checkout-step-viewed.json',
      'schemas/track/order-completed.json',
      'schemas/track/signed_up.json',
    ]);
    for (const file of schemaFiles) expect(() => validator(file)).not.toThrow();
  });

  it('accepts a correct Order Completed event', async () => {
    const { validator } = await compileFixture();
    const validate = validator('schemas/track/order-completed.json');
    expect(validate(order), JSON.stringify(validate.errors)).toBe(true);
  });

  const invalid: Mutation[] = [
    ['a missing required property', without('order_id'), 'required'],
    ['a missing required library property', without('currency'), 'required'],
    ['a wrong type', withProps({ total: '12.5' }), 'type'],
    ['a negative amount (custom type minimum)', withProps({ total: -1 }), 'minimum'],
    ['an unplanned property', withProps({ discount: 3 }), 'additionalProperties'],
    ['a value outside the enum', withProps({ currency: 'GBP' }), 'enum'],
    ['null where not nullable', withProps({ order_id: null }), 'type'],
    ['a string too long', withProps({ order_id: 'x'.repeat(65) }), 'maxLength'],
    ['a bad email format', withProps({ email: 'not-an-email' }), 'format'],
    ['a bad date-time format', withProps({ placed_at: 'yesterday' }), 'format'],
    ['an item missing a nested required property', withProps({ items: [{ product: {}, quantity: 1 }] }), 'required'],
    ['an item with a bad pattern', withProps({ items: [{ product: { sku: 'abc' }, quantity: 1 }] }), 'pattern'],
    ['an item with an unplanned property', withProps({ items: [{ product: { sku: 'ABC-1234' }, quantity: 1, gift: true }] }), 'additionalProperties'],
    ['a float where an integer is planned', withProps({ items: [{ product: { sku: 'ABC-1234' }, quantity: 1.5 }] }), 'type'],
    ['a nested object with an unplanned key', withProps({ shipping: { method: 'standard', speed: 1 } }), 'additionalProperties'],
    ['a union member breaking its own constraint', withProps({ ref: 'x' }), 'minLength'],
    ['a union member of neither type', withProps({ ref: true }), 'type'],
    ['an enum value outside a nullable enum', withProps({ tier: 'gold' }), 'enum'],
    ['no properties at all', (e) => ({ ...e, properties: undefined }), 'required'],
    ['another event name', (e) => ({ ...e, event: 'Order Refunded' }), 'const'],
  ];

  it.each(invalid)('rejects %s', async (_name, mutate, keyword) => {
    const { validator } = await compileFixture();
    const validate = validator('schemas/track/order-completed.json');
    expect(validate(JSON.parse(JSON.stringify(mutate(order))))).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toContain(keyword);
  });

  it('keeps integer and number apart, and open events open', async () => {
    const { validator } = await compileFixture();
    const step = validator('schemas/track/checkout-step-viewed.json');
    expect(step({ event: 'checkout/step.viewed', properties: { step: 3, ratio: 0.5, free: 'x' } })).toBe(true);
    expect(step({ event: 'checkout/step.viewed', properties: { step: 3.5 } })).toBe(false);
    expect(step({ event: 'checkout/step.viewed', properties: { step: 6 } })).toBe(false);
    const cafe = validator('schemas/track/cafe-visited.json');
    expect(cafe({ event: 'Café Visited' })).toBe(true);
    expect(cafe({ event: 'Café Visited', properties: { any: 1 } })).toBe(false);
  });

  it('validates identify traits where the plan puts them (context.traits)', async () => {
    const { validator } = await compileFixture();
    const identify = validator('schemas/identify/identify.json');
    expect(identify({ type: 'identify', userId: 'u', context: { traits: { email: 'a@b.co', plan: 'pro' } } })).toBe(true);
    expect(identify({ type: 'identify', userId: 'u', context: { traits: { plan: 'pro' } } })).toBe(false);
    expect(identify({ type: 'identify', userId: 'u', context: { traits: { email: 'a@b.co', plan: 'gold' } } })).toBe(false);
  });

  it('checks planned page names and group traits', async () => {
    const { validator } = await compileFixture();
    const page = validator('schemas/page/page.json');
    expect(page({ type: 'page', name: 'Home', properties: { path: '/' } })).toBe(true);
    expect(page({ type: 'page', name: 'Blog', properties: { path: '/' } })).toBe(false);
    expect(page({ type: 'page', name: 'Home', properties: { path: 'relative' } })).toBe(false);
    const group = validator('schemas/group/group.json');
    expect(group({ type: 'group', groupId: 'g', traits: { name: 'Acme', employees: 10 } })).toBe(true);
    expect(group({ type: 'group', groupId: 'g', traits: { employees: 10 } })).toBe(false);
  });

  it('resolves custom types, library references and overrides into the IR', async () => {
    const { plan } = await compileFixture();
    const event = plan.events.find((e) => e.name === 'Order Completed')!;
    const prop = (name: string) => event.properties.find((p) => p.name === name)!;
    expect(prop('total')).toMatchObject({ type: ['number'], typeNames: ['money'], minimum: 0, required: true });
    expect(prop('email')).toMatchObject({ type: ['string'], format: 'email', pii: true, fromLibrary: true, required: true, description: 'Library email.' });
    expect(prop('currency')).toMatchObject({ enum: ['EUR', 'USD'], required: true, fromLibrary: true });
    expect(prop('tier')).toMatchObject({ nullable: true, enum: ['free', 'pro', null] });
    expect(prop('ref').type).toEqual(['string', 'integer']);
    expect(prop('metadata').additionalProperties).toBe(true);
    expect(plan.types.find((t) => t.name === 'price')).toMatchObject({ type: ['number'], minimum: 0, maximum: 100000, typeNames: ['money'] });
    expect(plan.library.find((p) => p.name === 'product')?.used).toBe(false);
    expect(plan.types.find((t) => t.name === 'sku')?.used).toBe(true);
    expect(plan.policy).toEqual({
      unplanned_events: 'drop', unplanned_properties: 'drop', other_violations: 'forward', propagate_violations: false,
      overrides: { track: { unplanned_properties: 'forward' }, page: { other_violations: 'drop', propagate_violations: true } },
    });
    expect(plan.rules.map((r) => [r.ruleId, r.severity, r.options])).toEqual([
      ['require-description', 'warn', undefined],
      ['naming-convention', 'error', { events: 'snake_case' }],
    ]);
    expect(plan.events.map((e) => `${e.call}:${e.name}`)).toEqual([
      'track:Café Visited', 'track:Order Completed', 'track:checkout/step.viewed', 'track:signed_up',
      'identify:identify', 'page:page', 'screen:screen', 'group:group',
    ]);
  });

  it('is byte-deterministic and names the plan in every file', async () => {
    const first = (await compileFixture()).files;
    const second = (await compileFixture()).files;
    expect([...second]).toEqual([...first]);
    for (const content of first.values()) {
      expect(content.startsWith('{\n  "$comment": "Generated by trackplan from plan full-fixture@2.1.0-beta.1.')).toBe(true);
      expect(content.endsWith('}\n')).toBe(true);
    }
  });
});
