import { testRule } from './rule-tester.js';

testRule('unused-definitions', {
  valid: [
    {
      name: 'types and library properties in use, also through a union and nesting',
      plan: 'types:\n  a: string\n  b: integer\n  c: { type: a }\nproperties:\n  p: { type: c }\nevents:\n  e:\n    properties:\n      p:\n      q: { type: [a, b] }\n',
    },
  ],
  invalid: [
    {
      name: 'an unused type and an unused library property',
      severity: 'warn',
      plan: 'types:\n  used: string\n  spare: integer\nproperties:\n  orphan: { type: used }\n  p: { type: used }\nevents:\n  e:\n    properties:\n      p:\n',
      errors: [
        { messageId: 'unusedType', line: 3, column: 3, endLine: 3, endColumn: 8, data: { name: 'spare' } },
        { messageId: 'unusedProperty', line: 5, column: 3, endLine: 5, endColumn: 9, data: { name: 'orphan' } },
      ],
    },
  ],
});
