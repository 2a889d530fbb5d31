import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { compileRuntimePlan } from '../../src/core/compiled-plan.js';
import type { CallType, PlanIR } from '../../src/core/ir.js';
import { createValidator } from '../../src/runtime/validator.js';
import { generateTable } from './event-table.js';

// CommonJS packages: under ESM interop their export may arrive wrapped in `default`.
const AjvDraft04 = ((AjvDraft04Module as unknown as { default?: unknown }).default ?? AjvDraft04Module) as typeof Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv, options: { mode: 'fast' }) => Ajv;

/** One event of the source, with its own schema and where the data object sits in it. */
export interface SourceEvent {
  call: CallType;
  /** Track: the event name. */
  name: string;
  /** The JSON Schema the source validates with: the whole call, or the data object alone (`flat`). */
  schema: Record<string, unknown>;
  shape: 'whole' | 'flat';
  /** The data object's schema inside `schema` (for generating the table). */
  dataSchema: unknown;
  /** The document the schema's `$ref`s resolve in. */
  root: Record<string, unknown>;
}

export interface Verdict {
  event: string;
  row: string;
  keyword?: string;
  source: boolean;
  plan: boolean;
}

/**
 * Judges a generated table of events per source event twice: with ajv against the source's own
 * schema, and with the runtime validator (`trackplan validate`) against the imported plan.
 * Returns every row (to count) and the rows whose verdicts differ.
 */
export function judgeTables(events: readonly SourceEvent[], plan: PlanIR): { rows: Verdict[]; mismatches: Verdict[] } {
  const validator = createValidator(compileRuntimePlan(plan));
  const rows: Verdict[] = [];
  for (const event of events) {
    const judge = compileSource(event);
    const dataKey = event.call === 'identify' || event.call === 'group' ? 'traits' : 'properties';
    for (const row of generateTable(event.dataSchema, event.root)) {
      const message: Record<string, unknown> = { type: event.call, userId: 'u1', ...(event.call === 'track' ? { event: event.name } : {}), context: {}, [dataKey]: row.data };
      const source = judge(event.shape === 'flat' ? row.data : message) as boolean;
      const planned = validator.validate(message).valid;
      rows.push({ event: event.name, row: row.label, ...(row.keyword ? { keyword: row.keyword } : {}), source, plan: planned });
    }
  }
  return { rows, mismatches: rows.filter((r) => r.source !== r.plan) };
}

/** Schemas outside the file that source schemas refer to (the importer cannot follow them). */
export const REMOTE_SCHEMAS = new Map<string, Record<string, unknown>>([['https://example.com/schemas/thing.json', { type: 'string' }]]);

const cache = new WeakMap<object, ValidateFunction>();

function compileSource(event: SourceEvent): ValidateFunction {
  const known = cache.get(event.schema);
  if (known) return known;
  const draft = String(event.root['$schema'] ?? event.schema['$schema'] ?? '');
  const options = { strict: false, allErrors: true, validateSchema: false, allowUnionTypes: true, logger: false } as const;
  const ajv = draft.includes('2019-09') ? new Ajv2019(options) : draft.includes('draft-04') ? new AjvDraft04(options) : new Ajv(options);
  addFormats(ajv as Ajv, { mode: 'fast' });
  // `$ref: #/definitions/...` of the source resolve in the document: graft its definitions.
  const { $schema: _draft, ...schema } = event.schema;
  for (const key of ['definitions', '$defs']) if (event.root[key] !== undefined && schema[key] === undefined) schema[key] = event.root[key];
  for (const [uri, remote] of REMOTE_SCHEMAS) ajv.addSchema(remote, uri);
  const validate = ajv.compile((draft.includes('draft-04') ? schema : withoutLegacyIds(schema)) as Record<string, unknown>);
  cache.set(event.schema, validate);
  return validate;
}

const SUBSCHEMA_MAPS = ['properties', 'definitions', '$defs', 'patternProperties', 'dependentSchemas'];
const SUBSCHEMAS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'additionalItems'];
const SUBSCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];

/**
 * Segment's editor writes `id: "/properties/..."` on every node, which draft-07 ignores but ajv
 * refuses: a copy without those, walking only schema positions (a property may be named `id`).
 */
function withoutLegacyIds(schema: unknown): unknown {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'id' && typeof value === 'string') continue;
    if (SUBSCHEMA_MAPS.includes(key) && value && typeof value === 'object') out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutLegacyIds(v)]));
    else if (SUBSCHEMAS.includes(key)) out[key] = withoutLegacyIds(value);
    else if (SUBSCHEMA_LISTS.includes(key) && Array.isArray(value)) out[key] = value.map(withoutLegacyIds);
    else out[key] = value;
  }
  return out;
}
