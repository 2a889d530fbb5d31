import { testRule } from './rule-tester.js';

testRule('require-owner', {
  valid: [{ name: 'every call has an owner', plan: 'events:\n  a:\n    owner: growth\nidentify:\n  owner: growth\n' }],
  invalid: [
    {
      name: 'a track event and the identify call without owner',
      plan: 'events:\n  a:\n    owner: growth\n  b: {}\nidentify:\n  traits: {}\n',
      errors: [
        { messageId: 'missingOwner', line: 4, column: 3, data: { path: 'events.b' } },
        { messageId: 'missingOwner', line: 5, column: 1, data: { path: 'identify' } },
      ],
    },
  ],
});
