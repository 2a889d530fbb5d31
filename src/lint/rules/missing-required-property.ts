import { defineRule, describeTarget, joinPath } from '../rule.js';
import { walkProperties } from '../walk-properties.js';

/** Browser SDKs fill these page properties themselves (RudderStack JS and Segment analytics.js). */
const BROWSER_PAGE_PROPERTIES = new Set(['path', 'url', 'referrer', 'title', 'search']);

export default defineRule({
  id: 'missing-required-property',
  meta: {
    severity: 'error',
    description: 'A call leaves out a property (or trait) the plan marks required.',
  },
  messages: {
    missingProperty: 'required property "{property}" of {event} is missing',
  },
  check(call, { targets, report }) {
    const sdkFillsPage = call.call === 'page' && call.flavour !== 'node';
    for (const target of targets) {
      if (!target.event) continue;
      walkProperties(target.event, call.properties, call.propertiesSpan, {
        object({ path, entries, complete, span, planned }) {
          // Keys we cannot see (a spread of unknown shape) may hold it: no finding rather than a false one.
          if (!complete) return;
          for (const property of planned) {
            if (!property.required || entries.some((e) => e.key === property.name)) continue;
            if (path === '' && sdkFillsPage && BROWSER_PAGE_PROPERTIES.has(property.name)) continue;
            report('missingProperty', span, { property: joinPath(path, property.name), event: describeTarget(target, call) });
          }
        },
      });
    }
  },
});
