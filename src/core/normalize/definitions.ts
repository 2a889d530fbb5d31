import { DEFINITION_KEYS, PROPERTY_KEYS } from '../format-schema.js';
import { PRIMITIVE_TYPES, type EnumValue, type PrimitiveType, type PropertyIR, type TypeIR } from '../ir.js';
import type { Location } from '../location.js';
import { planError } from '../plan-errors.js';
import { describeNode, type RawEntry, type RawNode } from '../raw.js';
import { suggestionSuffix } from '../suggest.js';
import type { Reader } from './reader.js';
import { isKnownFormat, KNOWN_FORMATS } from '../format-names.js';

type Shape = Omit<PropertyIR, 'name' | 'required' | 'location' | 'fromLibrary'>;

/** Keys a custom type hands down to what uses it; two types of one union may not disagree. */
const INHERITED = ['enum', 'pattern', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'items', 'properties'] as const;

export interface DefinitionScope {
  reader: Reader;
  types: Map<string, RawEntry>;
  library: Map<string, RawEntry>;
  resolvedTypes: Map<string, TypeIR | null>;
  resolvedLibrary: Map<string, PropertyIR | null>;
  resolving: string[];
  usedTypes: Set<string>;
  usedLibrary: Set<string>;
}

export function createScope(reader: Reader, types: Map<string, RawEntry>, library: Map<string, RawEntry>): DefinitionScope {
  return {
    reader, types, library,
    resolvedTypes: new Map(), resolvedLibrary: new Map(), resolving: [],
    usedTypes: new Set(), usedLibrary: new Set(),
  };
}

export function resolveCustomType(scope: DefinitionScope, name: string, refLocation: Location): TypeIR | undefined {
  const done = scope.resolvedTypes.get(name);
  if (done !== undefined) return done ?? undefined;
  const entry = scope.types.get(name);
  if (!entry) return undefined;
  if (scope.resolving.includes(name)) {
    const cycle = [...scope.resolving.slice(scope.resolving.indexOf(name)), name].join(' -> ');
    scope.reader.report(planError('typeCycle', refLocation, { name, cycle }));
    return undefined;
  }
  scope.resolving.push(name);
  const resolved = resolveDefinition(scope, entry.value, `types.${name}`, { allowRequired: false });
  scope.resolving.pop();
  const type: TypeIR | null = resolved ? { ...resolved.shape, name, location: entry.keyLocation, used: false } : null;
  scope.resolvedTypes.set(name, type);
  return type ?? undefined;
}

export function resolveLibraryProperty(scope: DefinitionScope, name: string): PropertyIR | undefined {
  const done = scope.resolvedLibrary.get(name);
  if (done !== undefined) return done ?? undefined;
  const entry = scope.library.get(name);
  if (!entry) return undefined;
  scope.resolvedLibrary.set(name, null); // a library property cannot refer to itself
  const property = readProperty(scope, entry, 'properties', { libraryFallback: false, fromLibrary: true });
  scope.resolvedLibrary.set(name, property ?? null);
  return property;
}

/** Reads a `name: definition` entry into a property. Library fallback applies to event-level properties. */
export function readProperty(
  scope: DefinitionScope,
  entry: RawEntry,
  where: string,
  options: { libraryFallback: boolean; fromLibrary?: boolean },
): PropertyIR | undefined {
  const resolved = resolveDefinition(scope, entry.value, `${where}.${entry.key}`, {
    allowRequired: true,
    ...(options.libraryFallback ? { libraryName: entry.key } : {}),
  }, entry.keyLocation);
  if (!resolved) return undefined;
  return {
    name: entry.key,
    ...resolved.shape,
    required: resolved.required ?? resolved.baseRequired ?? false,
    fromLibrary: options.fromLibrary === true || resolved.fromLibrary,
    location: entry.keyLocation,
  };
}

export function readPropertyMap(scope: DefinitionScope, node: RawNode, where: string, libraryFallback: boolean): PropertyIR[] {
  const map = scope.reader.map(node, where);
  if (!map) return [];
  const out: PropertyIR[] = [];
  for (const entry of map.entries) {
    const property = readProperty(scope, entry, where, { libraryFallback });
    if (property) out.push(property);
  }
  return out;
}

interface Resolved {
  shape: Shape;
  required: boolean | undefined;
  baseRequired: boolean | undefined;
  fromLibrary: boolean;
}

type DefinitionOptions = { allowRequired: boolean; libraryName?: string };

/** The base a definition refines, and what it inherits: a type, `object`/`array` by shape, or the library entry. */
interface Base {
  shape: Shape;
  required?: boolean | undefined;
  fromLibrary: boolean;
}

function resolveDefinition(
  scope: DefinitionScope,
  node: RawNode,
  where: string,
  options: DefinitionOptions,
  keyLocation?: Location,
): Resolved | undefined {
  const entries = definitionEntries(scope, node, where, options);
  if (!entries) return undefined;
  const base = resolveBase(scope, entries, node, where, options, keyLocation);
  if (!base) return undefined;
  const shape: Shape = { ...base.shape, typeNames: [...base.shape.typeNames] };
  const { required, additionalProperties } = applyEntries(scope, shape, entries, where);
  const hasProperties = entries.some((e) => e.key === 'properties');
  shape.additionalProperties = additionalProperties ?? (hasProperties ? false : base.shape.additionalProperties);
  if (shape.enum && shape.nullable && !shape.enum.includes(null)) shape.enum = [...shape.enum, null];
  checkConstraints(scope, shape, entries);
  return { shape, required: options.allowRequired ? required : undefined, baseRequired: base.required, fromLibrary: base.fromLibrary };
}

/** The keys of a definition: a bare type name is `{ type: name }`, an empty value has none. */
function definitionEntries(scope: DefinitionScope, node: RawNode, where: string, options: DefinitionOptions): RawEntry[] | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string') return [{ key: 'type', keyLocation: node.location, value: node }];
  if (node.kind === 'scalar' && node.value === null) return [];
  if (node.kind === 'map') return scope.reader.knownEntries(node, options.allowRequired ? PROPERTY_KEYS : DEFINITION_KEYS, where);
  scope.reader.invalid(node, where, 'a type name or a mapping');
  return undefined;
}

function resolveBase(scope: DefinitionScope, entries: RawEntry[], node: RawNode, where: string, options: DefinitionOptions, keyLocation?: Location): Base | undefined {
  const get = (key: string) => entries.find((e) => e.key === key);
  const typeEntry = get('type');
  if (typeEntry && !(typeEntry.value.kind === 'scalar' && typeEntry.value.value === null)) {
    const shape = resolveTypeSpec(scope, typeEntry, where);
    return shape && { shape, fromLibrary: false };
  }
  if (get('properties')) return { shape: emptyShape(['object']), fromLibrary: false };
  if (get('items')) return { shape: emptyShape(['array']), fromLibrary: false };
  if (options.libraryName !== undefined && scope.library.has(options.libraryName)) {
    const library = resolveLibraryProperty(scope, options.libraryName);
    if (!library) return undefined;
    scope.usedLibrary.add(options.libraryName);
    const { name: _n, required, location: _l, fromLibrary: _f, ...shape } = library;
    return { shape, required, fromLibrary: true };
  }
  const name = options.libraryName ?? where.split('.').pop() ?? where;
  const hint = options.libraryName !== undefined ? suggestionSuffix(name, scope.library.keys()) : '';
  scope.reader.report(planError('missingType', keyLocation ?? node.location, { name, hint }));
  return undefined;
}

/** Applies a definition's own keys over its base shape; returns the two that are not part of the shape. */
function applyEntries(scope: DefinitionScope, shape: Shape, entries: RawEntry[], where: string): { required?: boolean | undefined; additionalProperties?: boolean | undefined } {
  const { reader } = scope;
  const out: { required?: boolean | undefined; additionalProperties?: boolean | undefined } = {};
  for (const entry of entries) {
    switch (entry.key) {
      case 'type':
        break;
      case 'required':
        out.required = reader.boolean(entry, where);
        break;
      case 'additional_properties':
        out.additionalProperties = reader.boolean(entry, where);
        break;
      case 'nullable':
      case 'pii':
      case 'deprecated': {
        const value = reader.boolean(entry, where);
        if (value !== undefined) shape[entry.key] = value;
        break;
      }
      case 'description':
      case 'pattern':
      case 'format': {
        const value = reader.string(entry, where);
        if (value !== undefined) shape[entry.key] = value;
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'minLength':
      case 'maxLength': {
        const value = reader.number(entry, where, entry.key.endsWith('Length'));
        if (value !== undefined) shape[entry.key] = value;
        break;
      }
      case 'enum': {
        const values = readEnum(scope, entry, where);
        if (values) shape.enum = values;
        break;
      }
      case 'items': {
        const items = resolveDefinition(scope, entry.value, `${where}.items`, { allowRequired: false }, entry.keyLocation);
        if (items) shape.items = { name: '[]', ...items.shape, required: false, fromLibrary: false, location: entry.keyLocation };
        break;
      }
      case 'properties':
        shape.properties = readPropertyMap(scope, entry.value, `${where}.properties`, false);
        break;
    }
  }
  return out;
}

function emptyShape(type: PrimitiveType[]): Shape {
  return {
    type, typeNames: [], nullable: false, additionalProperties: true,
    pii: false, deprecated: false,
  };
}

function resolveTypeSpec(scope: DefinitionScope, entry: RawEntry, where: string): Shape | undefined {
  const { reader } = scope;
  const node = entry.value;
  const names: { name: string; location: Location }[] = [];
  if (node.kind === 'scalar' && typeof node.value === 'string') names.push({ name: node.value, location: node.location });
  else if (node.kind === 'seq' && node.items.length > 0) {
    for (const item of node.items) {
      if (item.kind === 'scalar' && typeof item.value === 'string') names.push({ name: item.value, location: item.location });
      else reader.invalid(item, `${where}.type`, 'a type name');
    }
  } else {
    reader.invalid(node, `${where}.type`, 'a type name or a list of type names');
    return undefined;
  }
  const shape = emptyShape([]);
  const setBy = new Map<string, string>();
  let ok = true;
  for (const { name, location } of names) {
    if (name === 'null') {
      shape.nullable = true;
      continue;
    }
    if ((PRIMITIVE_TYPES as readonly string[]).includes(name)) {
      shape.type.push(name as PrimitiveType);
      continue;
    }
    if (!scope.types.has(name)) {
      const hint = suggestionSuffix(name, [...PRIMITIVE_TYPES, ...scope.types.keys()]);
      reader.report(planError('unknownType', location, { name, hint, builtins: PRIMITIVE_TYPES.join(', ') }));
      ok = false;
      continue;
    }
    scope.usedTypes.add(name);
    const custom = resolveCustomType(scope, name, location);
    if (!custom) {
      ok = false;
      continue;
    }
    shape.type.push(...custom.type);
    shape.typeNames.push(name, ...custom.typeNames);
    shape.nullable ||= custom.nullable;
    shape.pii ||= custom.pii;
    shape.deprecated ||= custom.deprecated;
    if (shape.description === undefined && custom.description !== undefined) shape.description = custom.description;
    if (names.length === 1) shape.additionalProperties = custom.additionalProperties;
    for (const key of INHERITED) {
      const value = custom[key];
      if (value === undefined) continue;
      const previous = setBy.get(key);
      if (previous !== undefined && JSON.stringify(shape[key]) !== JSON.stringify(value)) {
        reader.report(planError('conflictingConstraints', location, { types: `"${previous}" and "${name}"`, key }));
        ok = false;
        continue;
      }
      setBy.set(key, name);
      (shape as Record<string, unknown>)[key] = value;
    }
  }
  if (!ok) return undefined;
  if (shape.type.length === 0) shape.type.push(shape.nullable ? 'null' : 'any');
  if (shape.type.length === 1 && shape.type[0] === 'null') shape.nullable = false;
  shape.type = normalizeTypes(shape.type);
  return shape;
}

function normalizeTypes(types: PrimitiveType[]): PrimitiveType[] {
  if (types.includes('any')) return ['any'];
  // Every integer is a number: `[integer, number]` is just `number`.
  return PRIMITIVE_TYPES.filter((t) => types.includes(t) && !(t === 'integer' && types.includes('number')));
}

function readEnum(scope: DefinitionScope, entry: RawEntry, where: string): EnumValue[] | undefined {
  const node = entry.value;
  if (node.kind !== 'seq') {
    scope.reader.invalid(node, `${where}.enum`, 'a list of values');
    return undefined;
  }
  const out: EnumValue[] = [];
  for (const item of node.items) {
    if (item.kind === 'scalar') out.push(item.value);
    else scope.reader.invalid(item, `${where}.enum`, 'a string, number, boolean or null');
  }
  return out;
}

function matchesType(value: EnumValue, types: PrimitiveType[], nullable: boolean): boolean {
  if (types.includes('any')) return true;
  if (value === null) return nullable || types.includes('null');
  if (typeof value === 'string') return types.includes('string');
  if (typeof value === 'boolean') return types.includes('boolean');
  return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
}

const APPLIES: Record<string, { types: PrimitiveType[]; label: string }> = {
  pattern: { types: ['string'], label: 'string' },
  format: { types: ['string'], label: 'string' },
  minLength: { types: ['string'], label: 'string' },
  maxLength: { types: ['string'], label: 'string' },
  minimum: { types: ['number', 'integer'], label: 'number' },
  maximum: { types: ['number', 'integer'], label: 'number' },
  items: { types: ['array'], label: 'array' },
  properties: { types: ['object'], label: 'object' },
};

/** Checks what this definition itself says (inherited values were checked where they were written). */
function checkConstraints(scope: DefinitionScope, shape: Shape, entries: RawEntry[]): void {
  const { reader } = scope;
  const located = (key: string) => entries.find((e) => e.key === key);
  for (const [key, rule] of Object.entries(APPLIES)) {
    const entry = located(key);
    if (!entry || rule.types.some((t) => shape.type.includes(t))) continue;
    reader.report(planError('constraintTypeMismatch', entry.keyLocation, { key, applies: rule.label, type: shape.type.join(' | ') }));
  }
  const enumEntry = located('enum');
  if (enumEntry && enumEntry.value.kind === 'seq' && shape.enum) {
    for (const item of enumEntry.value.items) {
      if (item.kind !== 'scalar' || matchesType(item.value, shape.type, shape.nullable)) continue;
      const expected = [...shape.type, ...(shape.nullable ? ['null'] : [])].join(' | ');
      reader.report(planError('enumValueType', item.location, { value: JSON.stringify(item.value), found: describeNode(item), expected }));
    }
  }
  const patternEntry = located('pattern');
  if (patternEntry && shape.pattern !== undefined) {
    try {
      new RegExp(shape.pattern, 'u');
    } catch (error) {
      reader.report(planError('invalidPattern', patternEntry.value.location, { detail: (error as Error).message }));
    }
  }
  const formatEntry = located('format');
  if (formatEntry && shape.format !== undefined && !isKnownFormat(shape.format)) {
    reader.report(
      planError('unknownFormat', formatEntry.value.location, {
        name: shape.format, hint: suggestionSuffix(shape.format, KNOWN_FORMATS), expected: KNOWN_FORMATS.join(', '),
      }),
    );
  }
  for (const [low, high] of [['minimum', 'maximum'], ['minLength', 'maxLength']] as const) {
    const lowValue = shape[low];
    const highValue = shape[high];
    if (lowValue === undefined || highValue === undefined || lowValue <= highValue) continue;
    const at = located(low) ?? located(high);
    reader.report(planError('invalidRange', at?.value.location, { lowKey: low, low: lowValue, highKey: high, high: highValue }));
  }
}
