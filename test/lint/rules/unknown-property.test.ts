import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const cases: RuleCase[] = [
  { name: 'planned properties only', code: `analytics.track('Signed Up', { email: 'a@b.co', referral: 'x' });`, expected: [] },
  { name: 'a misspelt property', code: `analytics.track('Signed Up', { email: 'a@b.co', refferal: 'x' });`, expected: [['unknownProperty', 1, 49]] },
  { name: 'a quoted key', code: `analytics.track('Signed Up', { email: 'a@b.co', 'utm source': 'x' });`, expected: [['unknownProperty', 1, 49]] },
  { name: 'an event that allows other properties', code: `analytics.track('Anything Goes', { label: 'a', other: 1 });`, expected: [] },
  {
    name: 'a nested object with a key it does not plan',
    code: `analytics.track('Order Completed', {\n  order_id: 'o-1',\n  total: 3,\n  shipping: { method: 'air', speed: 'fast' },\n});`,
    expected: [['unknownProperty', 4, 30]],
  },
  { name: 'a free-form object takes any key', code: `analytics.track('Order Completed', { order_id: 'o-1', total: 3, meta: { any: 1 } });`, expected: [] },
  { name: 'a computed key from a const', code: `const KEY = 'coupons';\nanalytics.track('Order Completed', { order_id: 'o-1', total: 3, [KEY]: 'x' });`, expected: [['unknownProperty', 2, 65]] },
  {
    name: 'a typed variable with a property the plan lacks (type checker)',
    code: `declare const props: { email: string; source: string };\nanalytics.track('Signed Up', props);`,
    expected: [['unknownProperty', 2, 30]],
  },
  {
    name: 'an optional property of a type may never be sent (an SDK traits type)',
    code: `import type { IdentifyTraits } from '@rudderstack/analytics-js';\nexport function send(traits: IdentifyTraits & { email: string }) {\n  analytics.identify('u', traits);\n}`,
    expected: [],
  },
  {
    name: 'a key of a conditional spread is written, so it is judged',
    code: `declare const c: boolean;\nanalytics.track('Signed Up', { email: 'a@b.co', ...(c ? { refferal: 'x' } : {}) });`,
    expected: [['unknownProperty', 2, 59]],
  },
  { name: 'methods are not sent', code: `analytics.track('Signed Up', { email: 'a@b.co', toString() { return 'x'; } });`, expected: [] },
];

describe('unknown-property', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('unknown-property', testCase);
    expect(actual).toEqual(wanted);
  });
});
