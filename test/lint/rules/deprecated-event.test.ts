import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const cases: RuleCase[] = [
  { name: 'an active event', code: `analytics.track('Signed Up', { email: 'a@b.co' });`, expected: [] },
  { name: 'a deprecated event', code: `analytics.track('Old Signup', {});`, expected: [{ messageId: 'deprecatedEvent', line: 1, column: 17, endLine: 1, endColumn: 29, data: { event: '"Old Signup"', replacement: '; send "Signed Up" instead' } }] },
  {
    name: 'a deprecated event through a generated function',
    code: `import { oldSignup } from '../../generated/tracking.js';\noldSignup({});`,
    expected: [{ messageId: 'deprecatedEvent', line: 2, column: 1, endLine: 2, endColumn: 10, data: { event: '"Old Signup"', replacement: '; send "Signed Up" instead' } }],
  },
];

describe('deprecated-event', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('deprecated-event', testCase);
    expect(actual).toEqual(wanted);
  });
});
