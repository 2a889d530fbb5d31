import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const cases: RuleCase[] = [
  { name: 'a file that parses', code: `analytics.track('Signed Up', { email: 'a@b.co' });`, expected: [] },
  { name: 'a file that does not parse', code: `analytics.track('Signed Up', { email: 'a@b.co' };\n`, expected: [['syntaxError', 1, 49]] },
  {
    name: 'the other files are still linted',
    files: {
      'src/web/broken.js': `analytics.track('Signed Up', {\n  email:: 1 });`,
      'src/web/app.ts': `analytics.track('Signd Up', {});`,
    },
    expected: [['syntaxError', 2, 9, 'src/web/broken.js']],
  },
];

describe('syntax-error', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('syntax-error', testCase);
    expect(actual).toEqual(wanted);
  });
});
