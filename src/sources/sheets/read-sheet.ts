import type { Diagnostic } from '../../core/diagnostics.js';
import type { CallType } from '../../core/ir.js';
import type { RawEntry, RawFile } from '../../core/raw.js';
import { suggestionSuffix } from '../../core/suggest.js';
import { readHeader } from './read-header.js';
import { readEvents, type EventRow } from './read-events.js';
import { indexTypes, LIBRARY_OWNER, readProperties, readTypes } from './read-definitions.js';
import { readTab, type ReadTab } from './read-tab.js';
import { comparePlanFiles, eventsFile, HEADER_FILE, TYPES_FILE } from './plan-layout.js';
import { entryOf, mapNode } from './raw-nodes.js';
import { findTab, type SheetData } from './sheet-data.js';
import { sheetError } from './sheet-errors.js';
import { TABS, TAB_ORDER, type TabName } from './tabs.js';

export interface SheetPlan {
  /** The plan as YAML files would hold it (name: path in the plan folder), every node at its cell. */
  files: RawFile[];
  diagnostics: Diagnostic[];
}

/**
 * Reads the template's tabs into located plan trees, one per file of the pulled plan folder. The
 * normalizer then checks them exactly as it checks YAML, so every plan error names its cell.
 */
export function readSheetPlan(data: SheetData): SheetPlan {
  const diagnostics: Diagnostic[] = [...data.diagnostics];
  const tabs = new Map<TabName, ReadTab>();
  for (const name of TAB_ORDER) {
    const title = findTab(data, name);
    if (title !== undefined) {
      tabs.set(name, readTab(title, data.tabs.get(title)!, TABS[name], diagnostics));
      continue;
    }
    // A tab named almost right is a typo that would silently drop its rows; a missing Plan tab stops everything.
    const hint = suggestionSuffix(name, [...data.tabs.keys()]);
    if (name === 'Plan' || hint !== '') diagnostics.push(sheetError('missingTab', { sheet: name, cell: 'A1' }, { tab: name, hint }));
  }
  const plan = tabs.get('Plan');
  if (!plan) return { files: [], diagnostics };

  const files = new Map<string, RawEntry[]>();
  const add = (file: string, entry: RawEntry) => files.set(file, [...(files.get(file) ?? []), entry]);
  for (const entry of readHeader(plan, tabs.get('Sources'), diagnostics)) add(HEADER_FILE, entry);

  const index = indexTypes(tabs.get('Types'), tabs.get('Properties'));
  const types = readTypes(tabs.get('Types'), index, diagnostics);
  const { events, rejected } = readEvents(tabs.get('Events'), diagnostics);
  const properties = readProperties(tabs.get('Properties'), { known: events.map((e) => e.key), rejected }, index, diagnostics);
  const origin = { sheet: plan.title, cell: 'A1' };
  if (types.size > 0) add(TYPES_FILE, entryOf('types', origin, mapNode(types.entries(), origin)));
  const library = properties.get(LIBRARY_OWNER);
  if (library) add(TYPES_FILE, entryOf('properties', origin, mapNode(library.entries(), origin)));

  const byFile = new Map<string, EventRow[]>();
  for (const event of events) byFile.set(eventsFile(event.category), [...(byFile.get(eventsFile(event.category)) ?? []), event]);
  for (const [file, rows] of byFile) {
    const track = rows.filter((e) => e.call === 'track').map((e) => entryOf(e.key, e.keyLocation, eventValue(e, properties.get(e.key)?.entries())));
    if (track.length > 0) add(file, entryOf('events', track[0]!.keyLocation, mapNode(track, track[0]!.keyLocation)));
    for (const e of rows.filter((row) => row.call !== 'track')) add(file, entryOf(e.call, e.keyLocation, eventValue(e, properties.get(e.key)?.entries())));
  }
  const names = [...files.keys()].sort(comparePlanFiles);
  return { files: names.map((name) => ({ name, root: mapNode(files.get(name)!, origin) })), diagnostics };
}

function eventValue(event: EventRow, properties: RawEntry[] | undefined) {
  const entries = [...event.attributes];
  if (properties && properties.length > 0) entries.push(entryOf(dataKey(event.call), event.keyLocation, mapNode(properties, event.keyLocation)));
  return mapNode(entries, event.keyLocation);
}

function dataKey(call: CallType): 'properties' | 'traits' {
  return call === 'identify' || call === 'group' ? 'traits' : 'properties';
}
