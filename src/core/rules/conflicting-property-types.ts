import { formatLocation, type Location } from '../location.js';
import { defineRule } from './types.js';

interface Occurrence {
  signature: string;
  location: Location;
}

/**
 * One property name, one type, plan-wide: warehouses load each event into its own table, and a
 * `total` that is a number in one event and a string in another breaks every union over them.
 */
export default defineRule({
  id: 'conflicting-property-types',
  meta: { severity: 'error', description: 'the same property name has different types in different events (top-level properties and traits)' },
  options: {},
  messages: {
    conflictingType: 'property "{name}" is {type} here but {expected} in {count} other place(s), e.g. at {other}',
  },
  check(plan, _options, report) {
    const byName = new Map<string, Occurrence[]>();
    const add = (name: string, types: string[], location: Location) => {
      const list = byName.get(name) ?? [];
      list.push({ signature: types.join(' | '), location });
      byName.set(name, list);
    };
    for (const property of plan.library) add(property.name, property.type, property.location);
    for (const event of plan.events) for (const property of event.properties) add(property.name, property.type, property.location);

    for (const [name, occurrences] of byName) {
      const counts = new Map<string, number>();
      for (const o of occurrences) counts.set(o.signature, (counts.get(o.signature) ?? 0) + 1);
      if (counts.size < 2) continue;
      // The most common type is taken as the intended one; on a tie, every occurrence is reported.
      const max = Math.max(...counts.values());
      const majority = [...counts].filter(([, n]) => n === max).map(([s]) => s);
      const expected = majority.length === 1 ? majority[0]! : undefined;
      for (const o of occurrences) {
        if (o.signature === expected) continue;
        const others = occurrences.filter((x) => x.signature !== o.signature);
        const first = (expected ? others.find((x) => x.signature === expected) : others[0])!;
        report({
          messageId: 'conflictingType',
          location: o.location,
          data: { name, type: o.signature, expected: first.signature, count: others.length, other: formatLocation(first.location) },
          related: [first.location],
        });
      }
    }
  },
});
