import { convertDefinition } from '../json-schema/to-definition.js';
import { createSchemaContext, flushUnknownKeys } from '../json-schema/context.js';
import { layOutPlan, type EventDraft, type PlanDraft } from '../plan-draft.js';
import type { ImportFormat, ImportResult, InputFile } from '../types.js';
import { WarningSink } from '../warnings.js';
import { readIgluSchemas, type IgluSchema } from './read-schemas.js';
import { compareSchemaVer, formatSchemaVer, igluTag } from './schemaver.js';

/** Keys of a self-describing schema that describe it rather than its data. */
const SELF_KEYS = new Set(['self', '$schema', 'description']);

/**
 * Each schema becomes a track event named by `self.name` (the newest version of each), filed by
 * vendor; the event's tag `iglu:<vendor>/<name>/jsonschema/<M-R-A>` keeps its Iglu identity.
 */
export function importIglu(files: readonly InputFile[]): ImportResult {
  const sink = new WarningSink();
  const newest = pickNewest(readIgluSchemas(files, sink), sink);
  const events = new Map<string, Record<string, EventDraft>>();
  const taken = new Map<string, IgluSchema>();
  for (const item of newest) {
    const first = taken.get(item.name);
    if (first) {
      const other = first.input.locate(`${first.pointer}/self/name`);
      sink.warn('duplicateName', item.input.locate(`${item.pointer}/self/name`), { pointer: `${item.pointer}/self/name`, kind: 'event', name: item.name, other: `${other.file}:${other.line}:${other.column}` });
      continue;
    }
    taken.set(item.name, item);
    const group = events.get(item.vendor) ?? {};
    group[item.name] = toEvent(item, sink);
    events.set(item.vendor, group);
  }
  const draft: PlanDraft = { ...header(newest), events };
  return { documents: layOutPlan(draft), diagnostics: sink.diagnostics };
}

function toEvent(item: IgluSchema, sink: WarningSink): EventDraft {
  const ctx = createSchemaContext(item.input, sink);
  const data = Object.fromEntries(Object.entries(item.schema).filter(([key]) => !SELF_KEYS.has(key)));
  const def = convertDefinition(data, item.pointer, ctx);
  flushUnknownKeys(ctx);
  const description = item.schema['description'];
  const objectLike = def['type'] === 'object' || def['type'] === 'any';
  if (!objectLike) {
    sink.warn('skipped', item.input.locate(`${item.pointer}/type`), { pointer: `${item.pointer}/type`, what: `the top-level type ${JSON.stringify(def['type'])}`, reason: 'an event is an object of properties; kept any properties' });
  }
  return {
    ...(typeof description === 'string' && description !== '' ? { description } : {}),
    tags: [igluTag(item.vendor, item.name, item.versionText)],
    ...(def['properties'] ? { properties: def['properties'] } : {}),
    additional_properties: objectLike ? def['additional_properties'] !== false : true,
  };
}

/** The newest SchemaVer of each vendor/name; older ones are reported. */
function pickNewest(schemas: IgluSchema[], sink: WarningSink): IgluSchema[] {
  const byKey = new Map<string, IgluSchema[]>();
  for (const schema of schemas) {
    const key = `${schema.vendor}/${schema.name}`;
    byKey.set(key, [...(byKey.get(key) ?? []), schema]);
  }
  const out: IgluSchema[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const versions = byKey.get(key)!.sort((a, b) => compareSchemaVer(b.version, a.version));
    const [latest, ...older] = versions;
    out.push(latest!);
    for (const old of older) {
      sink.warn('olderVersion', old.input.locate(`${old.pointer}/self/version`), { pointer: `${old.pointer}/self/version`, version: old.versionText, name: key, taken: latest!.versionText, hint: '' });
    }
  }
  return out;
}

/** Plan id: the vendor most schemas share; plan version: the highest SchemaVer imported. */
function header(schemas: IgluSchema[]): Omit<PlanDraft, 'events'> {
  const counts = new Map<string, number>();
  for (const s of schemas) counts.set(s.vendor, (counts.get(s.vendor) ?? 0) + 1);
  const vendor = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  const highest = schemas.map((s) => s.version).sort((a, b) => compareSchemaVer(b, a))[0]!;
  return { id: vendor, name: `Iglu schemas of ${vendor}`, version: formatSchemaVer(highest).replace(/-/g, '.') };
}

/** `trackplan import iglu`: a Snowplow Iglu registry folder or single self-describing schemas. */
export const importFormat: ImportFormat = {
  name: 'iglu',
  summary: 'Snowplow Iglu registry folder or self-describing schemas',
  importPlan: importIglu,
};
