import { defineRule, describeTarget, nameSpan } from '../rule.js';

export default defineRule({
  id: 'wrong-source',
  meta: {
    severity: 'error',
    description: 'A call sends an event from code of a source (by `sources.<id>.paths`) the event is not planned for.',
  },
  messages: {
    wrongSource: '{event} is planned for {planned}, but this file belongs to {actual}',
  },
  check(call, { targets, report }) {
    if (call.sources.length === 0) return;
    for (const target of targets) {
      const planned = target.event?.sources ?? [];
      if (planned.length === 0 || call.sources.some((id) => planned.includes(id))) continue;
      report('wrongSource', nameSpan(call), {
        event: describeTarget(target, call),
        planned: `source${planned.length === 1 ? '' : 's'} ${planned.join(', ')}`,
        actual: `source${call.sources.length === 1 ? '' : 's'} ${call.sources.join(', ')}`,
      });
    }
  },
});
