import { suggestionSuffix } from '../../core/suggest.js';
import { defineRule, nameSpan } from '../rule.js';

export default defineRule({
  id: 'unplanned-event',
  meta: {
    severity: 'error',
    description: 'A call sends an event, call type or page name the plan does not have.',
  },
  messages: {
    unplannedEvent: '"{name}" is not a planned event{hint}',
    unplannedCall: '{call} calls are not in the plan',
    unplannedName: '{call} name "{name}" is not planned{hint}; expected one of: {expected}',
    missingName: '{callee} is called without an event name',
  },
  check(call, { index, targets, report }) {
    if (call.call === 'track') {
      if (call.name?.kind === 'dynamic' && call.name.text === '' && call.eventName === undefined) {
        report('missingName', call.span, { callee: call.callee });
      }
      for (const target of targets) {
        if (target.event) continue;
        report('unplannedEvent', nameSpan(call), { name: target.name, hint: suggestionSuffix(target.name, index.track.keys()) });
      }
      return;
    }
    const event = targets[0]?.event;
    if (!event) {
      report('unplannedCall', call.span, { call: call.call });
      return;
    }
    if (event.names.length === 0 || call.name?.kind !== 'static') return;
    for (const name of call.name.values) {
      if (event.names.includes(name)) continue;
      report('unplannedName', call.name.span, { call: call.call, name, hint: suggestionSuffix(name, event.names), expected: event.names.join(', ') });
    }
  },
});
