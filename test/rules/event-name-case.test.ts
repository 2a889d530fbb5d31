import { testRule } from './rule-tester.js';

testRule('event-name-case', {
  valid: [
    { name: 'names that differ in more than case', plan: 'events:\n  Report Created: {}\n  Report Updated: {}\n' },
    { name: 'identify and group are call names, not event names', plan: 'identify:\n  traits:\n    name: string\ngroup:\n  traits:\n    name: string\n' },
  ],
  invalid: [
    {
      name: 'two names that differ only in case: each reported, pointing at the other',
      plan: 'events:\n  "Experiment Report: Create": {}\n  "Experiment Report: create": {}\n',
      errors: [
        { messageId: 'caseVariant', line: 2, column: 3, endLine: 2, endColumn: 30, data: { name: 'Experiment Report: Create', other: 'Experiment Report: create', otherLocation: 'events.yaml:3:3' } },
        { messageId: 'caseVariant', line: 3, column: 3, endLine: 3, endColumn: 30, data: { name: 'Experiment Report: create', other: 'Experiment Report: Create', otherLocation: 'events.yaml:2:3' } },
      ],
    },
    {
      name: 'three variants: each points at the first other one in the file',
      plan: 'events:\n  Signed Up: {}\n  signed up: {}\n  SIGNED UP: {}\n',
      errors: [
        { messageId: 'caseVariant', line: 2, column: 3, endLine: 2, endColumn: 12, data: { name: 'Signed Up', other: 'signed up', otherLocation: 'events.yaml:3:3' } },
        { messageId: 'caseVariant', line: 3, column: 3, endLine: 3, endColumn: 12, data: { name: 'signed up', other: 'Signed Up', otherLocation: 'events.yaml:2:3' } },
        { messageId: 'caseVariant', line: 4, column: 3, endLine: 4, endColumn: 12, data: { name: 'SIGNED UP', other: 'Signed Up', otherLocation: 'events.yaml:2:3' } },
      ],
    },
  ],
});
