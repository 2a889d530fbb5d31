import { NAMING_CONVENTIONS, followsConvention, toConvention } from './names.js';
import { defineRule } from './types.js';
import { walkDefinitions } from './walk.js';

/**
 * Event names become warehouse tables and property names columns; one convention keeps them
 * predictable. snake_case by default, as warehouses write them.
 */
export default defineRule({
  id: 'naming-convention',
  meta: { severity: 'error', description: 'track event names and property names follow the plan\'s naming convention' },
  options: {
    events: { kind: 'choice', values: NAMING_CONVENTIONS, default: 'snake_case', description: 'convention of track event names' },
    properties: { kind: 'choice', values: NAMING_CONVENTIONS, default: 'snake_case', description: 'convention of property and trait names (nested ones too)' },
  },
  messages: {
    eventName: 'event name "{name}" does not follow the {convention} convention; expected a name like "{suggestion}"',
    propertyName: '{path}: property name "{name}" does not follow the {convention} convention; expected a name like "{suggestion}"',
  },
  check(plan, options, report) {
    for (const event of plan.events) {
      if (event.call !== 'track' || followsConvention(event.name, options.events)) continue;
      report({
        messageId: 'eventName',
        location: event.location,
        data: { name: event.name, convention: options.events, suggestion: toConvention(event.name, options.events) },
      });
    }
    walkDefinitions(plan, (site) => {
      // Types are internal names; items have none; a library reference is judged at the library.
      if (site.kind === 'type' || site.kind === 'items' || site.library) return;
      const { name, location } = site.definition;
      if (followsConvention(name, options.properties)) return;
      report({
        messageId: 'propertyName',
        location,
        data: { path: site.path, name, convention: options.properties, suggestion: toConvention(name, options.properties) },
      });
    });
  },
});
