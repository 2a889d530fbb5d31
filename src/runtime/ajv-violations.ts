import type { ErrorObject } from 'ajv';
import type { Violation, ViolationType } from './types.js';
import { jsonType, violationMessage } from '../core/violations/messages.js';

/** Where the validated data sits inside the whole event, to report paths against the event. */
export interface DataPlace {
  /** JSON pointer of the data object in the event: `/properties`, `/traits`, `/context/traits`. */
  pointer: string;
  /** The same, dotted: `properties`, `traits`, `context.traits`. */
  dotted: string;
  /** Schema path of the data schema inside the whole-event schema of generated/schemas. */
  schemaPath: string;
}

/** ajv keywords RudderStack reports as `Advance-Rules-Violation`: constraints beyond the type. */
const ADVANCED_RULES = new Set([
  'enum', 'const', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf', 'minProperties', 'maxProperties',
]);

/**
 * Maps ajv errors (of a data schema) to RudderStack violations with paths against the whole
 * event. Paths of unplanned properties go to `strips`, for `unplanned_properties: drop`.
 */
export function toViolations(errors: readonly ErrorObject[], data: unknown, place: DataPlace, strips: string[][]): Violation[] {
  return errors.map((error) => {
    const segments = parsePointer(error.instancePath);
    const meta = {
      instancePath: place.pointer + error.instancePath,
      schemaPath: place.schemaPath + error.schemaPath.slice(1),
      keyword: error.keyword,
    };
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required' || error.keyword === 'additionalProperties') {
      const name = String(error.keyword === 'required' ? params['missingProperty'] : params['additionalProperty']);
      const path = [...segments, name];
      if (error.keyword === 'additionalProperties') strips.push(path);
      const type: ViolationType = error.keyword === 'required' ? 'Required-Missing' : 'Additional-Properties';
      const id = error.keyword === 'required' ? 'requiredMissing' : 'additionalProperty';
      return { type, property: path.join('.'), message: violationMessage(id, { path: dotted(place, path) }), meta };
    }
    const property = segments.length > 0 ? { property: segments.join('.') } : {};
    const path = dotted(place, segments);
    if (error.keyword === 'type') {
      const expected = String(params['type']).split(',').join(' or ');
      const actual = jsonType(valueAt(data, segments));
      return { type: 'Datatype-Mismatch', ...property, message: violationMessage('datatypeMismatch', { path, expected, actual }), meta };
    }
    let detail = error.message ?? error.keyword;
    if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
      detail += `: ${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const type: ViolationType = ADVANCED_RULES.has(error.keyword) ? 'Advance-Rules-Violation' : 'Unknown-Violation';
    return { type, ...property, message: violationMessage('rule', { path, detail }), meta };
  });
}

function dotted(place: DataPlace, segments: readonly string[]): string {
  return segments.length === 0 ? place.dotted : `${place.dotted}.${segments.join('.')}`;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let node = data;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
