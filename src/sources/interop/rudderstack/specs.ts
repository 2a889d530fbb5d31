import { InteropInputError } from '../errors.js';
import type { YamlInput } from '../yaml-input.js';

/** The two spec versions of rudder-cli (`rudder/0.1` is written both ways). */
export type SpecVersion = 'v0.1' | 'v1';

const VERSIONS: Record<string, SpecVersion> = { 'rudder/v0.1': 'v0.1', 'rudder/0.1': 'v0.1', 'rudder/v1': 'v1' };
const KINDS = ['events', 'properties', 'custom-types', 'categories', 'tp', 'tracking-plan'] as const;
export type SpecKind = (typeof KINDS)[number];

/** One rudder-cli spec file: `{version, kind, metadata: {name}, spec}`. */
export interface Spec {
  input: YamlInput;
  version: SpecVersion;
  kind: SpecKind | string;
  /** `metadata.name`: the group in v0.1 references (`#/properties/<group>/<id>`). */
  group: string;
  spec: Record<string, unknown>;
}

/**
 * Reads a spec file's envelope. A file that is not a spec, or a spec of a version this importer
 * does not know, stops the import with the place and the reason (exit 2): guessing at an unknown
 * version's fields could change the plan's meaning.
 */
export function readSpec(input: YamlInput): Spec {
  const data = input.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InteropInputError(input.file, 'not a rudder-cli spec: expected a mapping with version, kind, metadata and spec');
  }
  const doc = data as Record<string, unknown>;
  const where = (key: string) => {
    const at = input.locate(`/${key}`);
    return `${at.file}:${at.line}:${at.column}`;
  };
  if (typeof doc['kind'] !== 'string' || typeof doc['spec'] !== 'object' || doc['spec'] === null) {
    throw new InteropInputError(input.file, 'not a rudder-cli spec: expected `kind` and a `spec` mapping');
  }
  const version = VERSIONS[String(doc['version'])];
  if (!version) {
    throw new InteropInputError(where('version'), `unknown rudder-cli spec version ${JSON.stringify(doc['version'] ?? null)}: expected rudder/v0.1 (or rudder/0.1) or rudder/v1`);
  }
  const metadata = (doc['metadata'] ?? {}) as Record<string, unknown>;
  return { input, version, kind: doc['kind'], group: typeof metadata['name'] === 'string' ? metadata['name'] : '', spec: doc['spec'] as Record<string, unknown> };
}

export function isKnownKind(kind: string): kind is SpecKind {
  return (KINDS as readonly string[]).includes(kind);
}

/**
 * The id a reference names, whichever spec version wrote it: `#/properties/<group>/<id>` (v0.1)
 * or `#property:<id>` (v1). Undefined when the text is not a reference of that kind.
 */
export function refId(ref: unknown, kind: 'properties' | 'events' | 'custom-types' | 'categories'): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const urn = { properties: 'property', events: 'event', 'custom-types': 'custom-type', categories: 'category' }[kind];
  const compact = new RegExp(`^#${urn}:(.+)$`).exec(ref);
  if (compact) return compact[1];
  const path = new RegExp(`^#/${kind}/[^/]+/(.+)$`).exec(ref);
  return path?.[1];
}
