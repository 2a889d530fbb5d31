import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const cases: RuleCase[] = [
  { name: 'a file that parses', code: `analytics.track('Signed Up', { email: 'a@b.co' });`, expected: [] },
  { name: 'a file that does not parse', code: `analytics.track('Signed Up', { email: 'a@b.co' };\n`, expected: [{ messageId: 'syntaxError', line: 1, column: 49, endLine: 1, endColumn: 49, data: { detail: "')' expected." } }] },
  {
    name: 'the other files are still linted',
    files: {
      'src/web/broken.js': `analytics.track('Signed Up', {\n  email:: 1 });`,
      'src/web/app.ts': `analytics.track('Signd Up', {});`,
    },
    expected: [{ messageId: 'syntaxError', file: 'src/web/broken.js', line: 2, column: 9, endLine: 2, endColumn: 9, data: { detail: 'Expression expected.' } }],
  },
];

describe('syntax-error', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('syntax-error', testCase);
    expect(actual).toEqual(wanted);
  });
});
