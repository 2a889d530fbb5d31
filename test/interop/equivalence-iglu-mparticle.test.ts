import { describe, expect, it } from 'vitest';
import { importFormat as igluImport } from '../../src/sources/interop/iglu/import.js';
import { importFormat as mparticleImport } from '../../src/sources/interop/mparticle/import.js';
import type { InputFile } from '../../src/sources/interop/types.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { isSheetLocation } from '../../src/core/location.js';
import { exportIglu } from '../../src/sources/interop/iglu/export.js';
import { exportMparticle } from '../../src/sources/interop/mparticle/export.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { importAndLoad, readShared, ROOT } from './helpers.js';
import { judgeTables, type SourceEvent, type Verdict } from './verdicts.js';

type Json = Record<string, unknown>;
/** A source event and the input file it came from. */
type FileEvent = SourceEvent & { file?: string };

/**
 * mParticle sends attributes as a JSON object always, so a schema without `type` imports as an
 * object schema; the table's row that puts a non-object at the root cannot occur there.
 */
function occurring(verdicts: Verdict[], events: readonly SourceEvent[]): Verdict[] {
  const untyped = new Set(events.filter((e) => e.schema['type'] === undefined).map((e) => e.name));
  return verdicts.filter((v) => !(v.row === 'type at /' && untyped.has(v.event)));
}

function fileOf(d: Diagnostic): string {
  return d.location && !isSheetLocation(d.location) ? d.location.file : '';
}
const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';

/** Each Iglu schema imported (the newest of each name), judged by ajv-draft-04 on its own. */
function igluEvents(files: InputFile[]): FileEvent[] {
  const newest = new Map<string, { version: string; schema: Json; file: string }>();
  const schemas = files.flatMap((file) => {
    if (/\.ndjson$/.test(file.path)) return file.text.split('\n').filter((l) => l.trim() !== '').map((l) => ({ file, schema: (JSON.parse(l) as Json)['data'] as Json }));
    if (!/\/jsonschema\/\d+-\d+-\d+$|\.json$/.test(file.path)) return [];
    const data = JSON.parse(file.text) as Json;
    const listed = [...((data['eventSchemas'] as Json[] | undefined) ?? []), ...((data['contextSchemas'] as Json[] | undefined) ?? [])];
    return (listed.length > 0 ? listed : [data]).map((schema) => ({ file, schema }));
  });
  for (const { file, schema } of schemas) {
    const self = schema['self'] as { name: string; version: string };
    const known = newest.get(self.name);
    const order = (v: string) => v.split('-').map((n) => n.padStart(6, '0')).join('');
    if (!known || order(self.version) > order(known.version)) newest.set(self.name, { version: self.version, schema, file: file.path });
  }
  return [...newest].map(([name, { schema, file }]) => {
    // Iglu schemas are draft 04; `$schema` names the self-describing meta-schema, so say the draft here.
    const root = { ...schema, $schema: DRAFT_04 };
    return { call: 'track' as const, name, schema: root, shape: 'flat' as const, dataSchema: root, root, file };
  });
}

/** Each imported mParticle point: the custom attributes schema (track) or the user attributes schema (identify). */
function mparticleEvents(file: InputFile): FileEvent[] {
  const root = JSON.parse(file.text) as Json;
  const versions = (root['data_plan_versions'] as Json[] | undefined) ?? [root];
  const points = ((versions[0]!['version_document'] as Json)['data_points'] as Json[]);
  const seen = new Set<string>();
  const out: FileEvent[] = [];
  for (const point of points) {
    const match = point['match'] as { type: string; criteria: Json };
    const definition = (point['validator'] as Json)['definition'] as Json;
    if (match.type === 'custom_event') {
      const name = String(match.criteria['event_name']);
      const data = (definition['properties'] as Json)['data'] as Json;
      const attributes = ((data['properties'] as Json)['custom_attributes'] ?? undefined) as Json | undefined;
      if (seen.has(name) || !attributes) continue; // a duplicate name is reported and not imported
      seen.add(name);
      out.push({ call: 'track', name, schema: attributes, shape: 'flat', dataSchema: attributes, root, file: file.path });
    } else if (match.type === 'user_attributes') {
      out.push({ call: 'identify', name: 'identify', schema: definition, shape: 'flat', dataSchema: definition, root, file: file.path });
    }
  }
  return out;
}

const CASES = [
  { format: 'iglu', input: 'snowplow/iglu-central-subset', events: 9 },
  { format: 'iglu', input: 'avo/avo-export-api.snowplow-response.json', events: 1 },
  { format: 'iglu', input: 'avo/avo-export-api.ndjson-response.ndjson', events: 2 },
  { format: 'mparticle', input: 'mparticle/smartype.freddy_s_plan-v1.json', events: 10 },
  { format: 'mparticle', input: 'mparticle/smartype.test-enum-value-starting-with-number.json', events: 1 },
  { format: 'mparticle', input: 'mparticle/smartype.test-duplicate-class-name.json', events: 1 },
  { format: 'mparticle', input: 'mparticle/mparticle-docs.data-plan-builder-generic-template.json', events: 1 },
  { format: 'mparticle', input: 'mparticle/mparticle-docs.dataplanning-api.create-plan-response.json', events: 1 },
];

describe('imported plans accept and reject exactly what the source schemas do', () => {
  it.each(CASES)('$format: $input', async ({ format, input, events: count }) => {
    const files = await readShared(input);
    const importer = format === 'iglu' ? igluImport : mparticleImport;
    const { plan, result } = await importAndLoad(importer, files);
    const events: FileEvent[] = format === 'iglu' ? igluEvents(files) : mparticleEvents(files[0]!);
    expect(events).toHaveLength(count);
    const { rows, mismatches } = judgeTables(events, plan);
    // Valid rows and, per constraint, a breaking row: at least three rows and one rejected row per event.
    expect(rows.length).toBeGreaterThanOrEqual(3 * events.length);
    expect(rows.filter((r) => !r.source).length).toBeGreaterThanOrEqual(events.length);
    // The plan may be looser only for an event whose schema the import reported a lost keyword of; never stricter.
    const lossy = new Set(result.diagnostics.filter((d) => d.messageId === 'unsupportedKeyword').map((d) => fileOf(d)));
    const allowed = new Set(events.filter((e) => lossy.has(e.file ?? '')).map((e) => e.name));
    expect(occurring(mismatches, events).filter((m) => !(m.plan && allowed.has(m.event)))).toEqual([]);
  });
});

/** Own edge cases: every keyword both formats use, nullable and type lists, nested objects without additionalProperties. */
const EDGE_PROPERTIES: Json = {
  status: { type: ['string', 'null'], enum: ['open', 'closed'], description: 'nullable enum' },
  count: { type: 'integer', minimum: 0, maximum: 100 },
  ratio: { type: ['number', 'null'], minimum: -1.5, maximum: 1.5 },
  code: { type: 'string', pattern: '^[A-Z]{3}-\\d{2}$', minLength: 6, maxLength: 6 },
  at: { type: 'string', format: 'date-time' },
  id: { type: 'string', format: 'uuid' },
  mixed: { type: ['string', 'integer'] },
  anything: {},
  level: { enum: [1, 2, 3] },
  flag: { type: 'boolean' },
  meta: { type: 'object', properties: { source: { type: 'string', maxLength: 10 } }, required: ['source'] },
  items: {
    type: 'array',
    items: { type: 'object', properties: { sku: { type: 'string', minLength: 1 }, qty: { type: 'integer', minimum: 1 } }, required: ['sku'], additionalProperties: false },
  },
};

const EDGE_IGLU: InputFile = {
  path: 'edge/schemas/com.acme/checkout/jsonschema/1-2-0',
  text: JSON.stringify({
    $schema: 'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
    self: { vendor: 'com.acme', name: 'checkout', format: 'jsonschema', version: '1-2-0' },
    type: 'object', properties: EDGE_PROPERTIES, required: ['count', 'code', 'items'], additionalProperties: false,
  }, null, 2),
};

const EDGE_MPARTICLE: InputFile = {
  path: 'edge/plan.json',
  text: JSON.stringify({
    version: 3, data_plan_id: 'edge_plan',
    version_document: { data_points: [
      { description: 'checkout', match: { type: 'custom_event', criteria: { event_name: 'Checkout', custom_event_type: 'transaction' } },
        validator: { type: 'json_schema', definition: { properties: { data: { additionalProperties: true, required: ['custom_attributes'], type: 'object', properties: {
          custom_attributes: { type: 'object', properties: { ...EDGE_PROPERTIES, odd: { type: 'number', enum: ['34'] } }, required: ['count', 'code'] },
        } } } } } },
      { description: 'users', match: { type: 'user_attributes', criteria: {} },
        validator: { type: 'json_schema', definition: { additionalProperties: false, properties: { $Age: { type: 'number', minimum: 0 }, tier: { type: 'string', enum: ['free', 'pro'] } }, required: ['tier'] } } },
    ] },
  }, null, 2),
};

describe('own edge cases keep their meaning', () => {
  it('iglu: an Iglu schema with every keyword', async () => {
    const { plan, result } = await importAndLoad(igluImport, [EDGE_IGLU]);
    expect(result.diagnostics).toEqual([]);
    const { rows, mismatches } = judgeTables(igluEvents([EDGE_IGLU]), plan);
    expect(rows.length).toBeGreaterThan(25);
    expect(mismatches).toEqual([]);
  });

  it('mparticle: custom attributes and user attributes with every keyword', async () => {
    const { plan } = await importAndLoad(mparticleImport, [EDGE_MPARTICLE]);
    const events = mparticleEvents(EDGE_MPARTICLE);
    const { rows, mismatches } = judgeTables(events, plan);
    expect(rows.length).toBeGreaterThan(25);
    expect(occurring(mismatches, events)).toEqual([]);
  });

  it('iglu export: the exported schemas judge like the plan they came from', async () => {
    const plan = (await loadPlan('plans', { cwd: ROOT })).plan!;
    const exported = exportIglu(plan, {});
    const files = [...exported.files].map(([path, text]) => ({ path, text }));
    const events = igluEvents(files);
    expect(events).toHaveLength(plan.events.filter((e) => e.call === 'track').length);
    const { mismatches } = judgeTables(events, plan);
    expect(mismatches).toEqual([]);
  });

  it('mparticle export: the exported data points judge like the plan they came from', async () => {
    const plan = (await loadPlan('plans', { cwd: ROOT })).plan!;
    const [[path, text]] = [...exportMparticle(plan).files];
    const events = mparticleEvents({ path: path!, text: text! });
    expect(events).toHaveLength(plan.events.filter((e) => e.call === 'track' || e.call === 'identify').length);
    const { mismatches } = judgeTables(events, plan);
    expect(mismatches).toEqual([]);
  });
});
