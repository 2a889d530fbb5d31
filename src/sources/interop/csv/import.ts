import type { Diagnostic } from '../../../core/diagnostics.js';
import { formatLocation, type Location } from '../../../core/location.js';
import { InteropInputError } from '../errors.js';
import { layOutPlan, slugify } from '../plan-draft.js';
import type { ImportFormat, ImportOptions, ImportResult, InputFile } from '../types.js';
import { WarningSink } from '../warnings.js';
import { RowCells } from './cells.js';
import { LOST_COLUMNS, headerOf } from './column-sets.js';
import { CsvPlanBuilder } from './plan-builder.js';
import { readCsvTable, type CsvTable } from './read-csv.js';
import { ROW_READERS, type RowState } from './row-readers.js';

/**
 * Tracking-plan spreadsheets (CSV) with the Segment, Avo, Amplitude or Tracklint columns: one row
 * per event or per (event, property), continuation rows may leave the event's cells blank.
 */
export function importCsv(files: readonly InputFile[], options: ImportOptions): ImportResult {
  if (files.length !== 1) throw new InteropInputError(files[1]?.path ?? '<input>', `CSV import reads one file, found ${files.length} files`);
  const input = files[0]!;
  const sink = new WarningSink();
  const sheetDiagnostics: Diagnostic[] = [];
  const table = readCsvTable(input, options.columns, sheetDiagnostics);
  // The Sheets reader's cell problems are located warnings here (a value that does not read is dropped).
  for (const d of sheetDiagnostics) sink.diagnostics.push({ ...d, severity: 'warning' });
  const builder = new CsvPlanBuilder(sink);
  const state: RowState = { builder, sink, rowLocation: { sheet: input.path, cell: 'A1' } };
  const lost = new Map<string, { location: Location; count: number }>();
  for (const row of table.tab.rows) {
    const cells = new RowCells(row, sink);
    state.rowLocation = { sheet: input.path, cell: `A${row.index + 1}` };
    for (const [key, cell] of row.cells) {
      if (!LOST_COLUMNS.has(key) && !table.extra.has(key)) continue;
      const seen = lost.get(key);
      if (seen) seen.count++;
      else lost.set(key, { location: cell.location, count: 1 });
    }
    ROW_READERS[table.set.name](cells, state, table.notes.get(row.index));
  }
  for (const [key, { location, count }] of lost) {
    const header = table.extra.get(key) ?? headerOf(table.set, key);
    sink.warn('lostField', location, { pointer: formatLocation(location), what: `the "${header}" column (${count} cell${count > 1 ? 's' : ''})`, target: 'the plan' });
  }
  for (const directive of table.directives) {
    if (directive.key === 'name') builder.name = directive.value;
    else sink.warn('lostField', { sheet: input.path, cell: `A${directive.line}` }, { pointer: `${input.path}:${directive.line}`, what: `the directive "${directive.key}: ${directive.value}"`, target: 'the plan' });
  }
  return { documents: layOutPlan({ ...header(table, builder), ...builder.draft() }), diagnostics: sink.diagnostics };
}

function header(table: CsvTable, builder: CsvPlanBuilder) {
  const stem = table.file.split('/').pop()!.replace(/\.csv$/i, '');
  return {
    id: slugify(stem) || 'csv-plan',
    name: builder.name ?? stem,
    version: builder.version ?? '1.0.0',
    ...(Object.keys(builder.sources).length > 0 ? { sources: builder.sources } : {}),
  };
}

/** `trackplan import csv`: Segment, Avo, Amplitude (or Tracklint) tracking-plan spreadsheets. */
export const importFormat: ImportFormat = {
  name: 'csv',
  summary: 'tracking-plan CSV (Segment, Avo, Amplitude or Tracklint columns; --columns or detected)',
  importPlan: importCsv,
};
