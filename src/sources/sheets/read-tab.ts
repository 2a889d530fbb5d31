import type { Diagnostic } from '../../core/diagnostics.js';
import type { SheetLocation } from '../../core/location.js';
import { suggestionSuffix } from '../../core/suggest.js';
import { cellAt, isBlankRow, type Grid } from './a1.js';
import { sheetError } from './sheet-errors.js';
import { findColumn, isNotesHeader, type TabSpec } from './tabs.js';

/** A cell of a known column: its value with surrounding spaces trimmed, and where it is. */
export interface Cell {
  value: string;
  location: SheetLocation;
}

export interface TabRow {
  /** 0-based row index in the grid. */
  index: number;
  /** Non-empty cells of known columns, by column key. */
  cells: Map<string, Cell>;
}

export interface ReadTab {
  title: string;
  /** 0-based index of the header row (the first non-blank row); -1 for an empty tab. */
  headerIndex: number;
  /** Column index of each known column key. */
  columns: Map<string, number>;
  rows: TabRow[];
}

/**
 * Reads one tab against its template: the header row maps columns (in any order, by header or
 * alias), blank rows are skipped, cells are trimmed. Unknown columns are reported at their header.
 */
export function readTab(title: string, grid: Grid, spec: TabSpec, diagnostics: Diagnostic[]): ReadTab {
  const headerIndex = grid.findIndex((row) => !isBlankRow(row));
  const tab: ReadTab = { title, headerIndex, columns: new Map(), rows: [] };
  if (headerIndex < 0) return tab;
  const header = grid[headerIndex]!;
  const unnamed = new Set<number>();
  header.forEach((text, index) => {
    if (text.trim() === '') {
      unnamed.add(index);
      return;
    }
    if (isNotesHeader(text)) return;
    const column = findColumn(spec, text);
    const location = cellAt(title, headerIndex, index);
    if (!column) {
      const expected = spec.columns.map((c) => c.header);
      diagnostics.push(sheetError('unknownColumn', location, { column: text.trim(), tab: title, hint: suggestionSuffix(text.trim(), expected), expected: expected.join(', ') }));
      return;
    }
    const first = tab.columns.get(column.key);
    if (first !== undefined) {
      diagnostics.push(sheetError('duplicateColumn', location, { column: text.trim(), tab: title, other: cellAt(title, headerIndex, first).cell }));
      return;
    }
    tab.columns.set(column.key, index);
  });
  const warned = new Set<number>();
  for (let index = headerIndex + 1; index < grid.length; index++) {
    const row = grid[index]!;
    const cells = new Map<string, Cell>();
    for (const [key, columnIndex] of tab.columns) {
      const value = (row[columnIndex] ?? '').trim();
      if (value !== '') cells.set(key, { value, location: cellAt(title, index, columnIndex) });
    }
    row.forEach((text, columnIndex) => {
      if (text.trim() === '' || warned.has(columnIndex) || !(unnamed.has(columnIndex) || columnIndex >= header.length)) return;
      warned.add(columnIndex);
      diagnostics.push(sheetError('unnamedColumn', cellAt(title, index, columnIndex), { tab: title }, 'warning'));
    });
    if (cells.size > 0) tab.rows.push({ index, cells });
  }
  if (tab.rows.length > 0 && !tab.columns.has(spec.keyColumn)) {
    // Without the column that names rows, no row can be read; one error says why.
    const keyColumn = spec.columns.find((c) => c.key === spec.keyColumn)!;
    diagnostics.push(sheetError('missingColumn', cellAt(title, headerIndex, 0), { tab: title, column: keyColumn.header }));
    tab.rows = [];
  }
  return tab;
}


/** Where a column's cell of the row is, blank or not (for "this cell is empty" messages). */
export function locateCell(tab: ReadTab, row: TabRow, key: string): SheetLocation {
  return cellAt(tab.title, row.index, tab.columns.get(key) ?? 0);
}
