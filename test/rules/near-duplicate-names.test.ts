import { testRule } from './rule-tester.js';

testRule('near-duplicate-names', {
  valid: [
    { name: 'distinct names; one property used by many events', plan: 'events:\n  order_completed:\n    properties:\n      order_id: string\n  order_refunded:\n    properties:\n      order_id: string\n' },
    { name: 'names that differ only in case are event-name-case\'s (a warning)', plan: 'events:\n  Signed Up: {}\n  signed up: {}\n' },
    { name: 'identify and group are call names', plan: 'identify:\n  traits:\n    name: string\ngroup:\n  traits:\n    name: string\n' },
  ],
  invalid: [
    {
      name: 'three spellings of one event, each reported (`Order  Completed` already collides as a file name)',
      plan: 'events:\n  Order Completed: {}\n  order_completed: {}\n  orderCompleted: {}\n',
      errors: [
        { messageId: 'nearDuplicateEvent', line: 2, column: 3, endLine: 2, endColumn: 18, data: { name: 'Order Completed', other: 'order_completed', otherLocation: 'events.yaml:3:3' } },
        { messageId: 'nearDuplicateEvent', line: 3, column: 3, endLine: 3, endColumn: 18, data: { name: 'order_completed', other: 'Order Completed', otherLocation: 'events.yaml:2:3' } },
        { messageId: 'nearDuplicateEvent', line: 4, column: 3, endLine: 4, endColumn: 17, data: { name: 'orderCompleted', other: 'Order Completed', otherLocation: 'events.yaml:2:3' } },
      ],
    },
    {
      name: 'the rare spelling of a property, pointing at the common one',
      plan: 'events:\n  a:\n    properties:\n      utm_source: string\n  b:\n    properties:\n      utm_source: string\n  c:\n    properties:\n      utmSource: string\n',
      errors: [
        { messageId: 'nearDuplicateProperty', line: 10, column: 7, endLine: 10, endColumn: 16, data: { name: 'utmSource', other: 'utm_source', count: 2, otherLocation: 'events.yaml:4:7' } },
      ],
    },
    {
      name: 'nested properties count too',
      plan: 'events:\n  a:\n    properties:\n      user_id: string\n      cart:\n        properties:\n          userId: string\n          user_id: string\n',
      errors: [
        { messageId: 'nearDuplicateProperty', line: 7, column: 11, endLine: 7, endColumn: 17, data: { name: 'userId', other: 'user_id', count: 2, otherLocation: 'events.yaml:4:7' } },
      ],
    },
  ],
});
