import { defineRule } from '../rule.js';

/** Reported by the engine when a file does not parse: the rest of the project is still linted. */
export default defineRule({
  id: 'syntax-error',
  description: 'A file cannot be parsed, so its calls cannot be checked.',
  severity: 'error',
  messages: {
    syntaxError: 'cannot parse this file: {detail}',
  },
});
