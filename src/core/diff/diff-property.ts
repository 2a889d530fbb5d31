import type { EnumValue, PropertyIR } from '../ir.js';
import type { ChangeRecorder } from './recorder.js';
import { hintPropertyRenames } from './renames.js';

const BOUNDS = [
  { keyword: 'minimum', lower: true },
  { keyword: 'maximum', lower: false },
  { keyword: 'minLength', lower: true },
  { keyword: 'maxLength', lower: false },
] as const;

/** Compares two lists of properties (an event's, or an object's nested ones) by name. */
export function diffPropertyList(recorder: ChangeRecorder, before: readonly PropertyIR[], after: readonly PropertyIR[], prefix: string): void {
  const old = new Map(before.map((p) => [p.name, p]));
  const now = new Map(after.map((p) => [p.name, p]));
  const removed = [];
  const added = [];
  for (const property of before) {
    const path = `${prefix}${property.name}`;
    const next = now.get(property.name);
    if (next) diffProperty(recorder, property, next, path);
    else removed.push(recorder.add('propertyRemoved', { property: path, side: 'base', location: property.location, before: property.type }));
  }
  for (const property of after) {
    if (old.has(property.name)) continue;
    const path = `${prefix}${property.name}`;
    added.push(recorder.add(property.required ? 'requiredPropertyAdded' : 'propertyAdded', { property: path, location: property.location, after: property.type }));
  }
  hintPropertyRenames(removed, added, old, now);
}

/** Compares one property, keyword by keyword; `path` is its dotted path within the event. */
export function diffProperty(recorder: ChangeRecorder, a: PropertyIR, b: PropertyIR, path: string): void {
  const at = { property: path, location: b.location };
  const sameTypes = same(a.type, b.type);
  if (!sameTypes) {
    recorder.add('typeChanged', {
      ...at, keyword: 'type', before: a.type, after: b.type,
      data: { direction: typeDirection(a.type, b.type), before: a.type.join(' | '), after: b.type.join(' | ') },
    });
  } else if (!same(a.typeNames, b.typeNames)) {
    recorder.add('typeNameChanged', { ...at, keyword: 'type', before: a.typeNames[0] ?? a.type.join(' | '), after: b.typeNames[0] ?? b.type.join(' | ') });
  }
  if (a.required !== b.required) recorder.add(b.required ? 'madeRequired' : 'madeOptional', { ...at, keyword: 'required', before: a.required, after: b.required });
  if (a.nullable !== b.nullable) {
    const id = !b.nullable ? 'nullableRemoved' : b.required ? 'nullableAddedToRequired' : 'nullableAdded';
    recorder.add(id, { ...at, keyword: 'nullable', before: a.nullable, after: b.nullable });
  }
  diffEnum(recorder, a.enum, b.enum, at);
  for (const keyword of ['pattern', 'format'] as const) {
    const x = a[keyword];
    const y = b[keyword];
    if (x === y) continue;
    const change = x === undefined ? 'Added' : y === undefined ? 'Removed' : 'Changed';
    recorder.add(`${keyword}${change}`, { ...at, keyword, ...(x !== undefined ? { before: x } : {}), ...(y !== undefined ? { after: y } : {}) });
  }
  for (const { keyword, lower } of BOUNDS) {
    const x = a[keyword];
    const y = b[keyword];
    if (x === y) continue;
    // A lower bound tightens when it appears or rises; an upper bound when it appears or falls.
    const tightened = x === undefined || (y !== undefined && (lower ? y > x : y < x));
    recorder.add(tightened ? 'boundTightened' : 'boundLoosened', { ...at, keyword, before: x ?? 'none', after: y ?? 'none' });
  }
  const objects = a.type.includes('object') && b.type.includes('object');
  if (objects && a.additionalProperties !== b.additionalProperties) {
    recorder.add(b.additionalProperties ? 'additionalAllowed' : 'additionalDisallowed', { ...at, keyword: 'additional_properties', before: a.additionalProperties, after: b.additionalProperties });
  }
  if (objects && (a.properties || b.properties)) diffPropertyList(recorder, a.properties ?? [], b.properties ?? [], `${path}.`);
  if (a.type.includes('array') && b.type.includes('array')) {
    if (a.items && b.items) diffProperty(recorder, a.items, b.items, `${path}[]`);
    else if (b.items) recorder.add('itemsConstrained', { ...at, keyword: 'items', after: b.items.type, data: { after: b.items.type.join(' | ') } });
    else if (a.items) recorder.add('itemsUnconstrained', { ...at, keyword: 'items', before: a.items.type });
  }
  if (a.pii !== b.pii) recorder.add('piiChanged', { ...at, keyword: 'pii', before: a.pii, after: b.pii });
  if (a.deprecated !== b.deprecated) recorder.add(b.deprecated ? 'propertyDeprecated' : 'propertyUndeprecated', { ...at, keyword: 'deprecated', before: a.deprecated, after: b.deprecated });
  if ((a.description ?? '') !== (b.description ?? '')) {
    recorder.add('propertyDescriptionChanged', { ...at, keyword: 'description', ...(a.description !== undefined ? { before: a.description } : {}), ...(b.description !== undefined ? { after: b.description } : {}) });
  }
}

function diffEnum(recorder: ChangeRecorder, a: EnumValue[] | undefined, b: EnumValue[] | undefined, at: { property: string; location: PropertyIR['location'] }): void {
  // `null` in an enum mirrors `nullable`, which is compared on its own.
  const x = a?.filter((v) => v !== null);
  const y = b?.filter((v) => v !== null);
  if (!x && !y) return;
  if (!x) {
    recorder.add('enumAdded', { ...at, keyword: 'enum', after: y });
    return;
  }
  if (!y) {
    recorder.add('enumRemoved', { ...at, keyword: 'enum', before: x });
    return;
  }
  const has = (list: EnumValue[], v: EnumValue) => list.some((w) => w === v);
  for (const v of x) if (!has(y, v)) recorder.add('enumValueRemoved', { ...at, keyword: 'enum', before: v, data: { value: JSON.stringify(v) } });
  for (const v of y) if (!has(x, v)) recorder.add('enumValueAdded', { ...at, keyword: 'enum', after: v, data: { value: JSON.stringify(v) } });
}

function typeDirection(a: readonly string[], b: readonly string[]): string {
  const covers = (wide: readonly string[], narrow: readonly string[]) =>
    wide.includes('any') || narrow.every((t) => wide.includes(t) || (t === 'integer' && wide.includes('number')));
  if (covers(b, a)) return 'widened';
  if (covers(a, b)) return 'narrowed';
  return 'changed';
}

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
