import type { Location } from './location.js';

/**
 * A located document tree: what every source (YAML, Sheets, importers) hands to the normalizer.
 * Keeping it independent of the `yaml` package lets a spreadsheet build the same tree with
 * cell locations, so every plan diagnostic works for both.
 */
export type RawNode = RawMap | RawSeq | RawScalar;

export interface RawMap {
  kind: 'map';
  entries: RawEntry[];
  location: Location;
}

export interface RawEntry {
  key: string;
  keyLocation: Location;
  value: RawNode;
}

export interface RawSeq {
  kind: 'seq';
  items: RawNode[];
  location: Location;
}

export type Scalar = string | number | boolean | null;

export interface RawScalar {
  kind: 'scalar';
  value: Scalar;
  location: Location;
}

/** One parsed plan file (or sheet) as the normalizer sees it. */
export interface RawFile {
  /** Display name used in messages, e.g. `plans/events/leads.yaml`. */
  name: string;
  root: RawNode | undefined;
}

export function getEntry(node: RawMap, key: string): RawEntry | undefined {
  return node.entries.find((entry) => entry.key === key);
}

export function describeNode(node: RawNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'nothing (null)';
  if (typeof node.value === 'string') return `the string ${JSON.stringify(node.value)}`;
  return `the ${typeof node.value} ${String(node.value)}`;
}

/** Plain JavaScript value of a node (locations dropped). */
export function toPlain(node: RawNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const entry of node.entries) {
    Object.defineProperty(out, entry.key, { value: toPlain(entry.value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
