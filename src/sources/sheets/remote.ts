import type { Grid } from './a1.js';
import type { SheetsClient, SpreadsheetInfo, TabInfo } from './google-client.js';
import type { SheetData } from './sheet-data.js';
import { TAB_ORDER, type TabName } from './tabs.js';

/** `1AbC...` or a sheet's URL (`https://docs.google.com/spreadsheets/d/1AbC.../edit#gid=0`): the id. */
export function parseSpreadsheetId(text: string): string {
  const match = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(text);
  return match ? match[1]! : text.trim();
}

/** The template's tabs that the spreadsheet has (matched without case), by template name. */
export function templateTabs(info: SpreadsheetInfo): Map<TabName, TabInfo> {
  const out = new Map<TabName, TabInfo>();
  for (const name of TAB_ORDER) {
    const tab = info.tabs.find((t) => t.title.trim().toLowerCase() === name.toLowerCase());
    if (tab) out.set(name, tab);
  }
  return out;
}

/**
 * Reads the template's tabs in one `values.batchGet` (after one `spreadsheets.get` that lists
 * the tabs: asking for a tab that does not exist fails the whole batch). Other tabs are listed
 * without content, so a misnamed tab can still be pointed out.
 */
export async function fetchSheet(client: SheetsClient): Promise<{ info: SpreadsheetInfo; data: SheetData; tabs: Map<TabName, TabInfo> }> {
  const info = await client.getSpreadsheet();
  const tabs = templateTabs(info);
  const grids = await client.readTabs([...tabs.values()].map((t) => t.title));
  const all = new Map<string, Grid>(info.tabs.map((t) => [t.title, grids.get(t.title) ?? []]));
  return { info, tabs, data: { title: info.title, tabs: all, diagnostics: [] } };
}
