import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const order = (extra: string) => `analytics.track('Order Completed', { order_id: 'o-1', total: 3, ${extra} });`;
// Column of the first character after `total: 3, ` in order(...).
const AT = 65;

const cases: RuleCase[] = [
  { name: 'literals of the planned types', code: order(`quantity: 2, coupon: null, shipping: { method: 'air', express: false }`), expected: [] },
  { name: 'a number where a string is planned', code: `analytics.track('Order Completed', { order_id: 7, total: 3 });`, expected: [
    { messageId: 'typeMismatch', line: 1, column: 48, endLine: 1, endColumn: 49, data: { property: 'order_id', event: '"Order Completed"', expected: 'a string', found: 'the number 7' } },
  ] },
  { name: 'a fraction where an integer is planned', code: order(`quantity: 1.5`), expected: [
    { messageId: 'typeMismatch', line: 1, column: AT + 10, endLine: 1, endColumn: AT + 13, data: { property: 'quantity', event: '"Order Completed"', expected: 'a integer', found: 'the number 1.5' } },
  ] },
  { name: 'null where null is not allowed', code: `analytics.track('Order Completed', { order_id: 'o-1', total: null });`, expected: [
    { messageId: 'typeMismatch', line: 1, column: 62, endLine: 1, endColumn: 66, data: { property: 'total', event: '"Order Completed"', expected: 'a number', found: 'null' } },
  ] },
  { name: 'an object where a string is planned', code: order(`coupon: { code: 'x' }`), expected: [
    { messageId: 'typeMismatch', line: 1, column: AT + 8, endLine: 1, endColumn: AT + 21, data: { property: 'coupon', event: '"Order Completed"', expected: 'string | null', found: 'an object' } },
  ] },
  { name: 'a template literal is a string', code: `const id = 7;\nanalytics.track('Order Completed', { order_id: \`o-\${id}\`, total: 3 });`, expected: [] },
  {
    name: 'a variable typed number where a string is planned (type checker)',
    code: `declare const id: number;\nanalytics.track('Order Completed', { order_id: id, total: 3 });`,
    expected: [
      { messageId: 'typeMismatch', line: 2, column: 48, endLine: 2, endColumn: 50, data: { property: 'order_id', event: '"Order Completed"', expected: 'a string', found: 'type number' } },
    ],
  },
  { name: 'the same without the checker cannot tell', typeCheck: false, code: `declare const id: number;\nanalytics.track('Order Completed', { order_id: id, total: 3 });`, expected: [] },
  {
    name: 'a union with a kind the plan does not allow',
    code: `declare const id: string | number;\nanalytics.track('Order Completed', { order_id: id, total: 3 });`,
    expected: [
      { messageId: 'typeMismatch', line: 2, column: 48, endLine: 2, endColumn: 50, data: { property: 'order_id', event: '"Order Completed"', expected: 'a string', found: 'type string | number' } },
    ],
  },
  { name: 'an optional value is fine', code: `declare const c: string | undefined;\n${order('coupon: c')}`, expected: [] },
  { name: 'a Date serializes to a string', code: `analytics.track('Signed Up', { email: 'a@b.co', referral: new Date() });`, expected: [] },
  { name: 'an array item of the wrong type', code: order(`items: [{ sku: 'a', price: 'free' }]`), expected: [
    { messageId: 'typeMismatch', line: 1, column: AT + 27, endLine: 1, endColumn: AT + 33, data: { property: 'items[0].price', event: '"Order Completed"', expected: 'a number', found: 'the string "free"' } },
  ] },
  { name: 'a value known only as any is never reported', code: `declare const x: any;\n${order('coupon: x')}`, expected: [] },
];

describe('property-type-mismatch', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('property-type-mismatch', testCase);
    expect(actual).toEqual(wanted);
  });
});
