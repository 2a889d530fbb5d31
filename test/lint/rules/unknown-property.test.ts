import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const cases: RuleCase[] = [
  { name: 'planned properties only', code: `analytics.track('Signed Up', { email: 'a@b.co', referral: 'x' });`, expected: [] },
  { name: 'a misspelt property', code: `analytics.track('Signed Up', { email: 'a@b.co', refferal: 'x' });`, expected: [
    { messageId: 'unknownProperty', line: 1, column: 49, endLine: 1, endColumn: 57, data: { property: 'refferal', event: '"Signed Up"', hint: ' (did you mean "referral"?)' } },
  ] },
  { name: 'a quoted key', code: `analytics.track('Signed Up', { email: 'a@b.co', 'utm source': 'x' });`, expected: [{ messageId: 'unknownProperty', line: 1, column: 49, endLine: 1, endColumn: 61, data: { property: 'utm source', event: '"Signed Up"', hint: '' } }] },
  { name: 'an event that allows other properties', code: `analytics.track('Anything Goes', { label: 'a', other: 1 });`, expected: [] },
  {
    name: 'a nested object with a key it does not plan',
    code: `analytics.track('Order Completed', {\n  order_id: 'o-1',\n  total: 3,\n  shipping: { method: 'air', speed: 'fast' },\n});`,
    expected: [
      { messageId: 'unknownProperty', line: 4, column: 30, endLine: 4, endColumn: 35, data: { property: 'shipping.speed', event: '"Order Completed"', hint: '' } },
    ],
  },
  { name: 'a free-form object takes any key', code: `analytics.track('Order Completed', { order_id: 'o-1', total: 3, meta: { any: 1 } });`, expected: [] },
  { name: 'a computed key from a const', code: `const KEY = 'coupons';\nanalytics.track('Order Completed', { order_id: 'o-1', total: 3, [KEY]: 'x' });`, expected: [
    { messageId: 'unknownProperty', line: 2, column: 65, endLine: 2, endColumn: 70, data: { property: 'coupons', event: '"Order Completed"', hint: ' (did you mean "coupon"?)' } },
  ] },
  {
    name: 'a typed variable with a property the plan lacks (type checker)',
    code: `declare const props: { email: string; source: string };\nanalytics.track('Signed Up', props);`,
    expected: [{ messageId: 'unknownProperty', line: 2, column: 30, endLine: 2, endColumn: 35, data: { property: 'source', event: '"Signed Up"', hint: '' } }],
  },
  {
    name: 'an optional property of a type may never be sent (an SDK traits type)',
    code: `import type { IdentifyTraits } from '@rudderstack/analytics-js';\nexport function send(traits: IdentifyTraits & { email: string }) {\n  analytics.identify('u', traits);\n}`,
    expected: [],
  },
  {
    name: 'a key of a conditional spread is written, so it is judged',
    code: `declare const c: boolean;\nanalytics.track('Signed Up', { email: 'a@b.co', ...(c ? { refferal: 'x' } : {}) });`,
    expected: [
      { messageId: 'unknownProperty', line: 2, column: 59, endLine: 2, endColumn: 67, data: { property: 'refferal', event: '"Signed Up"', hint: ' (did you mean "referral"?)' } },
    ],
  },
  { name: 'methods are not sent', code: `analytics.track('Signed Up', { email: 'a@b.co', toString() { return 'x'; } });`, expected: [] },
];

describe('unknown-property', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('unknown-property', testCase);
    expect(actual).toEqual(wanted);
  });
});
