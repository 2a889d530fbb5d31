import { testRule } from './rule-tester.js';

testRule('required-nullable', {
  valid: [
    { name: 'required or nullable, not both', plan: 'events:\n  a:\n    properties:\n      x: { type: string, required: true }\n      y: { type: string, nullable: true }\n' },
    { name: 'nullable library property used as optional', plan: 'properties:\n  y: { type: string, nullable: true }\nevents:\n  a:\n    properties:\n      y:\n' },
  ],
  invalid: [
    {
      name: 'required and nullable on an event property, a nested one and a library reference',
      plan: 'properties:\n  y: { type: string, nullable: true }\nevents:\n  a:\n    properties:\n      x: { type: string, required: true, nullable: true }\n      y: { required: true }\n      o:\n        properties:\n          z: { type: [integer, "null"], required: true }\n',
      errors: [
        { messageId: 'requiredNullable', line: 6, column: 7, endLine: 6, endColumn: 8, data: { path: 'events.a.properties.x' } },
        { messageId: 'requiredNullable', line: 7, column: 7, endLine: 7, endColumn: 8, data: { path: 'events.a.properties.y' } },
        { messageId: 'requiredNullable', line: 10, column: 11, endLine: 10, endColumn: 12, data: { path: 'events.a.properties.o.properties.z' } },
      ],
    },
    {
      name: 'a library property that is both, reported once',
      plan: 'properties:\n  y: { type: string, nullable: true, required: true }\nevents:\n  a:\n    properties:\n      y:\n',
      errors: [{ messageId: 'requiredNullable', line: 2, column: 3, endLine: 2, endColumn: 4, data: { path: 'properties.y' } }],
    },
  ],
});
