import { describe, expect, it } from 'vitest';
import { analyzePatterns } from '../../src/app/check-plan.js';
import { testRule } from './rule-tester.js';

// The attack string is recheck's to choose (its fuzzer, its version): any JavaScript expression of one.
const ATTACK: string = expect.stringMatching(/^'.*'/);

testRule('redos-pattern', {
  valid: [
    {
      name: 'linear patterns',
      plan: 'events:\n  a:\n    properties:\n      sf_id: { type: string, pattern: "^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$" }\n      path: { type: string, pattern: "^/" }\n      slug: { type: string, pattern: "^[a-z]+(_[a-z]+)*$" }\n',
    },
    {
      name: 'polynomial backtracking on a short string is bounded',
      plan: 'events:\n  a:\n    properties:\n      email: { type: string, maxLength: 254, pattern: "^[^@]+@[^@]+\\\\.[^@]+$" }\n',
    },
  ],
  invalid: [
    {
      name: 'exponential and polynomial patterns',
      plan: 'types:\n  code: { type: string, pattern: "^(\\\\d+)*$" }\nevents:\n  a:\n    properties:\n      c: code\n      words: { type: string, pattern: "^(\\\\w+\\\\s?)*$" }\n      email: { type: string, pattern: "^[^@]+@[^@]+\\\\.[^@]+$" }\n',
      errors: [
        { messageId: 'exponential', line: 2, column: 3, endLine: 2, endColumn: 7, data: { path: 'types.code', pattern: "\"^(\\\\d+)*$\"", attack: ATTACK } },
        { messageId: 'exponential', line: 7, column: 7, endLine: 7, endColumn: 12, data: { path: 'events.a.properties.words', pattern: "\"^(\\\\w+\\\\s?)*$\"", attack: ATTACK } },
        { messageId: 'polynomial', line: 8, column: 7, endLine: 8, endColumn: 12, data: { path: 'events.a.properties.email', pattern: "\"^[^@]+@[^@]+\\\\.[^@]+$\"", attack: ATTACK, complexity: '2nd degree polynomial', boundedLength: 256 } },
      ],
    },
    {
      name: 'boundedLength option',
      options: { boundedLength: 100 },
      plan: 'events:\n  a:\n    properties:\n      email: { type: string, maxLength: 254, pattern: "^[^@]+@[^@]+\\\\.[^@]+$" }\n',
      errors: [
        { messageId: 'polynomial', line: 4, column: 7, endLine: 4, endColumn: 12, data: { path: 'events.a.properties.email', pattern: "\"^[^@]+@[^@]+\\\\.[^@]+$\"", attack: ATTACK, complexity: '2nd degree polynomial', boundedLength: 100 } },
      ],
    },
  ],
});

describe('analyzePatterns (recheck)', () => {
  it('gives an attack string for a vulnerable pattern and repeats its verdicts', async () => {
    const first = await analyzePatterns(['^(a+)+$', '^abc$']);
    expect(first.get('^(a+)+$')).toMatchObject({ status: 'vulnerable', complexity: 'exponential' });
    expect(first.get('^(a+)+$')!.attack).toMatch(/repeat/);
    expect(first.get('^abc$')).toEqual({ status: 'safe' });
    expect(await analyzePatterns(['^(a+)+$'])).toEqual(new Map([['^(a+)+$', first.get('^(a+)+$')]]));
  });
});
