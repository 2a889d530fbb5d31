import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/index.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import { hasErrors } from '../../core/diagnostics.js';
import { compileSchemaFiles } from '../../core/compile.js';
import type { PlanIR } from '../../core/ir.js';
import type { Grid } from './a1.js';
import type { SheetsClient, SpreadsheetInfo, TabInfo } from './google-client.js';
import { mergeTab } from './merge-tab.js';
import { readBackPlan, type PreparedPush } from './prepare-push.js';
import { TABS, TAB_ORDER, findColumn, type TabName } from './tabs.js';
import { addTabRequest, growRequests, validationRequests } from './template-requests.js';

export interface TabChange {
  tab: string;
  created: boolean;
  added: number;
  removed: number;
  changed: number;
}

export interface ComputedPush {
  structure: sheets_v4.Schema$Request[];
  writes: { title: string; startRow: number; values: Grid }[];
  changes: TabChange[];
  /** Problems the sheet keeps after the push (columns push does not own, ...). */
  warnings: Diagnostic[];
}

/**
 * Works out the requests that make the spreadsheet hold the plan: missing tabs are added, every
 * tab's rows are laid over the current ones (existing rows keep their order), grids grow where
 * needed. Then it reads the result as `pull` would and checks it builds the same schemas.
 */
export function computePush(prepared: PreparedPush, info: SpreadsheetInfo, tabs: ReadonlyMap<TabName, TabInfo>, current: ReadonlyMap<string, Grid>): ComputedPush {
  const out: ComputedPush = { structure: [], writes: [], changes: [], warnings: [] };
  let nextId = Math.max(0, ...info.tabs.map((t) => t.sheetId)) + 1;
  const result = new Map<string, Grid>();
  for (const name of TAB_ORDER) {
    const spec = TABS[name];
    const tab = tabs.get(name);
    const merged = mergeTab(spec, tab ? current.get(tab.title) ?? [] : [], prepared.rows.tabs[name]);
    const width = Math.max(...merged.grid.map((row) => row.length));
    const columns = new Map<string, number>();
    merged.grid[0]!.forEach((text, index) => {
      const column = findColumn(spec, text);
      if (column && !columns.has(column.key)) columns.set(column.key, index);
    });
    if (tab) out.structure.push(...growRequests(tab, merged.startRow + merged.grid.length, width));
    else out.structure.push(addTabRequest(spec, nextId, merged.grid.length));
    out.structure.push(...validationRequests(spec, tab?.sheetId ?? nextId, columns, merged.startRow));
    if (!tab) nextId++;
    out.writes.push({ title: tab?.title ?? name, startRow: merged.startRow, values: merged.grid });
    out.changes.push({ tab: tab?.title ?? name, created: !tab, added: merged.added, removed: merged.removed, changed: merged.changed });
    result.set(tab?.title ?? name, merged.grid);
  }
  out.warnings.push(...checkMerged(prepared, result));
  return out;
}

/**
 * Reads the merged tabs back as `pull` will: rows kept in the sheet's order may order properties
 * differently, but must never change a schema. Returns the problems the sheet keeps (an unknown
 * column push leaves alone, ...).
 */
export function checkMerged(prepared: PreparedPush, grids: ReadonlyMap<string, Grid>): Diagnostic[] {
  const back = readBackPlan(grids);
  if (hasErrors(back.problems) || !back.plan) return back.problems.filter((d) => d.severity === 'error');
  if (schemasOf(back.plan) !== schemasOf(prepared.plan)) throw new Error('push would leave a sheet that builds different schemas; please report this');
  return [];
}

function schemasOf(plan: PlanIR): string {
  return JSON.stringify([...compileSchemaFiles(plan)].filter(([file]) => file.startsWith('schemas/')));
}

export async function applyPush(client: SheetsClient, computed: ComputedPush): Promise<void> {
  await client.updateStructure(computed.structure);
  await client.writeValues(computed.writes);
}
