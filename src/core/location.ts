/** A place in a plan file (1-based line and column, end exclusive). */
export interface FileLocation {
  /** The file, relative to the working folder (with `/` separators). */
  file: string;
  /** First line, 1-based. */
  line: number;
  /** First column, 1-based. */
  column: number;
  /** Last line, 1-based. */
  endLine: number;
  /** Column just after the span, 1-based. */
  endColumn: number;
}

/** A cell of a spreadsheet tab, in A1 notation. */
export interface SheetLocation {
  /** The tab name. */
  sheet: string;
  /** The cell in A1 notation. */
  cell: string;
}

/** Where a diagnostic points: a span in a file, or a spreadsheet cell. */
export type Location = FileLocation | SheetLocation;

export function isSheetLocation(location: Location): location is SheetLocation {
  return 'sheet' in location;
}

/** `file:line:col` or `Sheet!B7`, the way editors and CI logs link to places. */
export function formatLocation(location: Location | undefined): string {
  if (!location) return '<plan>';
  if (isSheetLocation(location)) return `${location.sheet}!${location.cell}`;
  return `${location.file}:${location.line}:${location.column}`;
}

export function compareLocations(a: Location | undefined, b: Location | undefined): number {
  const ka: [string, number, number] = a ? locationSortKey(a) : ["", 0, 0];
  const kb: [string, number, number] = b ? locationSortKey(b) : ["", 0, 0];
  if (ka[0] !== kb[0]) return ka[0] < kb[0] ? -1 : 1;
  return ka[1] - kb[1] || ka[2] - kb[2];
}

function locationSortKey(location: Location): [string, number, number] {
  if (!isSheetLocation(location)) return [location.file, location.line, location.column];
  const match = /^([A-Z]+)(\d+)$/.exec(location.cell);
  if (!match) return [location.sheet, 0, 0];
  const column = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [location.sheet, Number(match[2]), column];
}
