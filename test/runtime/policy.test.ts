import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPlan } from '../../src/core/compiled-plan.js';
import type { PolicyIR } from '../../src/core/ir.js';
import { resolvePolicy } from '../../src/runtime/policy.js';
import type { ValidatorOptions } from '../../src/runtime/types.js';
import { createValidator } from '../../src/runtime/validator.js';
import { tempTree } from '../helpers/temp.js';
import { compilePlanDir, order, SHOP_PLAN } from './helpers.js';

let shop: CompiledPlan;
beforeAll(async () => {
  shop = await compilePlanDir(SHOP_PLAN);
});

const FORWARD: PolicyIR = {
  unplanned_events: 'forward', unplanned_properties: 'forward', other_violations: 'forward', propagate_violations: true, overrides: {},
};

function validatorWith(policy: Partial<PolicyIR>, options: ValidatorOptions = {}) {
  return createValidator({ ...shop, policy: { ...FORWARD, ...policy } }, options);
}

describe('resolvePolicy', () => {
  const plan: PolicyIR = { ...FORWARD, other_violations: 'drop', overrides: { identify: { unplanned_properties: 'drop' } } };
  const cases: [string, Parameters<typeof resolvePolicy>[1], Parameters<typeof resolvePolicy>[2], Partial<PolicyIR>][] = [
    ['plan-wide settings', 'track', undefined, { unplanned_properties: 'forward', other_violations: 'drop' }],
    ["the plan's per-call override", 'identify', undefined, { unplanned_properties: 'drop', other_violations: 'drop' }],
    ["an option beats the plan's per-call override", 'identify', { unplanned_properties: 'forward' }, { unplanned_properties: 'forward' }],
    ['a per-call option beats a plan-wide option', 'page', { other_violations: 'forward', overrides: { page: { other_violations: 'drop' } } }, { other_violations: 'drop' }],
    ['options for another call do not apply', 'track', { overrides: { page: { propagate_violations: false } } }, { propagate_violations: true }],
  ];
  it.each(cases)('%s', (_name, call, override, expected) => {
    expect(resolvePolicy(plan, call, override)).toMatchObject(expected);
  });
});

describe('policies: what happens to each event', () => {
  it('unplanned_events: drop drops an unplanned event and keeps it as the input', () => {
    const message = { type: 'track', event: 'Cart Abandoned', properties: {} };
    const result = validatorWith({ unplanned_events: 'drop' }).validate(message);
    expect(result).toMatchObject({ valid: false, outcome: 'dropped', message: undefined, input: message });
  });

  it('forwards violating events unchanged when propagate_violations is off', () => {
    const message = order({ total: 'x' });
    const result = validatorWith({ propagate_violations: false }).validate(message);
    expect(result.outcome).toBe('forwarded');
    expect(result.message).toBe(message);
  });

  it('propagate_violations attaches violations, plan id and version to context', () => {
    const message = order({ total: 'x' }, { context: { library: { name: 'analytics-node' }, violationErrors: ['stale'] } });
    const result = validatorWith({}).validate(message);
    expect(result.message).toEqual({
      ...message,
      context: {
        library: { name: 'analytics-node' },
        violationErrors: [{
          type: 'Datatype-Mismatch', property: 'total', message: 'properties.total must be number, got string',
          meta: { instancePath: '/properties/total', schemaPath: '#/properties/properties/properties/total/type', keyword: 'type' },
        }],
        trackingPlanId: 'shop',
        trackingPlanVersion: '1.2.0',
      },
    });
  });

  it('leaves a context that is not an object alone rather than lose it', () => {
    const message = order({ total: 'x' }, { context: 'web' });
    const result = validatorWith({}).validate(message);
    expect(result.outcome).toBe('forwarded');
    expect(result.message).toBe(message);
  });

  it('unplanned_properties: drop strips unplanned properties at every depth and keeps the event', () => {
    const message = order({ extra: 1, products: [{ sku: 'ABC-1', price: 1, junk: true }, { sku: 'ABC-2', price: 2 }] });
    const result = validatorWith({ unplanned_properties: 'drop', propagate_violations: false }).validate(message);
    expect(result.outcome).toBe('stripped');
    expect(result.violations.map((v) => v.property)).toEqual(['extra', 'products.0.junk']);
    expect(result.message).toEqual({
      ...message,
      properties: { order_id: 'o-1', total: 42.5, currency: 'EUR', products: [{ sku: 'ABC-1', price: 1 }, { sku: 'ABC-2', price: 2 }] },
    });
  });

  it('strips and forwards when other violations are forwarded', () => {
    const result = validatorWith({ unplanned_properties: 'drop', propagate_violations: false }).validate(order({ extra: 1, total: -1 }));
    expect(result.outcome).toBe('stripped');
    expect(result.violations.map((v) => v.type)).toEqual(['Additional-Properties', 'Advance-Rules-Violation']);
    expect(result.message!['properties']).not.toHaveProperty('extra');
  });

  const otherDrop: [string, Record<string, unknown>, string][] = [
    ['a wrong type', order({ total: 'x' }), 'dropped'],
    ['a missing required property', order({ order_id: undefined }), 'dropped'],
    ['a broken rule', order({ currency: 'GBP' }), 'dropped'],
    ['an unplanned property alone', order({ extra: 1 }), 'forwarded'],
    ['an unplanned event alone', { type: 'track', event: 'Other' }, 'forwarded'],
  ];
  it.each(otherDrop)('other_violations: drop with %s', (_name, message, outcome) => {
    expect(validatorWith({ other_violations: 'drop' }).validate(message).outcome).toBe(outcome);
  });

  it('applies per-call-type overrides of the plan', () => {
    const validator = validatorWith({ overrides: { identify: { unplanned_properties: 'drop' } } });
    expect(validator.validate({ type: 'identify', traits: { email: 'a@b.co', phone: '1' } }).outcome).toBe('stripped');
    expect(validator.validate(order({ extra: 1 })).outcome).toBe('forwarded');
  });

  it('lets options override the plan', () => {
    const validator = validatorWith({ unplanned_events: 'drop' }, { policy: { unplanned_events: 'forward' } });
    expect(validator.validate({ type: 'track', event: 'Other' }).outcome).toBe('forwarded');
  });

  it('always drops malformed events, whatever the policy', () => {
    expect(validatorWith({}).validate({ type: 'track' }).outcome).toBe('dropped');
  });
});

describe('identify traits under context.traits (RudderStack JS SDK v1)', () => {
  it('validates and strips there, with paths against the whole event', async () => {
    const dir = await tempTree({
      'plan/plan.yaml': 'trackplan: 1\nid: legacy\nname: Legacy\nversion: 0.1.0\npolicy:\n  identify: { unplanned_properties: drop }\n',
      'plan/calls.yaml': 'identify:\n  identity_section: context.traits\n  traits:\n    email: { type: string, required: true }\n',
    });
    const validator = createValidator(await compilePlanDir(`${dir}/plan`));
    const message = { type: 'identify', userId: 'u', context: { traits: { email: 'a@b.co', age: 40 }, ip: '1.2.3.4' } };
    const result = validator.validate(message);
    expect(result.violations).toEqual([{
      type: 'Additional-Properties', property: 'age', message: 'context.traits.age is not in the plan',
      meta: { instancePath: '/context/traits', schemaPath: '#/properties/context/properties/traits/additionalProperties', keyword: 'additionalProperties' },
    }]);
    expect(result.outcome).toBe('stripped');
    expect(result.message!['context']).toEqual({
      traits: { email: 'a@b.co' }, ip: '1.2.3.4', violationErrors: result.violations, trackingPlanId: 'legacy', trackingPlanVersion: '0.1.0',
    });
    expect(validator.validate({ type: 'identify', context: {} }).violations.map((v) => v.message)).toEqual(['required property context.traits.email is missing']);
  });
});
