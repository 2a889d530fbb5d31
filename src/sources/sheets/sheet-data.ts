import type { Diagnostic } from '../../core/diagnostics.js';
import type { Grid } from './a1.js';

/** A spreadsheet's content as trackplan reads it, from the API or from a folder of CSV files. */
export interface SheetData {
  /** The spreadsheet's title (or the CSV folder's name), for messages. */
  title: string;
  /** Cell values by tab title, as displayed (formatted), rows from row 1. */
  tabs: Map<string, Grid>;
  /** Problems met while reading (CSV syntax), located at cells. */
  diagnostics: Diagnostic[];
}

/** The tab whose title matches `name` (case and surrounding spaces ignored). */
export function findTab(data: SheetData, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return [...data.tabs.keys()].find((title) => title.trim().toLowerCase() === wanted);
}
