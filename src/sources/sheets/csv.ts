import type { Grid } from './a1.js';

export interface CsvResult {
  grid: Grid;
  /** An unterminated quoted field: the 0-based row and column where it started. */
  error?: { row: number; column: number; detail: string };
}

/**
 * Parses RFC 4180 CSV as Google Sheets exports it ("File > Download > CSV"): comma separated,
 * fields quoted with `"` when they hold commas, quotes or line breaks, CRLF or LF line ends.
 */
export function parseCsv(text: string): CsvResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const grid: Grid = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quotedAt: { row: number; column: number } | undefined;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    grid.push(row);
    row = [];
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (quotedAt) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quotedAt = undefined;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quotedAt = { row: grid.length, column: row.length };
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      endRow();
      if (ch === '\r' && source[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (quotedAt) {
    endRow();
    return { grid, error: { ...quotedAt, detail: 'a quoted field is not closed (a `"` is missing)' } };
  }
  if (field !== '' || row.length > 0) endRow();
  return { grid };
}

/** CSV text of a grid, quoting only where needed, CRLF line ends as Google Sheets writes them. */
export function stringifyCsv(grid: Grid): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return grid.map((row) => `${row.map(quote).join(',')}\r\n`).join('');
}
