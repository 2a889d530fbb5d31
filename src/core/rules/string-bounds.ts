import { defineRule } from './types.js';
import { walkDefinitions, type Definition } from './walk.js';

/** Formats whose valid values are short by definition. */
const BOUNDED_FORMATS = new Set(['date', 'time', 'date-time', 'uuid', 'ipv4', 'ipv6', 'hostname']);

function isUnboundedString(definition: Definition): boolean {
  return (
    definition.type.includes('string') &&
    definition.maxLength === undefined &&
    definition.enum === undefined &&
    !(definition.format !== undefined && BOUNDED_FORMATS.has(definition.format))
  );
}

/**
 * Like igluctl's `stringLength` lint: warehouse columns need a width, and an unbounded string is
 * where a stack trace or a whole document ends up. Off by default.
 */
export default defineRule({
  id: 'string-bounds',
  meta: { severity: 'off', description: 'string properties have a `maxLength` (or an enum or a fixed-length format)' },
  options: {},
  messages: {
    unboundedString: '{path}: the string has no maxLength, enum or fixed-length format',
  },
  check(plan, _options, report) {
    walkDefinitions(plan, (site) => {
      if (!isUnboundedString(site.definition)) return;
      // Unbounded already in the type or library property it uses: reported there.
      const bases = site.library ? [site.library, ...site.types] : site.types;
      if (bases.some(isUnboundedString)) return;
      report({ messageId: 'unboundedString', location: site.definition.location, data: { path: site.path } });
    });
  },
});
