import { testRule } from './rule-tester.js';

testRule('deprecated-replacement', {
  valid: [
    { name: 'a deprecated event names its replacement', plan: 'events:\n  old:\n    status: deprecated\n    replaced_by: new\n  new: {}\n' },
    { name: 'active events need none', plan: 'events:\n  live:\n    status: active\n' },
  ],
  invalid: [
    { name: 'no replaced_by', plan: 'events:\n  new: {}\n  old:\n    status: deprecated\n', errors: [{ messageId: 'missingReplacement', line: 3, column: 3, endLine: 3, endColumn: 6, data: { name: 'old' } }] },
    { name: 'a blank replaced_by', plan: 'events:\n  old:\n    status: deprecated\n    replaced_by: "  "\n', errors: [{ messageId: 'missingReplacement', line: 2, column: 3, endLine: 2, endColumn: 6, data: { name: 'old' } }] },
  ],
});
