import { defineRule } from './types.js';
import { eventPath, walkDefinitions } from './walk.js';

/** A plan is documentation for analysts: every event and property says what it means. */
export default defineRule({
  id: 'require-description',
  meta: { severity: 'warn', description: 'every event and every property has a description' },
  options: {
    events: { kind: 'boolean', default: true, description: 'require a description on every planned call' },
    properties: { kind: 'boolean', default: true, description: 'require a description on every library, event and trait property' },
    nested: { kind: 'boolean', default: true, description: 'also on nested properties of objects' },
  },
  messages: {
    eventDescription: '{path}: the event has no description',
    propertyDescription: '{path}: the property has no description',
  },
  check(plan, options, report) {
    if (options.events) {
      for (const event of plan.events) {
        if ((event.description ?? '').trim() !== '') continue;
        report({ messageId: 'eventDescription', location: event.location, data: { path: eventPath(event) } });
      }
    }
    if (!options.properties) return;
    walkDefinitions(plan, (site) => {
      // Types need none (their users do); items describe themselves through the array property.
      if (site.kind === 'type' || site.kind === 'items' || (site.kind === 'nested' && !options.nested)) return;
      if ((site.definition.description ?? '').trim() !== '') return;
      // A library reference without a description of its own: reported once, at the library.
      if (site.library) return;
      report({ messageId: 'propertyDescription', location: site.definition.location, data: { path: site.path } });
    });
  },
});
