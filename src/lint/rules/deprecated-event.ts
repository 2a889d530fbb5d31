import { defineRule, describeTarget, nameSpan } from '../rule.js';

export default defineRule({
  id: 'deprecated-event',
  meta: {
    severity: 'warn',
    description: 'A call sends an event (or call type) that the plan marks deprecated.',
  },
  messages: {
    deprecatedEvent: '{event} is deprecated{replacement}',
  },
  check(call, { targets, report }) {
    for (const target of targets) {
      if (target.event?.status !== 'deprecated') continue;
      const replacement = target.event.replacement ? `; send "${target.event.replacement}" instead` : '';
      report('deprecatedEvent', nameSpan(call), { event: describeTarget(target, call), replacement });
    }
  },
});
