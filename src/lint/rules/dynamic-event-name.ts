import { defineRule } from '../rule.js';

export default defineRule({
  id: 'dynamic-event-name',
  meta: {
    severity: 'warn',
    description: 'The event name is computed at run time, so the call cannot be checked against the plan.',
  },
  messages: {
    dynamicName: 'the event name `{text}` cannot be resolved statically; use a string literal, a const, an enum member or a generated function',
  },
  check(call, { report }) {
    if (call.call !== 'track' || call.eventName !== undefined || call.name?.kind !== 'dynamic' || call.name.text === '') return;
    report('dynamicName', call.name.span, { text: call.name.text });
  },
});
