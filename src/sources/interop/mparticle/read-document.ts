import { InteropInputError } from '../errors.js';
import type { JsonInput } from '../json-input.js';
import { slugify } from '../plan-draft.js';
import type { WarningSink } from '../warnings.js';

type Json = Record<string, unknown>;

/** The plan version to import: its data points, where they are, and the header values around them. */
export interface MparticleVersion {
  id: string;
  name: string;
  version: string;
  description?: string;
  points: unknown[];
  /** JSON pointer of the `data_points` array. */
  pointer: string;
  /** JSON pointer of the version document (for environment and transformation warnings). */
  versionPointer: string;
  /** The version document itself. */
  document: Json;
}

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Finds the plan version in a data plan (`data_plan_versions[]`, newest taken, others reported) or
 * a data plan version document (`version_document.data_points`). Anything else is not mParticle.
 */
export function readMparticleDocument(input: JsonInput, sink: WarningSink): MparticleVersion {
  const data = input.data;
  const at = (pointer: string) => {
    const l = input.locate(pointer);
    return `${l.file}:${l.line}:${l.column}`;
  };
  if (!isObject(data)) throw new InteropInputError(at(''), 'not an mParticle data plan: expected a JSON object with version_document.data_points or data_plan_versions');
  let version: Json = data;
  let versionPointer = '';
  if (Array.isArray(data['data_plan_versions'])) {
    const versions = data['data_plan_versions'].map((v, i) => ({ v, i })).filter((x): x is { v: Json; i: number } => isObject(x.v));
    if (versions.length === 0) throw new InteropInputError(at('/data_plan_versions'), 'the data plan has no versions');
    versions.sort((a, b) => Number(b.v['version'] ?? 0) - Number(a.v['version'] ?? 0));
    const [newest, ...older] = versions;
    for (const old of older) {
      sink.warn('olderVersion', input.locate(`/data_plan_versions/${old.i}/version`), { pointer: `/data_plan_versions/${old.i}/version`, version: String(old.v['version']), name: String(data['data_plan_id'] ?? 'the plan'), taken: String(newest!.v['version']), hint: '' });
    }
    version = newest!.v;
    versionPointer = `/data_plan_versions/${newest!.i}`;
  }
  const document = version['version_document'];
  const points = isObject(document) ? document['data_points'] : undefined;
  if (!Array.isArray(points)) {
    throw new InteropInputError(at(versionPointer), 'not an mParticle data plan version: expected version_document.data_points (an array of data points)');
  }
  const fileStem = slugify(input.file.split('/').pop()!.replace(/\.json$/i, ''));
  const given = stringOf(data['data_plan_id']) ?? stringOf(version['data_plan_id']);
  // The plan id rule is close to mParticle's; anything else is slugged.
  const id = given && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(given) ? given : slugify(given ?? '') || fileStem || 'mparticle-plan';
  const number = Number(version['version']);
  const description = stringOf(data['data_plan_description']);
  return {
    id,
    name: stringOf(data['data_plan_name']) ?? stringOf(version['version_description']) ?? id,
    version: Number.isInteger(number) && number >= 1 ? `${number}.0.0` : '1.0.0',
    ...(description ? { description } : {}),
    points,
    pointer: `${versionPointer}/version_document/data_points`,
    versionPointer,
    document: version,
  };
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
