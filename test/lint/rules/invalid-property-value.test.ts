import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const order = (extra: string) => `analytics.track('Order Completed', { order_id: 'o-1', total: 3, ${extra} });`;
const AT = 65;

const cases: RuleCase[] = [
  { name: 'values inside every constraint', code: order(`quantity: 100, coupon: 'SPRING', plan: 'pro', shipping: { method: 'ground' }`), expected: [] },
  { name: 'a value outside the enum', code: order(`plan: 'proo'`), expected: [
    { messageId: 'notInEnum', line: 1, column: AT + 6, endLine: 1, endColumn: AT + 12, data: { property: 'plan', event: '"Order Completed"', value: '"proo"', allowed: '"free", "pro", "enterprise"', hint: ' (did you mean "pro"?)' } },
  ] },
  { name: 'a nested value outside the enum', code: order(`shipping: { method: 'sea' }`), expected: [
    { messageId: 'notInEnum', line: 1, column: AT + 20, endLine: 1, endColumn: AT + 25, data: { property: 'shipping.method', event: '"Order Completed"', value: '"sea"', allowed: '"ground", "air"', hint: '' } },
  ] },
  { name: 'a string that misses the pattern', code: `analytics.track('Order Completed', { order_id: 'x-1', total: 3 });`, expected: [
    { messageId: 'patternMismatch', line: 1, column: 48, endLine: 1, endColumn: 53, data: { property: 'order_id', event: '"Order Completed"', value: '"x-1"', pattern: '^o-[0-9]+$' } },
  ] },
  { name: 'a string that is not the planned format', code: `analytics.track('Signed Up', { email: 'not-an-email' });`, expected: [
    { messageId: 'formatMismatch', line: 1, column: 39, endLine: 1, endColumn: 53, data: { property: 'email', event: '"Signed Up"', value: '"not-an-email"', format: 'email' } },
  ] },
  { name: 'a number below the minimum', code: `analytics.track('Order Completed', { order_id: 'o-1', total: -1 });`, expected: [
    { messageId: 'outOfRange', line: 1, column: 62, endLine: 1, endColumn: 64, data: { property: 'total', event: '"Order Completed"', value: '-1', comparison: 'below the minimum', limit: 0 } },
  ] },
  { name: 'a number above the maximum', code: order(`quantity: 101`), expected: [
    { messageId: 'outOfRange', line: 1, column: AT + 10, endLine: 1, endColumn: AT + 13, data: { property: 'quantity', event: '"Order Completed"', value: '101', comparison: 'above the maximum', limit: 100 } },
  ] },
  { name: 'a string too short', code: order(`coupon: 'AB'`), expected: [
    { messageId: 'badLength', line: 1, column: AT + 8, endLine: 1, endColumn: AT + 12, data: { property: 'coupon', event: '"Order Completed"', value: '"AB"', length: 2, comparison: 'fewer than', limit: 3 } },
  ] },
  { name: 'null for a nullable property', code: order(`coupon: null`), expected: [] },
  { name: 'an enum member', code: `enum Plan { Pro = 'pro', Gold = 'gold' }\n${order('plan: Plan.Gold')}`, expected: [
    { messageId: 'notInEnum', line: 2, column: AT + 6, endLine: 2, endColumn: AT + 15, data: { property: 'plan', event: '"Order Completed"', value: '"gold"', allowed: '"free", "pro", "enterprise"', hint: '' } },
  ] },
  {
    name: 'each literal of a union type (type checker)',
    code: `declare const plan: 'free' | 'gold';\n${order('plan')}`,
    expected: [
      { messageId: 'notInEnum', line: 2, column: AT, endLine: 2, endColumn: AT + 4, data: { property: 'plan', event: '"Order Completed"', value: '"gold"', allowed: '"free", "pro", "enterprise"', hint: '' } },
    ],
  },
  { name: 'a conditional of literals', code: `declare const yearly: boolean;\n${order(`plan: yearly ? 'pro' : 'gold'`)}`, expected: [
    { messageId: 'notInEnum', line: 2, column: AT + 6, endLine: 2, endColumn: AT + 29, data: { property: 'plan', event: '"Order Completed"', value: '"gold"', allowed: '"free", "pro", "enterprise"', hint: '' } },
  ] },
  { name: 'a value of another type is left to property-type-mismatch', code: order(`plan: 3`), expected: [] },
];

describe('invalid-property-value', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('invalid-property-value', testCase);
    expect(actual).toEqual(wanted);
  });
});
