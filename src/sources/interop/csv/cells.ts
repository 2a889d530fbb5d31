import { formatLocation } from '../../../core/location.js';
import type { Cell, TabRow } from '../../sheets/read-tab.js';
import { parseBoolean, parseNumber, splitList } from '../../sheets/cell-values.js';
import { decodeEnumItem } from '../../sheets/enum-values.js';
import type { Definition } from '../json-schema/to-definition.js';
import type { WarningSink } from '../warnings.js';
import { fromCsvType } from './segment-types.js';

/** Typed reads of one row's cells; a value that does not read is a located warning, never a throw. */
export class RowCells {
  constructor(readonly row: TabRow, private readonly sink: WarningSink) {}

  cell(key: string): Cell | undefined {
    return this.row.cells.get(key);
  }

  text(key: string): string | undefined {
    return this.row.cells.get(key)?.value;
  }

  /** A TRUE/FALSE-like cell (`true`, `True`, `TRUE`, `Y`, `yes`, `x`, ...); blank is undefined. */
  boolean(key: string): boolean | undefined {
    const cell = this.cell(key);
    if (!cell) return undefined;
    const value = parseBoolean(cell.value);
    if (value === undefined) this.invalid(cell, 'TRUE or FALSE');
    return value;
  }

  number(key: string): number | undefined {
    const cell = this.cell(key);
    if (!cell) return undefined;
    const value = parseNumber(cell.value);
    if (value === undefined) this.invalid(cell, 'a number');
    return value;
  }

  /** A list cell split on `,` (or `sep`); quoted items keep their commas. */
  list(key: string, separator: ',' | ';' = ','): string[] {
    const cell = this.cell(key);
    if (!cell) return [];
    if (separator === ';') return cell.value.split(';').map((s) => s.trim()).filter((s) => s !== '');
    const { items, error } = splitList(cell.value);
    if (error) this.invalid(cell, `a list (${error})`);
    return items.map((i) => i.text);
  }

  /** `string`, `int,null`, `float | bool`: plan types with `nullable` for `null`. */
  types(key: string): Definition {
    const cell = this.cell(key);
    if (!cell) return { type: 'any' };
    const types: string[] = [];
    let nullable = false;
    for (const word of cell.value.split(/[,|]/).map((w) => w.trim()).filter((w) => w !== '')) {
      const type = fromCsvType(word);
      if (type === undefined) this.invalid(cell, 'a data type (string, int, float, bool, object, array, any, null)', word);
      else if (type === 'null') nullable = true;
      else if (!types.includes(type)) types.push(type);
    }
    if (types.length === 0) return nullable ? { type: 'null' } : { type: 'any' };
    return { type: types.length === 1 ? types[0] : types, ...(nullable ? { nullable: true } : {}) };
  }

  /** Enum values read as the property's types (`1` is a number for an int, a string for a string). */
  enumValues(key: string, types: readonly string[]): unknown[] | undefined {
    const cell = this.cell(key);
    if (!cell) return undefined;
    const { items, error } = splitList(cell.value);
    if (error) this.invalid(cell, `a list of values (${error})`);
    const known = types.includes('any') ? undefined : new Set(types);
    return items.map((item) => decodeEnumItem(item, known));
  }

  private invalid(cell: Cell, expected: string, found = cell.value): void {
    this.sink.warn('skipped', cell.location, { pointer: formatLocation(cell.location), what: `the value "${found}"`, reason: `expected ${expected}` });
  }
}

/** The definition's type names as a list. */
export function typeList(def: Definition): string[] {
  const type = def['type'];
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : ['any'];
}

/** Wraps a definition as the items of an array (`Is Property Array?`); the array keeps `required`. */
export function asArray(def: Definition): Definition {
  const { required, description, ...items } = def;
  return { type: 'array', ...(required ? { required } : {}), ...(description ? { description } : {}), items };
}
