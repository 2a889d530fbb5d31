import type { Diagnostic } from '../../core/diagnostics.js';
import { HEADER_KEYS } from '../../core/format-schema.js';
import type { SheetLocation } from '../../core/location.js';
import type { RawEntry, RawNode } from '../../core/raw.js';
import { parseBoolean, parseNumber } from './cell-values.js';
import { readCells } from './definition-cells.js';
import { locateCell, type Cell, type ReadTab } from './read-tab.js';
import { jsonNode, mapNode, scalarNode } from './raw-nodes.js';
import { SettingTree } from './setting-tree.js';
import { sheetError } from './sheet-errors.js';
import { TABS } from './tabs.js';

const NO_TYPES = { types: new Map(), library: new Map() };

/**
 * The plan header from the Plan tab (one `Setting | Value` row per key, dotted keys for nesting:
 * `policy.identify.unplanned_properties`) and the Sources tab (one row per source).
 */
export function readHeader(plan: ReadTab, sources: ReadTab | undefined, diagnostics: Diagnostic[]): RawEntry[] {
  const origin: SheetLocation = { sheet: plan.title, cell: 'A1' };
  const tree = new SettingTree(diagnostics);
  let hasVersion = false;
  for (const row of plan.rows) {
    const setting = row.cells.get('setting');
    const value = row.cells.get('value');
    if (!setting) {
      diagnostics.push(sheetError('missingValue', locateCell(plan, row, 'setting'), { column: 'Setting' }));
      continue;
    }
    if (!value) continue;
    const path = setting.value.split('.').map((part) => part.trim());
    if (path.some((part) => part === '')) {
      diagnostics.push(sheetError('invalidSetting', setting.location, { setting: setting.value }));
      continue;
    }
    const node = readSettingValue(path, value, diagnostics);
    if (!node) continue;
    if (path[0] === 'trackplan') hasVersion = true;
    tree.set(path, setting.location, node);
  }
  // The template is format 1; a `trackplan` row may say otherwise (and the normalizer will answer).
  if (!hasVersion) tree.set(['trackplan'], origin, scalarNode(1, origin));
  for (const row of sources?.rows ?? []) {
    const id = row.cells.get('id');
    if (!id) {
      diagnostics.push(sheetError('missingValue', locateCell(sources!, row, 'id'), { column: 'Source id' }));
      continue;
    }
    const columns = TABS.Sources.columns.filter((c) => c.key !== 'id');
    const entries = readCells(row, columns, { index: NO_TYPES, diagnostics });
    tree.set(['sources', id.value], id.location, entries.length === 0 ? scalarNode(null, id.location) : mapNode(entries, id.location));
  }
  return tree.entries(HEADER_KEYS);
}

function readSettingValue(path: string[], cell: Cell, diagnostics: Diagnostic[]): RawNode | undefined {
  const at = cell.location;
  const last = path[path.length - 1]!;
  if (last === 'propagate_violations') {
    const value = parseBoolean(cell.value);
    if (value !== undefined) return scalarNode(value, at);
    diagnostics.push(sheetError('invalidBoolean', at, { column: path.join('.'), found: cell.value }));
    return undefined;
  }
  if (path.length === 1 && path[0] === 'trackplan') return scalarNode(parseNumber(cell.value) ?? cell.value, at);
  // Rule options and lint settings are structured: written as JSON in one cell.
  if ((path[0] === 'rules' || path[0] === 'lint') && /^[[{]/.test(cell.value)) {
    try {
      return jsonNode(JSON.parse(cell.value), at);
    } catch (error) {
      const expected = path[0] === 'rules' ? 'like ["warn", {"option": 1}]' : 'an object like {"calls": ["track"]}';
      diagnostics.push(sheetError('invalidJson', at, { column: path.join('.'), expected, found: JSON.stringify(cell.value.slice(0, 40)), detail: (error as Error).message }));
      return undefined;
    }
  }
  return scalarNode(cell.value, at);
}
