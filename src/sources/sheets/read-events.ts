import type { Diagnostic } from '../../core/diagnostics.js';
import { CALL_TYPES, type CallType } from '../../core/ir.js';
import type { SheetLocation } from '../../core/location.js';
import { formatLocation } from '../../core/location.js';
import { planError } from '../../core/plan-errors.js';
import type { RawEntry } from '../../core/raw.js';
import { suggestionSuffix } from '../../core/suggest.js';
import { readCells } from './definition-cells.js';
import { locateCell, type ReadTab } from './read-tab.js';
import { sheetError } from './sheet-errors.js';
import { TABS } from './tabs.js';

/** One row of the Events tab: a track event, or the identify/page/screen/group call. */
export interface EventRow {
  /** The name the Properties tab refers to it by: the event name, or the call type. */
  key: string;
  call: CallType;
  category: string;
  keyLocation: SheetLocation;
  attributes: RawEntry[];
}

const CATEGORY = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;
const NO_TYPES = { types: new Map(), library: new Map() };
const ATTRIBUTE_COLUMNS = TABS.Events.columns.filter((c) => !['event', 'call', 'category'].includes(c.key));

export interface ReadEvents {
  events: EventRow[];
  /** Names of rows that were rejected: their properties are not reported again as unknown. */
  rejected: string[];
}

export function readEvents(tab: ReadTab | undefined, diagnostics: Diagnostic[]): ReadEvents {
  const out: EventRow[] = [];
  const rejected: string[] = [];
  const seen = new Map<string, EventRow>();
  for (const row of tab?.rows ?? []) {
    const callCell = row.cells.get('call');
    const eventCell = row.cells.get('event');
    const callText = callCell?.value.toLowerCase() ?? 'track';
    if (!(CALL_TYPES as readonly string[]).includes(callText)) {
      diagnostics.push(sheetError('invalidCall', callCell!.location, { expected: CALL_TYPES.join(' | '), found: callCell!.value, hint: suggestionSuffix(callText, CALL_TYPES) }));
      if (eventCell) rejected.push(eventCell.value);
      continue;
    }
    const call = callText as CallType;
    if (call !== 'track' && eventCell && eventCell.value !== call) {
      diagnostics.push(sheetError('callName', eventCell.location, { call, found: eventCell.value }));
      rejected.push(eventCell.value);
      continue;
    }
    if (call === 'track' && !eventCell) {
      diagnostics.push(sheetError('missingValue', locateCell(tab!, row, 'event'), { column: 'Event' }));
      continue;
    }
    const key = call === 'track' ? eventCell!.value : call;
    const keyLocation = eventCell?.location ?? callCell!.location;
    const categoryCell = row.cells.get('category');
    let category = '';
    if (categoryCell && CATEGORY.test(categoryCell.value)) category = categoryCell.value;
    else if (categoryCell) diagnostics.push(sheetError('invalidCategory', categoryCell.location, { found: categoryCell.value }));
    const event: EventRow = { key, call, category, keyLocation, attributes: readCells(row, ATTRIBUTE_COLUMNS, { index: NO_TYPES, diagnostics }) };
    const first = seen.get(key);
    if (first) {
      const kind = call === 'track' ? 'event' : 'call';
      diagnostics.push(planError('duplicateName', keyLocation, { kind, name: key, other: formatLocation(first.keyLocation) }, [first.keyLocation]));
      diagnostics.push(planError('duplicateName', first.keyLocation, { kind, name: key, other: formatLocation(keyLocation) }, [keyLocation]));
      continue;
    }
    seen.set(key, event);
    out.push(event);
  }
  return { events: out, rejected };
}
