import type { Diagnostic } from '../../core/diagnostics.js';
import type { SheetLocation } from '../../core/location.js';
import { suggestionSuffix } from '../../core/suggest.js';
import { splitTypes } from './cell-values.js';
import { readCells } from './definition-cells.js';
import { DefinitionTree } from './definition-tree.js';
import type { TypeIndex } from './enum-values.js';
import { parsePath, type PathStep } from './property-path.js';
import { locateCell, type ReadTab, type TabRow } from './read-tab.js';
import { sheetError } from './sheet-errors.js';
import { TABS } from './tabs.js';

/** The owner of library rows in the Properties tab's Event column. */
export const LIBRARY_OWNER = '*';

const TYPE_COLUMNS = TABS.Types.columns.filter((c) => c.key !== 'name');
const PROPERTY_COLUMNS = TABS.Properties.columns.filter((c) => c.key !== 'event' && c.key !== 'property');

/** Type names of top-level Types rows and library rows, for reading "Allowed values" by type. */
export function indexTypes(types: ReadTab | undefined, properties: ReadTab | undefined): TypeIndex {
  const index = { types: new Map<string, string[]>(), library: new Map<string, string[]>() };
  const add = (target: Map<string, string[]>, row: TabRow, pathKey: string) => {
    const path = row.cells.get(pathKey);
    const parsed = path && parsePath(path.value);
    if (!parsed || !('steps' in parsed) || parsed.steps.length !== 1) return;
    const name = (parsed.steps[0] as { name: string }).name;
    if (!target.has(name)) target.set(name, splitTypes(row.cells.get('type')?.value ?? ''));
  };
  for (const row of types?.rows ?? []) add(index.types, row, 'name');
  let owner = '';
  for (const row of properties?.rows ?? []) {
    owner = row.cells.get('event')?.value ?? owner;
    if (owner === LIBRARY_OWNER) add(index.library, row, 'property');
  }
  return index;
}

export function readTypes(tab: ReadTab | undefined, index: TypeIndex, diagnostics: Diagnostic[]): DefinitionTree {
  const tree = new DefinitionTree('type', diagnostics);
  for (const row of tab?.rows ?? []) {
    const steps = readPath(tab!, row, 'name', 'Name', diagnostics);
    if (steps) tree.add(steps, row.cells.get('name')!.location, readCells(row, TYPE_COLUMNS, { index, diagnostics }));
  }
  return tree;
}

/**
 * Property rows by owner (`*` for the library). A blank Event cell continues the event of the row
 * above, the way a merged cell or a grouped list reads.
 */
export function readProperties(
  tab: ReadTab | undefined,
  events: { known: readonly string[]; rejected: readonly string[] },
  index: TypeIndex,
  diagnostics: Diagnostic[],
): Map<string, DefinitionTree> {
  const trees = new Map<string, DefinitionTree>();
  let owner: { name: string; location: SheetLocation } | undefined;
  const reported = new Set<string>();
  for (const row of tab?.rows ?? []) {
    const eventCell = row.cells.get('event');
    if (eventCell) owner = { name: eventCell.value, location: eventCell.location };
    if (!owner) {
      diagnostics.push(sheetError('missingValue', locateCell(tab!, row, 'event'), { column: 'Event' }));
      continue;
    }
    const steps = readPath(tab!, row, 'property', 'Property', diagnostics);
    if (!steps) continue;
    if (owner.name !== LIBRARY_OWNER && !events.known.includes(owner.name)) {
      const at = `${owner.location.sheet}!${owner.location.cell}`;
      if (!reported.has(at) && !events.rejected.includes(owner.name)) {
        reported.add(at);
        diagnostics.push(sheetError('unknownEvent', owner.location, { name: owner.name, hint: suggestionSuffix(owner.name, events.known) }));
      }
      continue;
    }
    const first = steps[0] as { name: string };
    const libraryName = owner.name !== LIBRARY_OWNER && steps.length === 1 ? first.name : undefined;
    const attributes = readCells(row, PROPERTY_COLUMNS, { index, diagnostics, ...(libraryName !== undefined ? { libraryName } : {}) });
    let tree = trees.get(owner.name);
    if (!tree) {
      tree = new DefinitionTree(owner.name === LIBRARY_OWNER ? 'library property' : 'property', diagnostics);
      trees.set(owner.name, tree);
    }
    tree.add(steps, row.cells.get('property')!.location, attributes);
  }
  return trees;
}

function readPath(tab: ReadTab, row: TabRow, key: string, header: string, diagnostics: Diagnostic[]): PathStep[] | undefined {
  const cell = row.cells.get(key);
  if (!cell) {
    diagnostics.push(sheetError('missingValue', locateCell(tab, row, key), { column: header }));
    return undefined;
  }
  const parsed = parsePath(cell.value);
  if ('error' in parsed) {
    diagnostics.push(sheetError('invalidPath', cell.location, { path: cell.value, detail: parsed.error }));
    return undefined;
  }
  return parsed.steps;
}
