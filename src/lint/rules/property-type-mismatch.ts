import type { PropertyIR } from '../../core/ir.js';
import type { StaticValue } from '../model.js';
import { defineRule, describeLiteral, describeTarget } from '../rule.js';
import { walkProperties } from '../walk-properties.js';

export default defineRule({
  id: 'property-type-mismatch',
  meta: {
    severity: 'error',
    description: 'A property (or trait) value is of a type the plan does not allow (literal values, or the type checker\'s type).',
  },
  messages: {
    typeMismatch: 'property "{property}" of {event} should be {expected}, found {found}',
  },
  check(call, { targets, report }) {
    for (const target of targets) {
      if (!target.event) continue;
      walkProperties(target.event, call.properties, call.propertiesSpan, {
        value({ path, value, span, planned }) {
          const found = mismatch(value, planned);
          if (found) report('typeMismatch', span, { property: path, event: describeTarget(target, call), expected: expected(planned), found });
        },
      });
    }
  },
});

/** What the value is, when some form of it does not fit the planned type; undefined when it fits or is unknown. */
function mismatch(value: StaticValue, planned: PropertyIR): string | undefined {
  const types = planned.type;
  if (types.includes('any')) return undefined;
  const allows = (kind: string, exactNumber?: number) => {
    if (kind === 'null') return planned.nullable || types.includes('null');
    if (kind === 'number') {
      if (types.includes('number')) return true;
      // A literal must be whole for `integer`; a `number`-typed value may be, so it passes.
      return types.includes('integer') && (exactNumber === undefined || Number.isInteger(exactNumber));
    }
    return (types as string[]).includes(kind);
  };
  switch (value.kind) {
    case 'literal': {
      const kind = value.value === null ? 'null' : typeof value.value;
      const exact = typeof value.value === 'number' ? value.value : undefined;
      return allows(kind, exact) ? undefined : describeLiteralKind(value.value);
    }
    case 'object':
      return allows('object') ? undefined : 'an object';
    case 'array':
      return allows('array') ? undefined : 'an array';
    case 'typed': {
      const bad = value.literals
        ? value.literals.filter((v) => !allows(v === null ? 'null' : typeof v, typeof v === 'number' ? v : undefined))
        : value.kinds.filter((k) => !allows(k));
      if (bad.length === 0) return undefined;
      return value.literals ? `type ${value.literals.map(describeLiteral).join(' | ')}` : `type ${value.kinds.join(' | ')}`;
    }
    default:
      return undefined;
  }
}

function describeLiteralKind(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  return `the ${typeof value} ${describeLiteral(value)}`;
}

function expected(planned: PropertyIR): string {
  const types = [...planned.type, ...(planned.nullable ? ['null'] : [])];
  return types.length === 1 ? `a ${types[0]}` : types.join(' | ');
}
