import type { Grid } from './a1.js';
import type { PlanRows, RowCells } from './plan-to-rows.js';
import type { SheetData } from './sheet-data.js';
import { TABS, TAB_ORDER, type TabSpec } from './tabs.js';

/** A tab's grid in the template's column order: the header row, then one row per plan row. */
export function templateGrid(spec: TabSpec, rows: readonly RowCells[] = []): Grid {
  const header = spec.columns.map((c) => c.header);
  return [header, ...rows.map((row) => spec.columns.map((c) => row.get(c.key) ?? ''))];
}

/** The whole spreadsheet a plan becomes in a fresh sheet (or a folder of CSV files). */
export function planGrids(rows: PlanRows): Map<string, Grid> {
  return new Map(TAB_ORDER.map((tab) => [tab, templateGrid(TABS[tab], rows.tabs[tab])]));
}

export function gridsToSheet(title: string, grids: ReadonlyMap<string, Grid>): SheetData {
  return { title, tabs: new Map(grids), diagnostics: [] };
}
