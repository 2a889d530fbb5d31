import type { EventIR, PropertyIR } from '../core/ir.js';
import type { FileLocation } from '../core/location.js';
import { isMerelyAllowed, type ObjectEntry, type StaticValue } from './model.js';

/** An object the plan describes: the event's properties, or a nested object property. */
export interface ObjectVisit {
  /** Dotted path of the object (`''` for the event's own properties). */
  path: string;
  entries: ObjectEntry[];
  /** All keys are known (no unresolvable spread, no index signature). */
  complete: boolean;
  span: FileLocation;
  planned: PropertyIR[];
  additionalProperties: boolean;
}

/** A value whose planned definition is known: an entry of a described object, or an item of a described array. */
export interface ValueVisit {
  path: string;
  value: StaticValue;
  span: FileLocation;
  planned: PropertyIR;
}

export interface PropertyVisitor {
  object?(visit: ObjectVisit): void;
  value?(visit: ValueVisit): void;
}

/** Walks a call's properties alongside the plan's definitions, nested objects and array items included. */
export function walkProperties(event: EventIR, properties: StaticValue, span: FileLocation, visitor: PropertyVisitor): void {
  const root = properties.kind === 'undefined' ? { kind: 'object' as const, entries: [], complete: true } : properties;
  if (root.kind !== 'object') return;
  walkObject('', root.entries, root.complete, span, event.properties, event.additionalProperties, visitor);
}

function walkObject(
  path: string,
  entries: ObjectEntry[],
  complete: boolean,
  span: FileLocation,
  planned: PropertyIR[],
  additionalProperties: boolean,
  visitor: PropertyVisitor,
): void {
  visitor.object?.({ path, entries, complete, span, planned, additionalProperties });
  for (const entry of entries) {
    if (isMerelyAllowed(entry)) continue;
    const definition = planned.find((p) => p.name === entry.key);
    if (definition) walkValue(join(path, entry.key), entry.value, entry.valueSpan, definition, visitor);
  }
}

function walkValue(path: string, value: StaticValue, span: FileLocation, planned: PropertyIR, visitor: PropertyVisitor): void {
  visitor.value?.({ path, value, span, planned });
  if (value.kind === 'object' && planned.properties && planned.type.includes('object')) {
    walkObject(path, value.entries, value.complete, span, planned.properties, planned.additionalProperties, visitor);
  }
  if (value.kind === 'array' && planned.items && planned.type.includes('array')) {
    value.elements.forEach((element, i) => walkValue(`${path}[${i}]`, element.value, element.span, planned.items!, visitor));
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
