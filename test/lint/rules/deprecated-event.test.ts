import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const cases: RuleCase[] = [
  { name: 'an active event', code: `analytics.track('Signed Up', { email: 'a@b.co' });`, expected: [] },
  { name: 'a deprecated event', code: `analytics.track('Old Signup', {});`, expected: [['deprecatedEvent', 1, 17]] },
  {
    name: 'a deprecated event through a generated function',
    code: `import { oldSignup } from '../../generated/tracking.js';\noldSignup({});`,
    expected: [['deprecatedEvent', 2, 1]],
  },
];

describe('deprecated-event', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('deprecated-event', testCase);
    expect(actual).toEqual(wanted);
  });
});
