import { describe, expect, it } from 'vitest';
import { mergeTab } from '../../src/sources/sheets/merge-tab.js';
import type { RowCells } from '../../src/sources/sheets/plan-to-rows.js';
import { TABS } from '../../src/sources/sheets/tabs.js';

const row = (entries: Record<string, string>): RowCells => new Map(Object.entries(entries));
const events = (...names: string[]) => names.map((event) => row({ event, call: 'track' }));
const eventColumn = (grid: string[][], index = 0) => grid.slice(1).map((r) => r[index]);

describe('laying the plan over a tab', () => {
  it('writes the template header and rows into an empty tab', () => {
    const merged = mergeTab(TABS.Events, [], events('a', 'b'));
    expect(merged.grid[0]!.slice(0, 3)).toEqual(['Event', 'Call type', 'Category']);
    expect(eventColumn(merged.grid)).toEqual(['a', 'b']);
    expect(merged).toMatchObject({ startRow: 0, added: 2, removed: 0, changed: 0 });
  });

  it('keeps existing rows in their order, puts new rows after their predecessor in the plan, drops missing ones', () => {
    const existing = [['Event', 'Call type'], ['c', 'track'], ['a', 'track'], ['gone', 'track'], ['b', 'track']];
    const merged = mergeTab(TABS.Events, existing, events('new-first', 'a', 'a2', 'b', 'c', 'c2'));
    expect(eventColumn(merged.grid)).toEqual(['new-first', 'c', 'c2', 'a', 'a2', 'b']);
    expect(merged).toMatchObject({ added: 3, removed: 1, changed: 0 });
  });

  it('keeps the header where it is, its column order and unknown columns, and appends missing template columns', () => {
    const existing = [[], ['Notes', 'Call type', 'Event'], ['hi', 'track', 'a']];
    const merged = mergeTab(TABS.Events, existing, [row({ event: 'a', call: 'track', owner: 'growth' })]);
    expect(merged.startRow).toBe(1);
    expect(merged.grid[0]!.slice(0, 5)).toEqual(['Notes', 'Call type', 'Event', 'Category', 'Description']);
    expect(merged.grid[1]!.slice(0, 3)).toEqual(['hi', 'track', 'a']);
    expect(merged.grid[1]![merged.grid[0]!.indexOf('Owner')]).toBe('growth');
    expect(merged.changed).toBe(1);
  });

  it('matches property rows by event (carried down over blank cells) and path', () => {
    const existing = [['Event', 'Property', 'Type'], ['e', 'b', 'string'], ['', 'a . x', 'number'], ['f', 'a', 'string']];
    const desired = [row({ event: 'e', property: 'a.x', type: 'number' }), row({ event: 'e', property: 'b', type: 'string' })];
    const merged = mergeTab(TABS.Properties, existing, desired);
    expect(merged.grid.slice(1).map((r) => r.slice(0, 3))).toEqual([['e', 'b', 'string'], ['e', 'a.x', 'number'], ['', '', '']]);
    expect(merged).toMatchObject({ added: 0, removed: 1 });
  });

  it('keeps blank separator rows but drops rows with values and no name', () => {
    const existing = [['Event', 'Call type', 'Description'], ['a', 'track'], [], ['', '', 'orphan text'], ['b', 'track']];
    const merged = mergeTab(TABS.Events, existing, events('a', 'b'));
    expect(eventColumn(merged.grid)).toEqual(['a', '', 'b', '']);
    expect(merged.removed).toBe(1);
  });
});
