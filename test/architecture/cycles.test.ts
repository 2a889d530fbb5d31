import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, folderGraph, importGraph } from './import-graph.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('import cycles in src/', () => {
  const files = importGraph(ROOT, 'src');

  it('finds a cycle when there is one (the checker itself)', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(findCycles(folderGraph(new Map([['x/a.ts', ['y/b.ts']], ['y/b.ts', ['x/c.ts']], ['x/c.ts', []]])))).toEqual([['x', 'y']]);
    // A folder and its subfolders are one unit: a registry and its entries import each other.
    expect(findCycles(folderGraph(new Map([['x/index.ts', ['x/sub/a.ts']], ['x/sub/a.ts', ['x/types.ts']]])))).toEqual([]);
  });

  it('has no cycle between files', () => {
    // The last one (runtime/ndjson-run <-> ndjson-parallel) went with ndjson-options.ts.
    expect(findCycles(files)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(findCycles(folderGraph(files))).toEqual([]);
  });
});
