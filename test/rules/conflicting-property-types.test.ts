import { testRule } from './rule-tester.js';

testRule('conflicting-property-types', {
  valid: [
    {
      name: 'one type everywhere; nullable and constraints may differ',
      plan: 'events:\n  a:\n    properties:\n      total: number\n  b:\n    properties:\n      total: { type: number, nullable: true, minimum: 0 }\n',
    },
    {
      name: 'nested properties are not compared with top-level ones',
      plan: 'events:\n  a:\n    properties:\n      id: string\n      items:\n        type: array\n        items:\n          properties:\n            id: integer\n',
    },
  ],
  invalid: [
    {
      name: 'the odd one out is reported, pointing at the common type',
      plan: 'events:\n  a:\n    properties:\n      total: number\n  b:\n    properties:\n      total: number\n  c:\n    properties:\n      total: string\n',
      errors: [
        { messageId: 'conflictingType', line: 10, column: 7, endLine: 10, endColumn: 12, data: { name: 'total', type: 'string', expected: 'number', count: 2, other: 'events.yaml:4:7' } },
      ],
    },
    {
      name: 'a tie reports both places',
      plan: 'events:\n  a:\n    properties:\n      id: string\n  b:\n    properties:\n      id: integer\n',
      errors: [
        { messageId: 'conflictingType', line: 4, column: 7, endLine: 4, endColumn: 9, data: { name: 'id', type: 'string', expected: 'integer', count: 1, other: 'events.yaml:7:7' } },
        { messageId: 'conflictingType', line: 7, column: 7, endLine: 7, endColumn: 9, data: { name: 'id', type: 'integer', expected: 'string', count: 1, other: 'events.yaml:4:7' } },
      ],
    },
    {
      name: 'an event property that overrides the library type',
      plan: 'properties:\n  total: { type: number, description: Sum. }\nevents:\n  a:\n    properties:\n      total:\n  b:\n    properties:\n      total: { type: integer }\n',
      errors: [
        { messageId: 'conflictingType', line: 9, column: 7, endLine: 9, endColumn: 12, data: { name: 'total', type: 'integer', expected: 'number', count: 2, other: 'events.yaml:2:3' } },
      ],
    },
  ],
});
