import type { Location } from '../../core/location.js';
import type { RawEntry, RawMap, RawNode, RawScalar, Scalar } from '../../core/raw.js';

/** Small constructors for located raw trees: every node of a sheet sits at a cell. */
export function scalarNode(value: Scalar, location: Location): RawScalar {
  return { kind: 'scalar', value, location };
}

export function mapNode(entries: RawEntry[], location: Location): RawMap {
  return { kind: 'map', entries, location };
}

export function entryOf(key: string, keyLocation: Location, value: RawNode): RawEntry {
  return { key, keyLocation, value };
}

/** A JSON value (from a JSON cell) as a raw tree, every node at that one cell. */
export function jsonNode(value: unknown, location: Location): RawNode {
  if (Array.isArray(value)) return { kind: 'seq', items: value.map((item) => jsonNode(item, location)), location };
  if (value !== null && typeof value === 'object') {
    return mapNode(Object.entries(value).map(([key, item]) => entryOf(key, location, jsonNode(item, location))), location);
  }
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return scalarNode(value, location);
  return scalarNode(String(value), location);
}
