import { defineRule } from '../rule.js';

/** Reported by the engine while it applies `// trackplan-ignore-next-line <reason>` comments. */
export default defineRule({
  id: 'ignore-comment',
  meta: {
    severity: 'warn',
    description: 'A trackplan-ignore-next-line comment without a reason, or with nothing to silence on the next line.',
  },
  messages: {
    missingReason: 'trackplan-ignore-next-line needs a reason: `// trackplan-ignore-next-line <why this call is fine>`',
    unusedIgnore: 'trackplan-ignore-next-line silences nothing: line {line} has no finding',
  },
});
