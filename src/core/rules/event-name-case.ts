import { compareLocations, formatLocation, type Location } from '../location.js';
import { defineRule } from './types.js';

/**
 * `Report: Create` and `Report: create` are two events when an app really sends both: the plan
 * allows them (their files and functions get stable suffixes), but a reader should know.
 */
export default defineRule({
  id: 'event-name-case',
  meta: { severity: 'warn', description: 'two track events whose names differ only in case' },
  options: {},
  messages: {
    caseVariant: 'event "{name}" differs from event "{other}" (at {otherLocation}) only in case; both are kept as distinct events',
  },
  check(plan, _options, report) {
    const groups = new Map<string, { name: string; location: Location }[]>();
    for (const event of plan.events) {
      if (event.call !== 'track') continue;
      const key = event.name.toLowerCase();
      groups.set(key, [...(groups.get(key) ?? []), { name: event.name, location: event.location }]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const ordered = group.sort((a, b) => compareLocations(a.location, b.location));
      for (const occurrence of ordered) {
        const other = ordered.find((o) => o !== occurrence)!;
        report({
          messageId: 'caseVariant',
          location: occurrence.location,
          data: { name: occurrence.name, other: other.name, otherLocation: formatLocation(other.location) },
          related: [other.location],
        });
      }
    }
  },
});
