import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/index.js';
import type { TabInfo } from './google-client.js';
import type { TabSpec } from './tabs.js';

type Request = sheets_v4.Schema$Request;

/** A new template tab, sized for its rows, header row frozen. */
export function addTabRequest(spec: TabSpec, sheetId: number, rows: number): Request {
  return {
    addSheet: {
      properties: {
        sheetId, title: spec.name,
        gridProperties: { rowCount: Math.max(1000, rows + 100), columnCount: Math.max(26, spec.columns.length), frozenRowCount: 1 },
      },
    },
  };
}

/** Grows a tab so that `rows` x `columns` cells fit (Sheets refuses writes beyond its grid). */
export function growRequests(tab: TabInfo, rows: number, columns: number): Request[] {
  const out: Request[] = [];
  if (rows > tab.rowCount) out.push({ appendDimension: { sheetId: tab.sheetId, dimension: 'ROWS', length: rows - tab.rowCount } });
  if (columns > tab.columnCount) out.push({ appendDimension: { sheetId: tab.sheetId, dimension: 'COLUMNS', length: columns - tab.columnCount } });
  return out;
}

export function freezeHeaderRequest(sheetId: number): Request {
  return { updateSheetProperties: { properties: { sheetId, gridProperties: { frozenRowCount: 1 } }, fields: 'gridProperties.frozenRowCount' } };
}

/**
 * Drop-downs for the columns with a fixed vocabulary (types, TRUE/FALSE, call types, formats,
 * SDKs). Not strict: a custom type name or `yes` is still accepted, Sheets only marks it.
 */
export function validationRequests(spec: TabSpec, sheetId: number, columns: ReadonlyMap<string, number>, headerRow: number): Request[] {
  const out: Request[] = [];
  for (const column of spec.columns) {
    const index = columns.get(column.key);
    if (!column.choices || index === undefined) continue;
    out.push({
      setDataValidation: {
        range: { sheetId, startRowIndex: headerRow + 1, startColumnIndex: index, endColumnIndex: index + 1 },
        rule: {
          condition: { type: 'ONE_OF_LIST', values: column.choices.map((choice) => ({ userEnteredValue: choice })) },
          strict: false,
          showCustomUi: true,
        },
      },
    });
  }
  return out;
}
