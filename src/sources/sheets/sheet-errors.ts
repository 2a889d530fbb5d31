import { createDiagnostic, type Diagnostic, type Severity } from '../../core/diagnostics.js';
import type { Location } from '../../core/location.js';

/**
 * Problems only a spreadsheet can have (its layout, its cells), keyed by stable message ids. Plan
 * problems found in a sheet (unknown types, bad ranges, ...) come from the normalizer with the
 * same ids as in YAML, located at the cell.
 */
export const SHEET_ERRORS = {
  missingTab: { ruleId: 'sheet-structure', message: 'the spreadsheet has no "{tab}" tab{hint}; it needs one (run `trackplan sheets template` to add the tabs)' },
  missingColumn: { ruleId: 'sheet-structure', message: 'the {tab} tab has no "{column}" column in its header row' },
  duplicateColumn: { ruleId: 'sheet-structure', message: 'column "{column}" appears twice in the {tab} tab header; the first is at {other}' },
  unknownColumn: {
    ruleId: 'sheet-unknown-column',
    message: 'unknown column "{column}" in the {tab} tab{hint}; expected one of: {expected} (name a column "Notes" or start it with "#" to keep it out of the plan)',
  },
  unnamedColumn: { ruleId: 'sheet-unknown-column', message: 'this cell has a value, but its column has no header in the {tab} tab; the value is ignored' },
  csvSyntax: { ruleId: 'sheet-structure', message: 'CSV syntax error: {detail}' },
  missingValue: { ruleId: 'sheet-structure', message: '{column} is empty, but the row has other values' },
  invalidBoolean: {
    ruleId: 'sheet-invalid-value',
    message: '{column}: expected TRUE or FALSE (or yes/no, x, 1/0; blank means not set), found "{found}"',
  },
  invalidNumber: { ruleId: 'sheet-invalid-value', message: '{column}: expected a number, found "{found}"' },
  invalidList: { ruleId: 'sheet-invalid-value', message: '{column}: {detail}' },
  invalidJson: { ruleId: 'sheet-invalid-value', message: '{column}: expected JSON here ({expected}), found {found}: {detail}' },
  invalidCall: { ruleId: 'sheet-invalid-value', message: 'Call type: expected one of {expected}, found "{found}"{hint}' },
  callName: {
    ruleId: 'sheet-invalid-value',
    message: 'a {call} call is planned once, named "{call}"; found the event name "{found}" (list {call} names in the "Page names" column)',
  },
  invalidCategory: {
    ruleId: 'sheet-invalid-value',
    message: 'Category: expected names of letters, digits, "_" and "-", separated by "/", found "{found}"',
  },
  invalidPath: {
    ruleId: 'sheet-invalid-path',
    message: 'malformed property path "{path}": {detail}; expected names joined by "." with "[]" for array items, like products[].price',
  },
  invalidSetting: { ruleId: 'sheet-invalid-path', message: 'malformed setting "{setting}": expected names joined by ".", like policy.unplanned_events' },
  unknownEvent: {
    ruleId: 'sheet-unknown-event',
    message: 'event "{name}" is not in the Events tab{hint}; add it there, or write "*" for the shared property library',
  },
} as const satisfies Record<string, { ruleId: string; message: string }>;

export type SheetErrorId = keyof typeof SHEET_ERRORS;

export function sheetError(
  messageId: SheetErrorId,
  location: Location,
  data: Record<string, string | number> = {},
  severity: Severity = 'error',
): Diagnostic {
  return createDiagnostic(SHEET_ERRORS, messageId, location, data, { severity });
}
