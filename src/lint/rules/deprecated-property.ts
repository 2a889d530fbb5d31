import { isMerelyAllowed } from '../model.js';
import { defineRule, describeTarget, joinPath } from '../rule.js';
import { walkProperties } from '../walk-properties.js';

export default defineRule({
  id: 'deprecated-property',
  meta: {
    severity: 'warn',
    description: 'A call sets a property (or trait) that the plan marks deprecated.',
  },
  messages: {
    deprecatedProperty: 'property "{property}" of {event} is deprecated',
  },
  check(call, { targets, report }) {
    for (const target of targets) {
      if (!target.event) continue;
      walkProperties(target.event, call.properties, call.propertiesSpan, {
        object({ path, entries, planned }) {
          for (const entry of entries) {
            if (isMerelyAllowed(entry) || !planned.find((p) => p.name === entry.key)?.deprecated) continue;
            report('deprecatedProperty', entry.keySpan, { property: joinPath(path, entry.key), event: describeTarget(target, call) });
          }
        },
      });
    }
  },
});
