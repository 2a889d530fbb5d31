import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const cases: RuleCase[] = [
  { name: 'a const variable', code: `const EVENT = 'Signed Up';\nanalytics.track(EVENT, { email: 'a@b.co' });`, expected: [] },
  { name: 'an as-const object member', code: `const EVENTS = { signup: 'Signed Up' } as const;\nanalytics.track(EVENTS.signup, { email: 'a@b.co' });`, expected: [] },
  { name: 'an enum member', code: `enum Events { Signup = 'Signed Up' }\nanalytics.track(Events.Signup, { email: 'a@b.co' });`, expected: [] },
  { name: 'a template of consts', code: `const WHAT = 'Signed';\nanalytics.track(\`\${WHAT} Up\`, { email: 'a@b.co' });`, expected: [] },
  {
    name: 'a const imported from another file (type checker)',
    files: {
      'src/web/events.ts': `export const SIGNED_UP = 'Signed Up';`,
      'src/web/app.ts': `import { SIGNED_UP } from './events.js';\nanalytics.track(SIGNED_UP, { email: 'a@b.co' });`,
    },
    expected: [],
  },
  {
    name: 'a parameter that shadows a const of the same name',
    code: `const name = 'Signed Up';\nexport function send(name: string) {\n  analytics.track(name, {});\n}`,
    expected: [{ messageId: 'dynamicName', line: 3, column: 19, endLine: 3, endColumn: 23, data: { text: 'name' } }],
  },
  {
    name: 'the same without the checker is not taken for the const',
    typeCheck: false,
    code: `const name = 'Signed Up';\nexport function send(name: string) {\n  analytics.track(name, {});\n}`,
    expected: [{ messageId: 'dynamicName', line: 3, column: 19, endLine: 3, endColumn: 23, data: { text: 'name' } }],
  },
  { name: 'a parameter of type string', code: `export function send(name: string) {\n  analytics.track(name, {});\n}`, expected: [{ messageId: 'dynamicName', line: 2, column: 19, endLine: 2, endColumn: 23, data: { text: 'name' } }] },
  { name: 'a call result', code: `declare function pick(): string;\nanalytics.track(pick(), {});`, expected: [{ messageId: 'dynamicName', line: 2, column: 17, endLine: 2, endColumn: 23, data: { text: 'pick()' } }] },
];

describe('dynamic-event-name', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('dynamic-event-name', testCase);
    expect(actual).toEqual(wanted);
  });
});
