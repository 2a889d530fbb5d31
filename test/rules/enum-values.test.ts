import { testRule } from './rule-tester.js';

testRule('enum-values', {
  valid: [
    { name: 'distinct values', plan: 'events:\n  a:\n    properties:\n      plan: { type: string, enum: [free, pro] }\n' },
    { name: 'nullable adds null once', plan: 'events:\n  a:\n    properties:\n      plan: { type: string, nullable: true, enum: [free, pro, null] }\n' },
    { name: 'the same value as string and number is not a duplicate', plan: 'events:\n  a:\n    properties:\n      v: { type: [string, integer], enum: ["1", 1] }\n' },
    {
      name: 'an enum of a type is judged at the type only',
      plan: 'types:\n  tier: { type: string, enum: [free, pro] }\nevents:\n  a:\n    properties:\n      tier: tier\n',
    },
  ],
  invalid: [
    {
      name: 'an empty enum',
      plan: 'events:\n  a:\n    properties:\n      plan: { type: string, enum: [] }\n',
      errors: [{ messageId: 'emptyEnum', line: 4, column: 7, endLine: 4, endColumn: 11, data: { path: 'events.a.properties.plan' } }],
    },
    {
      name: 'an enum of only null (with nullable)',
      plan: 'events:\n  a:\n    properties:\n      plan: { type: string, nullable: true, enum: [] }\n',
      errors: [{ messageId: 'emptyEnum', line: 4, column: 7, endLine: 4, endColumn: 11, data: { path: 'events.a.properties.plan' } }],
    },
    {
      name: 'empty, duplicate and case-only-different values',
      plan: 'events:\n  a:\n    properties:\n      stage:\n        type: string\n        enum: ["", Won, Lost, Won, won, " lost "]\n',
      errors: [
        { messageId: 'emptyValue', line: 4, column: 7, endLine: 4, endColumn: 12, data: { path: 'events.a.properties.stage', value: '""' } },
        { messageId: 'duplicateValue', line: 4, column: 7, endLine: 4, endColumn: 12, data: { path: 'events.a.properties.stage', value: '"Won"' } },
        { messageId: 'nearDuplicateValue', line: 4, column: 7, endLine: 4, endColumn: 12, data: { path: 'events.a.properties.stage', value: '"won"', other: '"Won"' } },
        { messageId: 'nearDuplicateValue', line: 4, column: 7, endLine: 4, endColumn: 12, data: { path: 'events.a.properties.stage', value: '" lost "', other: '"Lost"' } },
      ],
    },
    {
      name: 'a duplicate in a type, reported at the type, not at its users',
      plan: 'types:\n  tier: { type: string, enum: [free, free] }\nevents:\n  a:\n    properties:\n      tier: tier\n',
      errors: [{ messageId: 'duplicateValue', line: 2, column: 3, endLine: 2, endColumn: 7, data: { path: 'types.tier', value: '"free"' } }],
    },
    {
      name: 'a duplicate in the items of an array',
      plan: 'events:\n  a:\n    properties:\n      tags:\n        type: array\n        items: { type: integer, enum: [1, 2, 2] }\n',
      errors: [{ messageId: 'duplicateValue', line: 6, column: 9, endLine: 6, endColumn: 14, data: { path: 'events.a.properties.tags.items', value: '2' } }],
    },
  ],
});
