import type { EnumValue } from '../../core/ir.js';
import { PRIMITIVE_TYPES } from '../../core/ir.js';
import { formatList, parseNumber, type ListItem } from './cell-values.js';

/**
 * Type names of the sheet's custom types and library properties, so that an "Allowed values"
 * cell reads as the property's type: `1, 2` are numbers for an integer, strings for a string.
 */
export interface TypeIndex {
  types: ReadonlyMap<string, readonly string[]>;
  library: ReadonlyMap<string, readonly string[]>;
}

/** The built-in types a property resolves to, or undefined when unknown (then values are inferred). */
export function resolvePrimitives(index: TypeIndex, names: readonly string[], libraryName?: string): Set<string> | undefined {
  if (names.length === 0) {
    const library = libraryName === undefined ? undefined : index.library.get(libraryName);
    return library && library.length > 0 ? resolvePrimitives(index, library) : undefined;
  }
  const out = new Set<string>();
  const visit = (name: string, seen: Set<string>): boolean => {
    if ((PRIMITIVE_TYPES as readonly string[]).includes(name)) {
      out.add(name);
      return name !== 'any';
    }
    const custom = index.types.get(name);
    if (!custom || custom.length === 0 || seen.has(name)) return false;
    seen.add(name);
    return custom.every((inner) => visit(inner, seen));
  };
  return names.every((name) => visit(name, new Set())) ? out : undefined;
}

/** One "Allowed values" item as a plan value. Unquoted `null` is null for every type. */
export function decodeEnumItem(item: ListItem, types: Set<string> | undefined): EnumValue {
  if (item.quoted) return item.text;
  const text = item.text;
  if (text === 'null') return null;
  const numeric = types === undefined || types.has('number') || types.has('integer');
  const boolean = types === undefined || types.has('boolean');
  if (types?.has('string') && !(types.has('number') || types.has('integer') || types.has('boolean'))) return text;
  if (numeric) {
    const number = parseNumber(text);
    if (number !== undefined && !/,/.test(text)) return number;
  }
  if (boolean && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return text;
}

/** The cell text for a list of enum values that reads back as the same values. */
export function formatEnum(values: readonly EnumValue[], types: Set<string> | undefined): string {
  const parts = values.map((value) => {
    if (typeof value !== 'string') return String(value);
    const plain = formatList([value], (item) => decodeEnumItem({ text: item, quoted: false }, types) === item);
    return plain;
  });
  return parts.join(', ');
}
