import type { PropertyIR } from '../../core/ir.js';
import { suggestionSuffix } from '../../core/suggest.js';
import { checkFormat } from '../formats.js';
import type { Literal, StaticValue } from '../model.js';
import { defineRule, describeLiteral, describeTarget } from '../rule.js';
import { walkProperties } from '../walk-properties.js';

export default defineRule({
  id: 'invalid-property-value',
  meta: {
    severity: 'error',
    description: 'A literal property value breaks the plan\'s enum, pattern, format, range or length.',
  },
  messages: {
    notInEnum: 'property "{property}" of {event}: {value} is not one of {allowed}{hint}',
    patternMismatch: 'property "{property}" of {event}: {value} does not match the pattern {pattern}',
    formatMismatch: 'property "{property}" of {event}: {value} is not a valid {format}',
    outOfRange: 'property "{property}" of {event}: {value} is {comparison} {limit}',
    badLength: 'property "{property}" of {event}: {value} has {length} characters, {comparison} {limit}',
  },
  check(call, { targets, report }) {
    for (const target of targets) {
      if (!target.event) continue;
      const event = describeTarget(target, call);
      walkProperties(target.event, call.properties, call.propertiesSpan, {
        value({ path, value, span, planned }) {
          for (const literal of literalsOf(value)) {
            const finding = checkLiteral(literal, planned);
            if (finding) report(finding.messageId, span, { property: path, event, value: describeLiteral(literal), ...finding.data });
          }
        },
      });
    }
  },
});

type Finding = { messageId: 'notInEnum' | 'patternMismatch' | 'formatMismatch' | 'outOfRange' | 'badLength'; data: Record<string, string | number> };

function literalsOf(value: StaticValue): Literal[] {
  if (value.kind === 'literal') return [value.value];
  if (value.kind === 'typed' && value.literals) return value.literals;
  return [];
}

/** The first constraint a literal breaks. Values of the wrong type are property-type-mismatch's business. */
function checkLiteral(value: Literal, planned: PropertyIR): Finding | undefined {
  if (value === null || !fitsType(value, planned)) return undefined;
  if (planned.enum && !planned.enum.includes(value)) {
    const allowed = planned.enum.map((v) => describeLiteral(v)).join(', ');
    const hint = typeof value === 'string' ? suggestionSuffix(value, planned.enum.filter((v): v is string => typeof v === 'string')) : '';
    return { messageId: 'notInEnum', data: { allowed, hint } };
  }
  if (typeof value === 'string') {
    const pattern = planned.pattern === undefined ? undefined : safeRegExp(planned.pattern);
    if (pattern && !pattern.test(value)) return { messageId: 'patternMismatch', data: { pattern: planned.pattern! } };
    if (planned.format !== undefined && checkFormat(planned.format, value) === false) return { messageId: 'formatMismatch', data: { format: planned.format } };
    const length = [...value].length;
    if (planned.minLength !== undefined && length < planned.minLength) return { messageId: 'badLength', data: { length, comparison: 'fewer than', limit: planned.minLength } };
    if (planned.maxLength !== undefined && length > planned.maxLength) return { messageId: 'badLength', data: { length, comparison: 'more than', limit: planned.maxLength } };
  }
  if (typeof value === 'number') {
    if (planned.minimum !== undefined && value < planned.minimum) return { messageId: 'outOfRange', data: { comparison: 'below the minimum', limit: planned.minimum } };
    if (planned.maximum !== undefined && value > planned.maximum) return { messageId: 'outOfRange', data: { comparison: 'above the maximum', limit: planned.maximum } };
  }
  return undefined;
}

function fitsType(value: string | number | boolean, planned: PropertyIR): boolean {
  const types: readonly string[] = planned.type;
  if (types.includes('any')) return true;
  if (typeof value === 'number') return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
  return types.includes(typeof value);
}

const patterns = new Map<string, RegExp | undefined>();

function safeRegExp(pattern: string): RegExp | undefined {
  if (!patterns.has(pattern)) {
    let compiled: RegExp | undefined;
    try {
      compiled = new RegExp(pattern, 'u');
    } catch (error) {
      // The plan's own check reports invalid patterns; here it only means "cannot tell".
      void error;
      compiled = undefined;
    }
    patterns.set(pattern, compiled);
  }
  return patterns.get(pattern);
}
