import { defineRule } from './types.js';
import { walkDefinitions } from './walk.js';

/**
 * `required` promises a value; `nullable` takes the promise back. A column that must be present
 * but may be null defeats not-null tests and confuses every reader of the plan.
 */
export default defineRule({
  id: 'required-nullable',
  meta: { severity: 'error', description: 'a property is not both `required` and `nullable`' },
  options: {},
  messages: {
    requiredNullable: '{path}: the property is required and nullable at once; drop `nullable` (or `required`)',
  },
  check(plan, _options, report) {
    const library = new Map(plan.library.map((p) => [p.name, p]));
    walkDefinitions(plan, (site) => {
      const required = site.kind === 'library' ? library.get(site.definition.name)?.required : site.required;
      if (!required || !site.definition.nullable) return;
      // Both taken over unchanged from the library: reported there.
      const base = site.library ? library.get(site.definition.name) : undefined;
      if (base?.required && base.nullable) return;
      report({ messageId: 'requiredNullable', location: site.definition.location, data: { path: site.path } });
    });
  },
});
