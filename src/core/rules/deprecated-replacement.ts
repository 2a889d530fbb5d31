import { defineRule } from './types.js';

/** A deprecated event must say what to send instead, or producers cannot migrate. */
export default defineRule({
  id: 'deprecated-replacement',
  meta: { severity: 'error', description: 'a deprecated event names its replacement (`replaced_by`)' },
  options: {},
  messages: {
    missingReplacement: 'event "{name}" is deprecated but does not say what replaces it; add `replaced_by: <event>` (or a note)',
  },
  check(plan, _options, report) {
    for (const event of plan.events) {
      if (event.status !== 'deprecated' || (event.replacement ?? '').trim() !== '') continue;
      report({ messageId: 'missingReplacement', location: event.location, data: { name: event.name } });
    }
  },
});
