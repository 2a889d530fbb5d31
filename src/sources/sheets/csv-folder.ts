import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostics.js';
import { ConfigError } from '../../core/errors.js';
import { cellAt, type Grid } from './a1.js';
import { parseCsv, stringifyCsv } from './csv.js';
import type { SheetData } from './sheet-data.js';
import { sheetError } from './sheet-errors.js';
import { TAB_ORDER } from './tabs.js';

/**
 * Reads a sheet downloaded as CSV: one file per tab, named after the tab (`Events.csv`) or as
 * Google Sheets names downloads (`Tracking plan - Events.csv`).
 */
export async function readCsvFolder(dir: string): Promise<SheetData> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`cannot read the CSV folder ${dir}: ${error.code === 'ENOENT' ? 'it does not exist' : error.message}`);
  });
  const data: SheetData = { title: path.basename(path.resolve(dir)), tabs: new Map(), diagnostics: [] };
  for (const name of names.filter((n) => /\.csv$/i.test(n)).sort()) {
    const tab = tabTitle(name);
    if (data.tabs.has(tab)) throw new ConfigError(`two CSV files in ${dir} hold the ${tab} tab; keep one`);
    const { grid, error } = parseCsv(await readFile(path.join(dir, name), 'utf8'));
    if (error) data.diagnostics.push(csvError(tab, error));
    data.tabs.set(tab, grid);
  }
  if (data.tabs.size === 0) throw new ConfigError(`no *.csv files in ${dir} (expected one per tab: ${TAB_ORDER.map((t) => `${t}.csv`).join(', ')})`);
  return data;
}

function tabTitle(fileName: string): string {
  const stem = fileName.replace(/\.csv$/i, '');
  const known = TAB_ORDER.find((tab) => stem.toLowerCase().endsWith(` - ${tab.toLowerCase()}`));
  return known ?? stem;
}

function csvError(tab: string, error: { row: number; column: number; detail: string }): Diagnostic {
  return sheetError('csvSyntax', cellAt(tab, error.row, error.column), { detail: error.detail });
}

/** Writes one CSV file per tab; each file is replaced whole (temp file, then rename). */
export async function writeCsvFolder(dir: string, tabs: ReadonlyMap<string, Grid>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [tab, grid] of tabs) {
    const target = path.join(dir, `${tab}.csv`);
    const temp = `${target}.tmp-${process.pid}`;
    try {
      await writeFile(temp, stringifyCsv(grid));
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
    written.push(target);
  }
  return written;
}
