import { isBlankRow, type Grid } from './a1.js';
import type { RowCells } from './plan-to-rows.js';
import { createRowKeyer } from './row-keys.js';
import { templateGrid } from './sheet-grids.js';
import { findColumn, isNotesHeader, type TabSpec } from './tabs.js';

export interface MergedTab {
  /** The rows to write, starting at the header row. */
  grid: Grid;
  /** 0-based index of the header row in the tab. */
  startRow: number;
  added: number;
  removed: number;
  changed: number;
}

interface Slot {
  existing?: string[];
  desired?: RowCells;
}

/**
 * Lays the plan's rows over a tab's current rows: rows that still exist keep their place (and the
 * notes and other columns people added), rows the plan no longer has go, new rows go right after
 * the row that precedes them in the plan. Blank separator rows stay where they are.
 */
export function mergeTab(spec: TabSpec, existing: Grid, desired: readonly RowCells[]): MergedTab {
  const headerIndex = existing.findIndex((row) => !isBlankRow(row));
  if (headerIndex < 0) return { grid: templateGrid(spec, desired), startRow: 0, added: desired.length, removed: 0, changed: 0 };

  const header = trimEnd(existing[headerIndex]!);
  const columns = new Map<string, number>();
  header.forEach((text, index) => {
    const column = isNotesHeader(text) ? undefined : findColumn(spec, text);
    if (column && !columns.has(column.key)) columns.set(column.key, index);
  });
  for (const column of spec.columns) {
    if (!columns.has(column.key)) {
      columns.set(column.key, header.length);
      header.push(column.header);
    }
  }

  const desiredKeyer = createRowKeyer(spec.name);
  const wanted = new Map<string, RowCells>();
  const order: string[] = [];
  for (const row of desired) {
    const key = desiredKeyer((k) => row.get(k) ?? '');
    if (key === undefined || wanted.has(key)) continue;
    wanted.set(key, row);
    order.push(key);
  }

  const existingKeyer = createRowKeyer(spec.name);
  const slots: Slot[] = [];
  const placed = new Map<string, Slot>();
  let removed = 0;
  let changed = 0;
  const oldRows = existing.slice(headerIndex + 1);
  for (const row of oldRows) {
    const key = existingKeyer((k) => (columns.has(k) ? (row[columns.get(k)!] ?? '').trim() : ''));
    if (key === undefined) {
      // Separator and notes-only rows stay; a row with plan values but no name cannot be matched and goes.
      if ([...columns.values()].every((index) => (row[index] ?? '').trim() === '')) slots.push({ existing: row });
      else removed++;
      continue;
    }
    const match = wanted.get(key);
    if (!match || placed.has(key)) {
      removed++;
      continue;
    }
    const slot = { existing: row, desired: match };
    if (spec.columns.some((c) => (row[columns.get(c.key)!] ?? '').trim() !== (match.get(c.key) ?? ''))) changed++;
    placed.set(key, slot);
    slots.push(slot);
  }

  // New rows follow the nearest earlier plan row that is already in the sheet.
  const after = new Map<Slot | undefined, Slot[]>();
  let anchor: Slot | undefined;
  let added = 0;
  for (const key of order) {
    const slot = placed.get(key);
    if (slot) {
      anchor = slot;
      continue;
    }
    after.set(anchor, [...(after.get(anchor) ?? []), { desired: wanted.get(key)! }]);
    added++;
  }
  const final: Slot[] = [...(after.get(undefined) ?? [])];
  for (const slot of slots) final.push(slot, ...(after.get(slot) ?? []));

  const width = Math.max(header.length, ...oldRows.map((row) => trimEnd(row).length));
  const grid: Grid = [pad(header, width)];
  for (const slot of final) {
    const row = pad(slot.existing ?? [], width);
    if (slot.desired) for (const [key, index] of columns) row[index] = slot.desired.get(key) ?? '';
    grid.push(row);
  }
  // Rows the tab no longer needs are cleared, so nothing of the old plan stays below the new one.
  while (grid.length - 1 < oldRows.length) grid.push(pad([], width));
  return { grid, startRow: headerIndex, added, removed, changed };
}

function trimEnd(row: readonly string[]): string[] {
  let end = row.length;
  while (end > 0 && row[end - 1]!.trim() === '') end--;
  return row.slice(0, end);
}

function pad(row: readonly string[], width: number): string[] {
  return Array.from({ length: width }, (_, i) => row[i] ?? '');
}
