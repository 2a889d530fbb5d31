import { suggestionSuffix } from '../../core/suggest.js';
import { isMerelyAllowed } from '../model.js';
import { defineRule, describeTarget, joinPath } from '../rule.js';
import { walkProperties } from '../walk-properties.js';

export default defineRule({
  id: 'unknown-property',
  meta: {
    severity: 'error',
    description: 'A call sets a property (or trait) the plan does not list, where the plan allows no others.',
  },
  messages: {
    unknownProperty: 'property "{property}" is not planned for {event}{hint}',
  },
  check(call, { targets, report }) {
    for (const target of targets) {
      if (!target.event) continue;
      walkProperties(target.event, call.properties, call.propertiesSpan, {
        object({ path, entries, planned, additionalProperties }) {
          if (additionalProperties) return;
          const names = planned.map((p) => p.name);
          for (const entry of entries) {
            if (isMerelyAllowed(entry) || names.includes(entry.key)) continue;
            report('unknownProperty', entry.keySpan, {
              property: joinPath(path, entry.key),
              event: describeTarget(target, call),
              hint: suggestionSuffix(entry.key, names),
            });
          }
        },
      });
    }
  },
});
