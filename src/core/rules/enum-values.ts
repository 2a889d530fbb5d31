import { defineRule } from './types.js';
import { walkDefinitions } from './walk.js';

/** Enums are contracts with dashboards and dbt `accepted_values` tests: no blanks, no doubles. */
export default defineRule({
  id: 'enum-values',
  meta: { severity: 'error', description: 'an enum is not empty and has no empty, duplicate or case-only-different values' },
  options: {},
  messages: {
    emptyEnum: '{path}: the enum lists no values, so no value can ever be valid',
    emptyValue: '{path}: enum value {value} is empty',
    duplicateValue: '{path}: enum value {value} is listed twice',
    nearDuplicateValue: '{path}: enum values {value} and {other} differ only in case or spacing',
  },
  check(plan, _options, report) {
    walkDefinitions(plan, (site) => {
      const values = site.definition.enum;
      if (!values || site.inherits('enum')) return;
      const { location } = site.definition;
      const path = site.path;
      // `nullable` appends null to the enum; it alone does not make the enum non-empty.
      if (values.every((v) => v === null)) {
        report({ messageId: 'emptyEnum', location, data: { path } });
        return;
      }
      const seen = new Map<string, string>();
      const folded = new Map<string, string>();
      for (const value of values) {
        const shown = JSON.stringify(value);
        if (typeof value === 'string' && value.trim() === '') report({ messageId: 'emptyValue', location, data: { path, value: shown } });
        const key = `${typeof value}:${shown}`;
        if (seen.has(key)) {
          report({ messageId: 'duplicateValue', location, data: { path, value: shown } });
          continue;
        }
        seen.set(key, shown);
        if (typeof value !== 'string' || value.trim() === '') continue;
        const fold = value.toLowerCase().replace(/\s+/g, ' ').trim();
        const other = folded.get(fold);
        if (other !== undefined) report({ messageId: 'nearDuplicateValue', location, data: { path, value: shown, other } });
        else folded.set(fold, shown);
      }
    });
  },
});
