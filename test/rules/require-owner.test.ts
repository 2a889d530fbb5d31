import { testRule } from './rule-tester.js';

testRule('require-owner', {
  valid: [{ name: 'every call has an owner', plan: 'events:\n  a:\n    owner: growth\nidentify:\n  owner: growth\n' }],
  invalid: [
    {
      name: 'a track event and the identify call without owner',
      plan: 'events:\n  a:\n    owner: growth\n  b: {}\nidentify:\n  traits: {}\n',
      errors: [
        { messageId: 'missingOwner', line: 4, column: 3, endLine: 4, endColumn: 4, data: { path: 'events.b' } },
        { messageId: 'missingOwner', line: 5, column: 1, endLine: 5, endColumn: 9, data: { path: 'identify' } },
      ],
    },
  ],
});
