import { testRule } from './rule-tester.js';

testRule('naming-convention', {
  valid: [
    { name: 'snake_case by default', plan: 'events:\n  order_completed:\n    properties:\n      order_id: string\n      items:\n        type: array\n        items:\n          properties:\n            sku_code: string\n' },
    { name: 'Object Action events with camelCase properties', options: { events: 'Object Action', properties: 'camelCase' }, plan: 'events:\n  Order Completed:\n    properties:\n      orderId: string\n' },
    { name: 'identify and page are call names, not judged', plan: 'identify:\n  traits:\n    email_address: string\npage:\n  properties:\n    path: string\n' },
    { name: 'any turns one kind off', options: { events: 'any' }, plan: 'events:\n  Whatever-Goes here:\n    properties:\n      fine_name: string\n' },
    { name: 'type names are internal', plan: 'types:\n  EmailAddress: { type: string }\nevents:\n  a:\n    properties:\n      email: EmailAddress\n' },
  ],
  invalid: [
    {
      name: 'Title Case events and camelCase properties under the snake_case default',
      plan: 'events:\n  Order Completed:\n    properties:\n      orderId: string\n      cart:\n        properties:\n          Line Items: integer\n',
      errors: [
        { messageId: 'eventName', line: 2, column: 3, endLine: 2, endColumn: 18, data: { name: 'Order Completed', convention: 'snake_case', suggestion: 'order_completed' } },
        { messageId: 'propertyName', line: 4, column: 7, endLine: 4, endColumn: 14, data: { path: 'events.Order Completed.properties.orderId', name: 'orderId', convention: 'snake_case', suggestion: 'order_id' } },
        { messageId: 'propertyName', line: 7, column: 11, endLine: 7, endColumn: 21, data: { path: 'events.Order Completed.properties.cart.properties.Line Items', name: 'Line Items', convention: 'snake_case', suggestion: 'line_items' } },
      ],
    },
    {
      name: 'Object Action needs two Title Case words',
      options: { events: 'Object Action' },
      plan: 'events:\n  Completed:\n    properties: {}\n  order completed: {}\n',
      errors: [
        { messageId: 'eventName', line: 2, column: 3, endLine: 2, endColumn: 12, data: { name: 'Completed', convention: 'Object Action', suggestion: 'Completed' } },
        { messageId: 'eventName', line: 4, column: 3, endLine: 4, endColumn: 18, data: { name: 'order completed', convention: 'Object Action', suggestion: 'Order Completed' } },
      ],
    },
    {
      name: 'a library property is judged once, at the library',
      plan: 'properties:\n  userId: { type: string }\nevents:\n  a:\n    properties:\n      userId:\n  b:\n    properties:\n      userId:\n',
      errors: [
        { messageId: 'propertyName', line: 2, column: 3, endLine: 2, endColumn: 9, data: { path: 'properties.userId', name: 'userId', convention: 'snake_case', suggestion: 'user_id' } },
      ],
    },
  ],
});
