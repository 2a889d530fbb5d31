import type { SheetLocation } from '../../core/location.js';

/** Cell values as a sheet (or a CSV export) gives them: rows of strings, ragged at the end. */
export type Grid = string[][];

/** `0 -> A`, `25 -> Z`, `26 -> AA`: the column letters of A1 notation. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The location of a cell by 0-based row and column. */
export function cellAt(sheet: string, row: number, column: number): SheetLocation {
  return { sheet, cell: `${columnLetters(column)}${row + 1}` };
}

/** A tab title as A1 notation needs it: always quoted, inner quotes doubled (`'It''s'`). */
export function quoteTitle(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

export function isBlankRow(row: readonly string[] | undefined): boolean {
  return !row || row.every((cell) => cell.trim() === '');
}
