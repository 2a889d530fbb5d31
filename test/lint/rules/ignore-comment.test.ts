import { describe, expect, it } from 'vitest';
import { findings, lintCode, runRuleCase, type RuleCase } from '../helpers.js';

const cases: RuleCase[] = [
  {
    name: 'a comment with a reason silences the call below',
    code: `// trackplan-ignore-next-line the migration sends both events until June\nanalytics.track('Signd Up', {});`,
    expected: [],
  },
  { name: 'a comment without a reason', code: `  // trackplan-ignore-next-line\nanalytics.track('Signd Up', {});`, expected: [{ messageId: 'missingReason', line: 1, column: 3, endLine: 1, endColumn: 32 }] },
  { name: 'a comment with nothing to silence', code: `// trackplan-ignore-next-line not needed any more\nanalytics.track('Order Completed', { order_id: 'o-1', total: 3 });`, expected: [{ messageId: 'unusedIgnore', line: 1, column: 1, endLine: 1, endColumn: 50, data: { line: 2 } }] },
  { name: 'a block comment', code: `/* trackplan-ignore-next-line legacy */\nanalytics.track('Signd Up', {});`, expected: [] },
];

describe('ignore-comment', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('ignore-comment', testCase);
    expect(actual).toEqual(wanted);
  });

  it('silences every finding of the call, on all its lines, and nothing else', async () => {
    const result = await lintCode({
      'src/web/app.ts': [
        `// trackplan-ignore-next-line sent for the old dashboard`,
        `analytics.track('Order Completed', {`,
        `  order_id: 7,`,
        `});`,
        `analytics.track('Signd Up', {});`,
      ].join('\n'),
    });
    expect(findings(result).map((f) => [f.ruleId, f.line])).toEqual([['unplanned-event', 5]]);
  });
});
