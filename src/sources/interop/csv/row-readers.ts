import type { Location } from '../../../core/location.js';
import { formatLocation } from '../../../core/location.js';
import { parsePath, type PathStep } from '../../sheets/property-path.js';
import type { Definition } from '../json-schema/to-definition.js';
import type { WarningSink } from '../warnings.js';
import { asArray, typeList, type RowCells } from './cells.js';
import type { ColumnSetName } from './column-sets.js';
import type { CsvCall, CsvPlanBuilder } from './plan-builder.js';

/** What rows share while one file is read: the event that continuation rows (blank event cells) belong to. */
export interface RowState {
  builder: CsvPlanBuilder;
  sink: WarningSink;
  event?: { call: CsvCall; name: string; group: string };
  /** Where the row starts (its first cell), for row-level warnings. */
  rowLocation: Location;
}

const CALLS: Record<string, CsvCall> = { track: 'track', identify: 'identify', page: 'page', screen: 'screen', group: 'group' };

function addTo(list: unknown, items: string[]): string[] | undefined {
  const out = [...((list as string[] | undefined) ?? [])];
  for (const item of items) if (!out.includes(item)) out.push(item);
  return out.length > 0 ? out : undefined;
}

function setIfAbsent(draft: Definition, key: string, value: unknown): void {
  if (value !== undefined && value !== '' && draft[key] === undefined) draft[key] = value;
}

/** The event a row belongs to: its own event cell, else the previous row's (continuation rows). */
function currentEvent(cells: RowCells, state: RowState, call: CsvCall, group: string): RowState['event'] {
  const name = call === 'track' ? cells.text('event') ?? (state.event?.call === 'track' ? state.event.name : undefined) : call;
  if (name === undefined) {
    state.sink.warn('skipped', state.rowLocation, { pointer: formatLocation(state.rowLocation), what: 'this row', reason: 'it names no event, and no event row comes before it' });
    return undefined;
  }
  const continued = cells.text('event') === undefined && state.event !== undefined;
  state.event = { call, name, group: continued ? state.event!.group : group };
  return state.event;
}

function addProperty(cells: RowCells, state: RowState, event: NonNullable<RowState['event']>, def: Definition, pathMode: 'path' | 'name'): void {
  const cell = cells.cell('property')!;
  let steps: PathStep[] = [{ kind: 'name', name: cell.value }];
  if (pathMode === 'path') {
    const parsed = parsePath(cell.value);
    if ('error' in parsed) {
      state.sink.warn('skipped', cell.location, { pointer: formatLocation(cell.location), what: `the property path "${cell.value}"`, reason: parsed.error });
      return;
    }
    steps = parsed.steps;
  }
  const draft = state.builder.event(event.call, event.name, state.rowLocation, event.group);
  if (draft) state.builder.property(event.call, event.name, draft, steps, def, cell.location, cell.value);
}

/** Segment download: `Event Type` Track/Identify, one row per event then per property (`a.b`, `a[]` paths). */
function readSegmentRow(cells: RowCells, state: RowState): void {
  const typeCell = cells.cell('callType')!;
  const call = CALLS[typeCell.value.toLowerCase()];
  if (!call) {
    state.sink.warn('skipped', typeCell.location, { pointer: formatLocation(typeCell.location), what: `the row of event type "${typeCell.value}"`, reason: 'expected Track, Identify, Page, Screen or Group' });
    return;
  }
  const version = cells.number('version');
  if (version !== undefined && Number.isInteger(version) && version >= 1) state.builder.version ??= `${version}.0.0`;
  const event = currentEvent(cells, state, call, '');
  if (!event) return;
  if (!cells.cell('property')) {
    const draft = state.builder.event(call, event.name, state.rowLocation);
    if (!draft) return;
    setIfAbsent(draft, 'description', cells.text('description'));
    const tags = addTo(draft['tags'], cells.list('tags'));
    if (tags) draft['tags'] = tags;
    return;
  }
  const type = cells.types('type');
  const enumValues = cells.enumValues('enum', typeList(type));
  const def: Definition = {
    ...type,
    ...(cells.boolean('required') ? { required: true } : {}),
    ...(cells.text('description') ? { description: cells.text('description') } : {}),
    ...(enumValues ? { enum: enumValues } : {}),
  };
  addProperty(cells, state, event, def, 'path');
}

/** The value type of an Avo or Amplitude row as a definition (array flag and enum included). */
function valueDefinition(cells: RowCells, kind: 'avo' | 'amplitude'): Definition {
  const word = cells.text('type')?.toLowerCase();
  let def: Definition;
  let enumValues: unknown[] | undefined;
  if (kind === 'amplitude' && (word === 'enum' || word === 'const')) {
    def = { type: 'string' };
    enumValues = word === 'enum' ? cells.enumValues('enum', ['string']) : cells.text('const') !== undefined ? [cells.text('const')] : undefined;
  } else {
    def = cells.types('type');
    if (kind === 'amplitude' && def['type'] === 'number' && cells.boolean('integer')) def = { ...def, type: 'integer' };
    enumValues = cells.enumValues('enum', typeList(def));
    const pinned = kind === 'avo' ? cells.text('pinned') : kind === 'amplitude' ? cells.text('const') : undefined;
    if (pinned !== undefined) enumValues = cells.enumValues(kind === 'avo' ? 'pinned' : 'const', typeList(def));
  }
  if (enumValues) def['enum'] = enumValues;
  const pattern = cells.text('pattern');
  if (pattern !== undefined) def['pattern'] = pattern;
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength'] as const) {
    const value = kind === 'amplitude' ? cells.number(key) : undefined;
    if (value !== undefined) def[key] = value;
  }
  if (cells.text('propertyDescription')) def['description'] = cells.text('propertyDescription');
  if (cells.boolean('array')) def = asArray(def);
  return { ...(cells.boolean('required') ? { required: true } : {}), ...def };
}

/** Avo's Ultimate Tracking Plan Template: one row per (event, property); category = events file. */
function readAvoRow(cells: RowCells, state: RowState): void {
  const event = currentEvent(cells, state, 'track', cells.text('category') ?? '');
  if (!event) return;
  const draft = state.builder.event('track', event.name, state.rowLocation, event.group);
  if (!draft) return;
  setIfAbsent(draft, 'description', cells.text('description'));
  setIfAbsent(draft, 'owner', cells.text('owner'));
  const sources = addTo(draft['sources'], cells.list('sources').map((name) => state.builder.source(name)));
  if (sources) draft['sources'] = sources;
  const tags = addTo(draft['tags'], cells.list('tags'));
  if (tags) draft['tags'] = tags;
  if (!cells.cell('property')) return;
  const userProperty = /^user/i.test(cells.text('propertyKind') ?? '');
  const target = userProperty ? { call: 'identify' as const, name: 'identify', group: '' } : event;
  addProperty(cells, state, target, valueDefinition(cells, 'avo'), 'name');
  if (userProperty) state.event = event;
}

/** Amplitude Data events CSV: `Object type` Event rows, then `Event Property` rows of that event. */
function readAmplitudeRow(cells: RowCells, state: RowState): void {
  const objectType = cells.cell('objectType');
  if (objectType && !/^event$/i.test(objectType.value)) {
    state.sink.warn('skipped', objectType.location, { pointer: formatLocation(objectType.location), what: `the ${objectType.value} row`, reason: 'the plan has no property groups; their properties are not added to events' });
    return;
  }
  const event = currentEvent(cells, state, 'track', cells.text('category') ?? '');
  if (!event) return;
  const draft = state.builder.event('track', event.name, state.rowLocation, event.group);
  if (!draft) return;
  if (!cells.cell('property')) {
    setIfAbsent(draft, 'description', cells.text('description'));
    setIfAbsent(draft, 'owner', cells.text('owner'));
    const sources = addTo(draft['sources'], cells.list('sources').map((name) => state.builder.source(name)));
    if (sources) draft['sources'] = sources;
    const tags = addTo(draft['tags'], cells.list('tags'));
    if (tags) draft['tags'] = tags;
    if (/^inactive$/i.test(cells.text('activity') ?? '')) draft['status'] = 'deprecated';
    return;
  }
  addProperty(cells, state, event, valueDefinition(cells, 'amplitude'), 'name');
}

/** Tracklint GA4/Meta CSV: platform = source and events file, `required` = required properties (any type). */
function readTracklintRow(cells: RowCells, state: RowState, note: string | undefined): void {
  const platform = cells.text('platform') ?? '';
  const event = currentEvent(cells, state, 'track', platform);
  if (!event) return;
  const draft = state.builder.event('track', event.name, state.rowLocation, platform);
  if (!draft) return;
  if (platform !== '') draft['sources'] = addTo(draft['sources'], [state.builder.source(platform)]);
  setIfAbsent(draft, 'description', note);
  // The rules are free text: reported with the other columns the plan has no place for; keep events open.
  draft['additional_properties'] = true;
  const cell = cells.cell('required');
  for (const name of cells.list('required', ';')) {
    const steps: PathStep[] = [{ kind: 'name', name }];
    state.builder.property('track', event.name, draft, steps, { type: 'any', required: true }, cell!.location, name);
  }
}

export const ROW_READERS: Record<ColumnSetName, (cells: RowCells, state: RowState, note: string | undefined) => void> = {
  segment: readSegmentRow,
  avo: readAvoRow,
  amplitude: readAmplitudeRow,
  tracklint: readTracklintRow,
};
