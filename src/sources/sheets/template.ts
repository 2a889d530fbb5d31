import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/index.js';
import { isBlankRow, type Grid } from './a1.js';
import type { SpreadsheetInfo, TabInfo } from './google-client.js';
import { templateGrid } from './sheet-grids.js';
import { TABS, TAB_ORDER, type TabName } from './tabs.js';
import { addTabRequest, freezeHeaderRequest, growRequests, validationRequests } from './template-requests.js';

export interface ComputedTemplate {
  structure: sheets_v4.Schema$Request[];
  writes: { title: string; startRow: number; values: Grid }[];
  /** Per tab: `added` (a new tab), `filled` (an empty tab got its header) or `kept` (it has content). */
  report: { tab: string; action: 'added' | 'filled' | 'kept' }[];
}

/**
 * The template in a spreadsheet: each missing tab is added, each empty one gets its header row,
 * drop-downs and a frozen header. A tab with content is left exactly as it is.
 */
export function computeTemplate(info: SpreadsheetInfo, tabs: ReadonlyMap<TabName, TabInfo>, current: ReadonlyMap<string, Grid>): ComputedTemplate {
  const out: ComputedTemplate = { structure: [], writes: [], report: [] };
  let nextId = Math.max(0, ...info.tabs.map((t) => t.sheetId)) + 1;
  for (const name of TAB_ORDER) {
    const spec = TABS[name];
    const tab = tabs.get(name);
    if (tab && !(current.get(tab.title) ?? []).every((row) => isBlankRow(row))) {
      out.report.push({ tab: tab.title, action: 'kept' });
      continue;
    }
    const sheetId = tab?.sheetId ?? nextId++;
    if (tab) out.structure.push(...growRequests(tab, 1, spec.columns.length), freezeHeaderRequest(sheetId));
    else out.structure.push(addTabRequest(spec, sheetId, 0));
    out.structure.push(...validationRequests(spec, sheetId, new Map(spec.columns.map((c, i) => [c.key, i])), 0));
    out.writes.push({ title: tab?.title ?? name, startRow: 0, values: templateGrid(spec) });
    out.report.push({ tab: tab?.title ?? name, action: tab ? 'filled' : 'added' });
  }
  return out;
}
