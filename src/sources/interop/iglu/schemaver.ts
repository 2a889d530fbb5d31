import { parseSemver } from '../../../core/diff/index.js';
import type { PlanChange } from '../../../core/diff/index.js';

/** A SchemaVer `MODEL-REVISION-ADDITION` as numbers. */
export type SchemaVer = [model: number, revision: number, addition: number];

export const IGLU_SELF_DESC = 'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#';
export const IGLU_VENDOR = /^[a-zA-Z0-9-_.]+$/;
export const IGLU_NAME = /^[a-zA-Z0-9-_]+$/;
const SCHEMAVER = /^([1-9]\d*)-(0|[1-9]\d*)-(0|[1-9]\d*)$/;
const IGLU_URI = /^iglu:([a-zA-Z0-9-_.]+)\/([a-zA-Z0-9-_]+)\/jsonschema\/([1-9]\d*-(?:0|[1-9]\d*)-(?:0|[1-9]\d*))$/;

export function parseSchemaVer(text: string): SchemaVer | undefined {
  const match = SCHEMAVER.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export function formatSchemaVer(version: SchemaVer): string {
  return version.join('-');
}

export function compareSchemaVer(a: SchemaVer, b: SchemaVer): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** `iglu:<vendor>/<name>/jsonschema/<M-R-A>`: the tag an imported event carries its Iglu identity in. */
export function igluTag(vendor: string, name: string, version: string): string {
  return `iglu:${vendor}/${name}/jsonschema/${version}`;
}

export function parseIgluTag(tags: readonly string[]): { vendor: string; name: string; version: SchemaVer } | undefined {
  for (const tag of tags) {
    const match = IGLU_URI.exec(tag);
    if (match) return { vendor: match[1]!, name: match[2]!, version: parseSchemaVer(match[3]!)! };
  }
  return undefined;
}

/** The plan semver read as a SchemaVer (`1.4.0` -> `1-4-0`); MODEL starts at 1, so `0.y.z` -> `1-y-z`. */
export function schemaVerOfPlan(version: string): { version: SchemaVer; exact: boolean } {
  const semver = parseSemver(version);
  if (!semver) return { version: [1, 0, 0], exact: false };
  const [major, minor, patch] = semver.core;
  return { version: [Math.max(1, major), minor, patch], exact: major >= 1 && semver.prerelease.length === 0 };
}

// SchemaVer: MODEL breaks all historical data, REVISION may break some, ADDITION breaks none.
const MODEL_CHANGES = new Set(['typeChanged', 'requiredPropertyAdded', 'madeRequired', 'nullableRemoved', 'identitySectionChanged']);

/** The SchemaVer step that one event's changes need, or undefined when nothing changed. */
export function schemaVerBump(changes: readonly PlanChange[]): 'model' | 'revision' | 'addition' | undefined {
  if (changes.length === 0) return undefined;
  if (changes.some((c) => MODEL_CHANGES.has(c.changeId))) return 'model';
  if (changes.some((c) => c.kind === 'breaking')) return 'revision';
  return 'addition';
}

export function bumpSchemaVer(version: SchemaVer, step: 'model' | 'revision' | 'addition'): SchemaVer {
  if (step === 'model') return [version[0] + 1, 0, 0];
  if (step === 'revision') return [version[0], version[1] + 1, 0];
  return [version[0], version[1], version[2] + 1];
}
