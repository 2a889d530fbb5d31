import type { Diagnostic } from '../../core/diagnostics.js';
import type { RawEntry } from '../../core/raw.js';
import { parseBoolean, parseNumber, splitList, splitTypes } from './cell-values.js';
import { decodeEnumItem, resolvePrimitives, type TypeIndex } from './enum-values.js';
import type { Cell, TabRow } from './read-tab.js';
import { entryOf, scalarNode } from './raw-nodes.js';
import { sheetError } from './sheet-errors.js';
import type { ColumnSpec } from './tabs.js';

export interface CellContext {
  index: TypeIndex;
  diagnostics: Diagnostic[];
  /** For event-level properties without a type: the library property whose type they take. */
  libraryName?: string;
}

/**
 * The plan keys a row sets, in column-spec order (the order the YAML writer keeps). Blank cells set
 * nothing, so a blank Required means "not set": a library property's own value then applies.
 */
export function readCells(row: TabRow, columns: readonly ColumnSpec[], context: CellContext): RawEntry[] {
  const entries: RawEntry[] = [];
  const typeCell = row.cells.get('type');
  const typeNames = typeCell ? splitTypes(typeCell.value) : [];
  for (const column of columns) {
    const cell = row.cells.get(column.key);
    if (!cell) continue;
    const entry = readCell(column, cell, typeNames, context);
    if (entry) entries.push(entry);
  }
  return entries;
}

function readCell(column: ColumnSpec, cell: Cell, typeNames: string[], context: CellContext): RawEntry | undefined {
  const at = cell.location;
  const make = (value: RawEntry['value']) => entryOf(column.key, at, value);
  switch (column.kind) {
    case 'text':
      return make(scalarNode(cell.value, at));
    case 'types': {
      if (typeNames.length === 1) return make(scalarNode(typeNames[0]!, at));
      return make({ kind: 'seq', items: typeNames.map((name) => scalarNode(name, at)), location: at });
    }
    case 'boolean': {
      const value = parseBoolean(cell.value);
      if (value === undefined) {
        context.diagnostics.push(sheetError('invalidBoolean', at, { column: column.header, found: cell.value }));
        return undefined;
      }
      return make(scalarNode(value, at));
    }
    case 'number': {
      const value = parseNumber(cell.value);
      if (value === undefined) {
        context.diagnostics.push(sheetError('invalidNumber', at, { column: column.header, found: cell.value }));
        return undefined;
      }
      return make(scalarNode(value, at));
    }
    case 'list':
    case 'enum': {
      const { items, error } = splitList(cell.value);
      if (error) {
        context.diagnostics.push(sheetError('invalidList', at, { column: column.header, detail: error }));
        return undefined;
      }
      const types = column.kind === 'enum' ? resolvePrimitives(context.index, typeNames, context.libraryName) : undefined;
      const values = items.map((item) => (column.kind === 'enum' ? decodeEnumItem(item, types) : item.text));
      return make({ kind: 'seq', items: values.map((value) => scalarNode(value, at)), location: at });
    }
  }
}
