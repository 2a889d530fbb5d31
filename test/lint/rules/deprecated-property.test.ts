import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const cases: RuleCase[] = [
  { name: 'no deprecated property', code: `analytics.track('Order Completed', { order_id: 'o-1', total: 3 });`, expected: [] },
  { name: 'a deprecated property', code: `analytics.track('Order Completed', { order_id: 'o-1', total: 3, legacy_code: 'x' });`, expected: [{ messageId: 'deprecatedProperty', line: 1, column: 65, endLine: 1, endColumn: 76, data: { property: 'legacy_code', event: '"Order Completed"' } }] },
];

describe('deprecated-property', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('deprecated-property', testCase);
    expect(actual).toEqual(wanted);
  });
});
