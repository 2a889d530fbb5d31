import { describe, expect, it } from 'vitest';
import { runCase, testRule } from './rule-tester.js';

testRule('string-bounds', {
  valid: [
    {
      name: 'maxLength, enum or a fixed-length format',
      plan: 'events:\n  a:\n    properties:\n      x: { type: string, maxLength: 64 }\n      y: { type: string, enum: [a, b] }\n      z: { type: string, format: date-time }\n      n: integer\n',
    },
    { name: 'bounded through a type', plan: 'types:\n  code: { type: string, maxLength: 8 }\nevents:\n  a:\n    properties:\n      c: code\n' },
  ],
  invalid: [
    {
      name: 'unbounded strings, an unbounded type reported once at the type',
      plan: 'types:\n  text: { type: string }\nevents:\n  a:\n    properties:\n      note: string\n      body: text\n      list:\n        type: array\n        items: { type: string, format: email }\n',
      errors: [
        { messageId: 'unboundedString', line: 2, column: 3, endLine: 2, endColumn: 7, data: { path: 'types.text' } },
        { messageId: 'unboundedString', line: 6, column: 7, endLine: 6, endColumn: 11, data: { path: 'events.a.properties.note' } },
        { messageId: 'unboundedString', line: 10, column: 9, endLine: 10, endColumn: 14, data: { path: 'events.a.properties.list.items' } },
      ],
    },
  ],
});

describe('string-bounds default', () => {
  it('is off unless the plan turns it on', async () => {
    const { loadPlanFiles } = await import('../../src/sources/load-plan-files.js');
    const { runPlanRules } = await import('../../src/core/rules/run.js');
    const { plan } = loadPlanFiles([{ name: 'plan.yaml', text: 'trackplan: 1\nid: t\nname: T\nversion: 1.0.0\nevents:\n  a:\n    properties:\n      note: string\n' }]);
    expect(runPlanRules(plan!, { only: ['string-bounds'] }).diagnostics).toEqual([]);
    expect(await runCase('string-bounds', { name: 'on', plan: 'events:\n  b:\n    properties:\n      note: string\n' })).toHaveLength(1);
  });
});
