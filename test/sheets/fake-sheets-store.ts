/**
 * The spreadsheet model behind the fake Sheets v4 server: tabs with typed cells, grid limits,
 * data validation rules, and the request semantics trackplan relies on (RAW vs USER_ENTERED
 * input, FORMATTED_VALUE output, all-or-nothing batch updates).
 */
export type FakeCell = string | number | boolean;

export interface FakeValidation {
  range: { sheetId: number; startRowIndex?: number; endRowIndex?: number; startColumnIndex?: number; endColumnIndex?: number };
  rule?: { condition: { type: string; values?: { userEnteredValue: string }[] }; strict?: boolean; showCustomUi?: boolean };
}

export interface FakeTab {
  sheetId: number;
  title: string;
  index: number;
  rows: FakeCell[][];
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  validations: FakeValidation[];
}

export interface FakeSpreadsheet {
  id: string;
  title: string;
  tabs: FakeTab[];
  /** Principals that may open it: `token:<t>`, `sa:<email>`; `public` lets API keys read. */
  access: Set<string>;
}

export class ApiError extends Error {
  constructor(readonly code: number, readonly status: string, message: string) {
    super(message);
  }
}

export function createTab(sheetId: number, title: string, index: number, rows: FakeCell[][] = []): FakeTab {
  return {
    sheetId, title, index, rows: rows.map((r) => [...r]), validations: [], frozenRowCount: 0,
    rowCount: Math.max(1000, rows.length), columnCount: Math.max(26, ...rows.map((r) => r.length)),
  };
}

/** `Plan` or `'My tab'` (optionally with `!A1`): the tab title and the 0-based start cell. */
export function parseRange(range: string): { title: string; row: number; column: number; whole: boolean } {
  const match = /^(?:'((?:[^']|'')*)'|([^!']+))(?:!([A-Z]+)(\d+))?$/.exec(range);
  if (!match) throw new ApiError(400, 'INVALID_ARGUMENT', `Unable to parse range: ${range}`);
  const title = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
  if (match[3] === undefined) return { title, row: 0, column: 0, whole: true };
  const column = [...match[3]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { title, row: Number(match[4]) - 1, column, whole: false };
}

export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function quoteTitle(title: string): string {
  return /^[A-Za-z0-9_]+$/.test(title) ? title : `'${title.replace(/'/g, "''")}'`;
}

export function findTab(sheet: FakeSpreadsheet, range: string): { tab: FakeTab; row: number; column: number; whole: boolean } {
  const parsed = parseRange(range);
  const tab = sheet.tabs.find((t) => t.title === parsed.title);
  if (!tab) throw new ApiError(400, 'INVALID_ARGUMENT', `Unable to parse range: ${range}`);
  return { tab, ...parsed };
}

/** What `values.get` returns for a cell with FORMATTED_VALUE: what the user sees. */
function formatCell(cell: FakeCell, render: string): FakeCell {
  if (render !== 'FORMATTED_VALUE') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

export function readValues(tab: FakeTab, render: string): FakeCell[][] {
  const rows = tab.rows.map((row) => {
    const out = row.map((cell) => formatCell(cell ?? '', render));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

function parseUserEntered(value: unknown): FakeCell {
  if (typeof value !== 'string') return value as FakeCell;
  if (value.startsWith("'")) return value.slice(1);
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/** One `values.batchUpdate` data item; throws before changing anything when it does not fit the grid. */
export function checkWrite(sheet: FakeSpreadsheet, range: string, values: unknown[][]) {
  const target = findTab(sheet, range);
  const width = Math.max(0, ...values.map((r) => r.length));
  const lastRow = target.row + values.length;
  const lastColumn = target.column + width;
  if (lastRow > target.tab.rowCount || lastColumn > target.tab.columnCount) {
    throw new ApiError(400, 'INVALID_ARGUMENT',
      `Range (${quoteTitle(target.tab.title)}!${columnName(target.column)}${target.row + 1}:${columnName(lastColumn - 1)}${lastRow}) exceeds grid limits. Max rows: ${target.tab.rowCount}, max columns: ${target.tab.columnCount}`);
  }
  return { ...target, width };
}

export function applyWrite(target: ReturnType<typeof checkWrite>, values: unknown[][], inputOption: string): number {
  let cells = 0;
  values.forEach((row, r) => {
    row.forEach((value, c) => {
      const rowIndex = target.row + r;
      while (target.tab.rows.length <= rowIndex) target.tab.rows.push([]);
      const line = target.tab.rows[rowIndex]!;
      while (line.length <= target.column + c) line.push('');
      line[target.column + c] = value === null ? '' : inputOption === 'USER_ENTERED' ? parseUserEntered(value) : (value as FakeCell);
      cells++;
    });
  });
  return cells;
}
