import { compareLocations, formatLocation, type Location } from '../location.js';
import { nameKey } from './names.js';
import { defineRule } from './types.js';
import { walkDefinitions } from './walk.js';

interface Occurrence {
  name: string;
  location: Location;
}

/** Groups occurrences whose names differ only in case, spacing or separators. */
function findNearDuplicates(occurrences: Occurrence[]): { occurrence: Occurrence; canonical: Occurrence; count: number }[] {
  const groups = new Map<string, Occurrence[]>();
  // Document order, so "the other one" is the first written, whatever order the IR keeps.
  for (const o of [...occurrences].sort((a, b) => compareLocations(a.location, b.location))) {
    const key = nameKey(o.name);
    if (key === '') continue;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const out: { occurrence: Occurrence; canonical: Occurrence; count: number }[] = [];
  for (const group of groups.values()) {
    const counts = new Map<string, number>();
    for (const o of group) counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
    if (counts.size < 2) continue;
    // The most used spelling is the intended one; on a tie every spelling is reported.
    const max = Math.max(...counts.values());
    const top = [...counts].filter(([, n]) => n === max).map(([name]) => name);
    const expected = top.length === 1 ? top[0] : undefined;
    for (const o of group) {
      if (o.name === expected) continue;
      const canonical = group.find((x) => x.name === (expected ?? group.find((y) => y.name !== o.name)!.name))!;
      out.push({ occurrence: o, canonical, count: counts.get(canonical.name)! });
    }
  }
  return out;
}

/** `Order Completed`, `order_completed` and `Order  Completed` are one event split in three tables. */
export default defineRule({
  id: 'near-duplicate-names',
  meta: { severity: 'error', description: 'no two event names, and no two property names, differ only in case, spacing or separators' },
  options: {},
  messages: {
    nearDuplicateEvent: 'event "{name}" differs from event "{other}" (at {otherLocation}) only in case, spacing or separators',
    nearDuplicateProperty: 'property "{name}" differs from "{other}" (used {count} time(s), e.g. at {otherLocation}) only in case, spacing or separators',
  },
  check(plan, _options, report) {
    const events = plan.events.filter((e) => e.call === 'track').map((e) => ({ name: e.name, location: e.location }));
    for (const { occurrence, canonical } of findNearDuplicates(events)) {
      // Names that differ only in case are distinct events an app sends: `event-name-case` warns about them.
      if (occurrence.name.toLowerCase() === canonical.name.toLowerCase()) continue;
      report({
        messageId: 'nearDuplicateEvent',
        location: occurrence.location,
        data: { name: occurrence.name, other: canonical.name, otherLocation: formatLocation(canonical.location) },
        related: [canonical.location],
      });
    }
    const properties: Occurrence[] = [];
    walkDefinitions(plan, (site) => {
      if (site.kind === 'type' || site.kind === 'items') return;
      properties.push({ name: site.definition.name, location: site.definition.location });
    });
    for (const { occurrence, canonical, count } of findNearDuplicates(properties)) {
      report({
        messageId: 'nearDuplicateProperty',
        location: occurrence.location,
        data: { name: occurrence.name, other: canonical.name, count, otherLocation: formatLocation(canonical.location) },
        related: [canonical.location],
      });
    }
  },
});
