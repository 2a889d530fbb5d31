import { testRule } from './rule-tester.js';

testRule('require-description', {
  valid: [
    {
      name: 'everything described; library descriptions carry over',
      plan: 'properties:\n  plan: { type: string, description: Billing plan. }\nevents:\n  a:\n    description: A happened.\n    properties:\n      plan:\n      tags:\n        type: array\n        description: Labels.\n        items: string\n',
    },
    { name: 'a custom type\'s description carries over', plan: 'types:\n  sku: { type: string, description: A stock keeping unit. }\nevents:\n  a:\n    description: A.\n    properties:\n      sku: sku\n' },
    { name: 'events only', options: { properties: false }, plan: 'events:\n  a:\n    description: A.\n    properties:\n      x: string\n' },
    { name: 'nested off', options: { nested: false }, plan: 'events:\n  a:\n    description: A.\n    properties:\n      cart:\n        description: The cart.\n        properties:\n          size: integer\n' },
  ],
  invalid: [
    {
      name: 'an event, a property, a nested property and a library property without description',
      severity: 'warn',
      plan: 'properties:\n  plan: { type: string }\nevents:\n  a:\n    properties:\n      plan:\n      cart:\n        description: The cart.\n        properties:\n          size: integer\npage:\n  description: " "\n',
      errors: [
        { messageId: 'propertyDescription', line: 2, column: 3, endLine: 2, endColumn: 7, data: { path: 'properties.plan' } },
        { messageId: 'eventDescription', line: 4, column: 3, endLine: 4, endColumn: 4, data: { path: 'events.a' } },
        { messageId: 'propertyDescription', line: 10, column: 11, endLine: 10, endColumn: 15, data: { path: 'events.a.properties.cart.properties.size' } },
        { messageId: 'eventDescription', line: 11, column: 1, endLine: 11, endColumn: 5, data: { path: 'page' } },
      ],
    },
  ],
});
