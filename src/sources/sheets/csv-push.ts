import { isBlankRow, type Grid } from './a1.js';
import { mergeTab } from './merge-tab.js';
import type { PreparedPush } from './prepare-push.js';
import { checkMerged, type TabChange } from './push.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { SheetData } from './sheet-data.js';
import { findTab } from './sheet-data.js';
import { TABS, TAB_ORDER } from './tabs.js';
import { templateGrid } from './sheet-grids.js';

/** The plan laid over a folder of tab CSV files the way `push` lays it over a spreadsheet. */
export function mergeCsvTabs(prepared: PreparedPush, current: SheetData | undefined): { grids: Map<string, Grid>; changes: TabChange[]; warnings: Diagnostic[] } {
  const grids = new Map<string, Grid>();
  const changes: TabChange[] = [];
  for (const name of TAB_ORDER) {
    const title = current ? findTab(current, name) : undefined;
    const existing = title !== undefined ? current!.tabs.get(title)! : [];
    const merged = mergeTab(TABS[name], existing, prepared.rows.tabs[name]);
    const above = existing.slice(0, merged.startRow).map(() => [] as string[]);
    grids.set(name, trimBlankTail([...above, ...merged.grid]));
    changes.push({ tab: name, created: title === undefined, added: merged.added, removed: merged.removed, changed: merged.changed });
  }
  return { grids, changes, warnings: checkMerged(prepared, grids) };
}

/** The template's empty tabs, for `template --to-csv`. */
export function templateCsvTabs(): Map<string, Grid> {
  return new Map(TAB_ORDER.map((name) => [name, templateGrid(TABS[name])]));
}

// A CSV file has no grid to clear: rows that a sheet would blank out are simply not written.
function trimBlankTail(grid: Grid): Grid {
  let end = grid.length;
  while (end > 1 && isBlankRow(grid[end - 1])) end--;
  return grid.slice(0, end);
}
