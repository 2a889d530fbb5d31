import { defineRule } from '../rule.js';

/** Reported by the engine when a file does not parse: the rest of the project is still linted. */
export default defineRule({
  id: 'syntax-error',
  meta: {
    severity: 'error',
    description: 'A file cannot be parsed, so its calls cannot be checked.',
  },
  messages: {
    syntaxError: 'cannot parse this file: {detail}',
  },
});
