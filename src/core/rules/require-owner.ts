import { defineRule } from './types.js';
import { eventPath } from './walk.js';

/** Someone answers for every event: who to ask when it breaks or before it changes. */
export default defineRule({
  id: 'require-owner',
  meta: { severity: 'error', description: 'every planned call names an `owner`' },
  options: {},
  messages: {
    missingOwner: '{path}: the event has no owner; add `owner: <team>`',
  },
  check(plan, _options, report) {
    for (const event of plan.events) {
      if ((event.owner ?? '').trim() !== '') continue;
      report({ messageId: 'missingOwner', location: event.location, data: { path: eventPath(event) } });
    }
  },
});
