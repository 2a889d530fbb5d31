import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const order = (extra: string) => `analytics.track('Order Completed', { order_id: 'o-1', total: 3, ${extra} });`;
const AT = 65;

const cases: RuleCase[] = [
  { name: 'values inside every constraint', code: order(`quantity: 100, coupon: 'SPRING', plan: 'pro', shipping: { method: 'ground' }`), expected: [] },
  { name: 'a value outside the enum', code: order(`plan: 'proo'`), expected: [['notInEnum', 1, AT + 6]] },
  { name: 'a nested value outside the enum', code: order(`shipping: { method: 'sea' }`), expected: [['notInEnum', 1, AT + 20]] },
  { name: 'a string that misses the pattern', code: `analytics.track('Order Completed', { order_id: 'x-1', total: 3 });`, expected: [['patternMismatch', 1, 48]] },
  { name: 'a string that is not the planned format', code: `analytics.track('Signed Up', { email: 'not-an-email' });`, expected: [['formatMismatch', 1, 39]] },
  { name: 'a number below the minimum', code: `analytics.track('Order Completed', { order_id: 'o-1', total: -1 });`, expected: [['outOfRange', 1, 62]] },
  { name: 'a number above the maximum', code: order(`quantity: 101`), expected: [['outOfRange', 1, AT + 10]] },
  { name: 'a string too short', code: order(`coupon: 'AB'`), expected: [['badLength', 1, AT + 8]] },
  { name: 'null for a nullable property', code: order(`coupon: null`), expected: [] },
  { name: 'an enum member', code: `enum Plan { Pro = 'pro', Gold = 'gold' }\n${order('plan: Plan.Gold')}`, expected: [['notInEnum', 2, AT + 6]] },
  {
    name: 'each literal of a union type (type checker)',
    code: `declare const plan: 'free' | 'gold';\n${order('plan')}`,
    expected: [['notInEnum', 2, AT]],
  },
  { name: 'a conditional of literals', code: `declare const yearly: boolean;\n${order(`plan: yearly ? 'pro' : 'gold'`)}`, expected: [['notInEnum', 2, AT + 6]] },
  { name: 'a value of another type is left to property-type-mismatch', code: order(`plan: 3`), expected: [] },
];

describe('invalid-property-value', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('invalid-property-value', testCase);
    expect(actual).toEqual(wanted);
  });
});
