import { HEADER_KEYS } from '../../core/format-schema.js';
import { formatList } from './cell-values.js';
import { formatEnum, resolvePrimitives, type TypeIndex } from './enum-values.js';
import { LIBRARY_OWNER } from './read-definitions.js';
import { categoryOf } from './plan-layout.js';
import { formatPath, type PathStep } from './property-path.js';
import type { TabName } from './tabs.js';

/** One plan file as written: its path in the plan folder and its parsed content. */
export interface PlanFileData {
  path: string;
  data: Record<string, unknown>;
}

/** Cell texts of one row by column key. */
export type RowCells = Map<string, string>;

export interface PlanRows {
  tabs: Record<TabName, RowCells[]>;
  /** What the sheet cannot hold and was left out (said to the user). */
  notes: string[];
}

const SECTIONS = ['identify', 'page', 'screen', 'group'] as const;
const EVENT_KEYS = ['description', 'owner', 'sources', 'tags', 'status', 'replaced_by', 'identity_section', 'names', 'additional_properties'];
const DEFINITION_KEYS = ['type', 'required', 'nullable', 'enum', 'format', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'pii', 'deprecated', 'additional_properties', 'description'];
const SOURCE_KEYS = ['name', 'sdk', 'description', 'paths'];

/**
 * The rows of every tab for a plan, in the plan's own order (files as `loadPlan` reads them, keys
 * as written). Definitions are written as authored, not resolved: a property without a type stays
 * blank, so the sheet keeps "from the library" and its overrides.
 */
export function planToRows(files: readonly PlanFileData[]): PlanRows {
  const out: PlanRows = { tabs: { Plan: [], Sources: [], Types: [], Events: [], Properties: [] }, notes: [] };
  const index = indexPlanTypes(files);
  const header = files.find((f) => 'trackplan' in f.data);
  if (header) writeHeader(header.data, out);
  for (const file of files) {
    for (const [name, def] of entries(file.data['types'])) out.tabs.Types.push(...definitionRows([{ kind: 'name', name }], def, index, 'name'));
  }
  for (const file of files) {
    for (const [name, def] of entries(file.data['properties'])) {
      out.tabs.Properties.push(...definitionRows([{ kind: 'name', name }], def, index, 'property').map((row) => withEvent(row, LIBRARY_OWNER)));
    }
  }
  for (const file of files) {
    const category = categoryOf(file.path);
    for (const [name, event] of entries(file.data['events'])) writeEvent(out, name, 'track', category, event, index);
    for (const call of SECTIONS) if (call in file.data) writeEvent(out, call, call, category, file.data[call], index);
  }
  return out;
}

function writeHeader(data: Record<string, unknown>, out: PlanRows): void {
  for (const [key, value] of Object.entries(data)) {
    if (key === 'trackplan' || key === 'sources' || !(HEADER_KEYS as readonly string[]).includes(key)) continue;
    if (key === 'include') out.notes.push('`include:` is not written to the sheet: a pulled plan folder holds exactly the plan\'s files');
    else if (key === 'policy') flatten(['policy'], value, out.tabs.Plan);
    else if (key === 'rules') for (const [rule, setting] of entries(value)) out.tabs.Plan.push(settingRow(`rules.${rule}`, setting));
    else out.tabs.Plan.push(settingRow(key, value));
  }
  for (const [id, source] of entries(data['sources'])) {
    const row: RowCells = new Map([['id', id]]);
    for (const key of SOURCE_KEYS) setCell(row, key, (source as Record<string, unknown> | null)?.[key]);
    out.tabs.Sources.push(row);
  }
}

function flatten(path: string[], value: unknown, rows: RowCells[]): void {
  if (isRecord(value)) for (const [key, item] of Object.entries(value)) flatten([...path, key], item, rows);
  else rows.push(settingRow(path.join('.'), value));
}

function settingRow(key: string, value: unknown): RowCells {
  return new Map([['setting', key], ['value', typeof value === 'object' && value !== null ? JSON.stringify(value) : cellText(value)]]);
}

function writeEvent(out: PlanRows, name: string, call: string, category: string, event: unknown, index: TypeIndex): void {
  const row: RowCells = new Map([['event', name], ['call', call]]);
  if (category !== '') row.set('category', category);
  const map = isRecord(event) ? event : {};
  for (const key of EVENT_KEYS) setCell(row, key, map[key]);
  out.tabs.Events.push(row);
  for (const [property, def] of entries(map['properties'] ?? map['traits'])) {
    const rows = definitionRows([{ kind: 'name', name: property }], def, index, 'property', property);
    out.tabs.Properties.push(...rows.map((r) => withEvent(r, name)));
  }
}

function definitionRows(steps: PathStep[], def: unknown, index: TypeIndex, pathKey: string, libraryName?: string): RowCells[] {
  const row: RowCells = new Map([[pathKey, formatPath(steps)]]);
  const map: Record<string, unknown> = typeof def === 'string' ? { type: def } : isRecord(def) ? def : {};
  // `type:` left empty means no type, as the normalizer reads it.
  const typeNames = map['type'] === undefined || map['type'] === null ? [] : ([] as unknown[]).concat(map['type']).map(String);
  for (const key of DEFINITION_KEYS) {
    const value = map[key];
    if (value === undefined || value === null) continue;
    if (key === 'type') row.set(key, typeNames.join(' | '));
    else if (key === 'enum' && Array.isArray(value)) row.set(key, formatEnum(value, resolvePrimitives(index, typeNames, libraryName)));
    else setCell(row, key, value);
  }
  const rows = [row];
  const items = map['items'];
  if (items !== undefined) {
    const itemSteps: PathStep[] = [...steps, { kind: 'items' }];
    const itemRows = definitionRows(itemSteps, items, index, pathKey);
    // An items definition with nothing of its own but nested properties needs no row: its children imply it.
    const bare = isRecord(items) && Object.keys(items).every((k) => k === 'properties' || k === 'items') && Object.keys(items).length > 0;
    rows.push(...(bare ? itemRows.slice(1) : itemRows));
  }
  for (const [name, child] of entries(map['properties'])) rows.push(...definitionRows([...steps, { kind: 'name', name }], child, index, pathKey));
  return rows;
}

function setCell(row: RowCells, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  row.set(key, Array.isArray(value) ? formatList(value.map(String)) : cellText(value));
}

function withEvent(row: RowCells, event: string): RowCells {
  return new Map([['event', event], ...row]);
}

/** The type names of custom types and library properties, as the sheet reader will index them. */
function indexPlanTypes(files: readonly PlanFileData[]): TypeIndex {
  const index = { types: new Map<string, string[]>(), library: new Map<string, string[]>() };
  const typeOf = (def: unknown) => {
    const type = typeof def === 'string' ? def : isRecord(def) ? def['type'] : undefined;
    return type === undefined || type === null ? [] : ([] as unknown[]).concat(type).map(String);
  };
  for (const file of files) {
    for (const [name, def] of entries(file.data['types'])) if (!index.types.has(name)) index.types.set(name, typeOf(def));
    for (const [name, def] of entries(file.data['properties'])) if (!index.library.has(name)) index.library.set(name, typeOf(def));
  }
  return index;
}

function cellText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value === null || value === undefined) return '';
  return String(value);
}

function entries(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
