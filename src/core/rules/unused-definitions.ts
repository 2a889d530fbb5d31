import { defineRule } from './types.js';

/** Definitions nobody uses rot: they drift from reality and mislead whoever reads the plan. */
export default defineRule({
  id: 'unused-definitions',
  meta: { severity: 'warn', description: 'every custom type and every library property is used by some event' },
  options: {},
  messages: {
    unusedType: 'type "{name}" is not used by any property',
    unusedProperty: 'library property "{name}" is not used by any event',
  },
  check(plan, _options, report) {
    for (const type of plan.types) {
      if (!type.used) report({ messageId: 'unusedType', location: type.location, data: { name: type.name } });
    }
    for (const property of plan.library) {
      if (!property.used) report({ messageId: 'unusedProperty', location: property.location, data: { name: property.name } });
    }
  },
});
