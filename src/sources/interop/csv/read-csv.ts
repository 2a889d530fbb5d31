import type { Diagnostic } from '../../../core/diagnostics.js';
import { isBlankRow, type Grid } from '../../sheets/a1.js';
import { parseCsv } from '../../sheets/csv.js';
import { readTab, type ReadTab } from '../../sheets/read-tab.js';
import { findColumn, isNotesHeader, type ColumnSpec } from '../../sheets/tabs.js';
import { InteropInputError } from '../errors.js';
import { refuseOtherFormat } from '../sniff.js';
import type { InputFile } from '../types.js';
import { COLUMN_SET_NAMES, COLUMN_SETS, detectColumnSet, headerOf, type ColumnSet } from './column-sets.js';

export interface CsvTable {
  file: string;
  set: ColumnSet;
  tab: ReadTab;
  /** `# key: value` comment lines before the header (Tracklint directives), with their 1-based line. */
  directives: { key: string; value: string; line: number }[];
  /** Notes column (`note`), read by hand: the Sheets reader keeps notes out of plans. */
  notes: Map<number, string>;
  /** Columns the plan has no place for: key to header text. */
  extra: Map<string, string>;
}

/**
 * Reads a tracking-plan CSV with the Sheets reader: RFC 4180 cells, the header row mapped by name,
 * every cell located as `file!B7`. The column set is `--columns` or detected from the header; a
 * missing required column is an input error naming it.
 */
export function readCsvTable(input: InputFile, columns: string | undefined, diagnostics: Diagnostic[]): CsvTable {
  if (input.text.trim() === '') throw new InteropInputError(input.path, 'the file is empty: expected a CSV header row');
  refuseJson(input);
  const { grid, error } = parseCsv(input.text);
  if (error) throw new InteropInputError(`${input.path}:${error.row + 1}`, `CSV syntax error: ${error.detail}`);
  const directives: CsvTable['directives'] = [];
  // `#` comment lines (Tracklint) are blanked, so rows keep their line numbers.
  const rows: Grid = grid.map((row, index) => {
    const first = (row[0] ?? '').trim();
    if (!first.startsWith('#')) return row;
    const match = /^#\s*([\w-]+)\s*:\s*(.*)$/.exec(row.join(','));
    if (match) directives.push({ key: match[1]!, value: match[2]!.trim(), line: index + 1 });
    return [];
  });
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  if (headerIndex < 0) throw new InteropInputError(input.path, 'the file has no header row');
  const header = rows[headerIndex]!;
  const set = chooseSet(input.path, header, headerIndex, columns);
  // Columns outside the set are kept as "extra" columns, so that a value in them is reported, not an error.
  const extra = new Map<string, string>();
  const extraColumns: ColumnSpec[] = [];
  header.forEach((text, index) => {
    if (text.trim() === '' || isNotesHeader(text) || findColumn(set.spec, text)) return;
    const key = `extra:${index}`;
    extra.set(key, text.trim());
    extraColumns.push({ key, header: text.trim(), aliases: [], kind: 'text' });
  });
  const tab = readTab(input.path, rows, { ...set.spec, columns: [...set.spec.columns, ...extraColumns] }, diagnostics);
  const notes = new Map<number, string>();
  const noteIndex = header.findIndex((text) => isNotesHeader(text) && text.trim().toLowerCase() === 'note');
  if (set.name === 'tracklint' && noteIndex >= 0) {
    rows.forEach((row, index) => {
      const text = (row[noteIndex] ?? '').trim();
      if (index > headerIndex && text !== '') notes.set(index, text);
    });
  }
  return { file: input.path, set, tab, directives, notes, extra };
}

/** A JSON document given as a CSV: name the tool whose file it is, when it is plainly one. */
function refuseJson(input: InputFile): void {
  if (!/^\s*[{[]/.test(input.text)) return;
  let data: unknown;
  try {
    data = JSON.parse(input.text);
  } catch {
    return; // not JSON after all: the header check says what is wrong
  }
  refuseOtherFormat(data, input.path, 'csv');
  throw new InteropInputError(input.path, 'a JSON document, not a CSV: expected a header row of tracking-plan columns');
}

function chooseSet(file: string, header: readonly string[], headerIndex: number, columns: string | undefined): ColumnSet {
  const where = `${file}:${headerIndex + 1}`;
  if (columns !== undefined && !(COLUMN_SET_NAMES as string[]).includes(columns)) {
    throw new InteropInputError('--columns', `unknown column set "${columns}"; expected one of: ${COLUMN_SET_NAMES.join(', ')}`);
  }
  const set = columns !== undefined ? COLUMN_SETS[columns as ColumnSet['name']] : detectColumnSet(header);
  if (!set) {
    const expected = COLUMN_SET_NAMES.map((name) => `${name} (${COLUMN_SETS[name].required.slice(0, 4).map((k) => headerOf(COLUMN_SETS[name], k)).join(', ')}, ...)`);
    throw new InteropInputError(where, `the header row matches no tracking-plan column set; expected the columns of one of: ${expected.join('; ')} (or name the set with --columns)`);
  }
  const present = new Set(header.flatMap((text) => {
    const col = findColumn(set.spec, text);
    return col ? [col.key] : [];
  }));
  const missing = set.required.filter((key) => !present.has(key));
  if (missing.length > 0) {
    throw new InteropInputError(where, `the ${set.name} column set needs the column${missing.length > 1 ? 's' : ''} ${missing.map((k) => `"${headerOf(set, k)}"`).join(', ')}, missing from the header row`);
  }
  return set;
}
