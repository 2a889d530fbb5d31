import { compileDataSchema } from '../../../core/compile-schema.js';
import { createDiagnostic, type Diagnostic } from '../../../core/diagnostics.js';
import { diffPlans } from '../../../core/diff/index.js';
import type { PlanChange } from '../../../core/diff/index.js';
import { eventFileName } from '../../../core/file-names.js';
import type { EventIR, PlanIR } from '../../../core/ir.js';
import { EXPORT_LOSSES, reportLosses, type TargetCapacity } from '../export-losses.js';
import type { ExportFormat, ExportOptions, ExportResult } from '../types.js';
import {
  IGLU_NAME, IGLU_SELF_DESC, bumpSchemaVer, compareSchemaVer, formatSchemaVer, parseIgluTag, schemaVerBump,
  schemaVerOfPlan, type SchemaVer,
} from './schemaver.js';

const CAPACITY: TargetCapacity = {
  target: 'Iglu',
  calls: ['track'],
  plan: ['id', 'version'],
  event: ['description', 'additional_properties'],
  property: ['description', 'pattern', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'enum', 'nullable', 'required', 'items', 'properties', 'additional_properties', 'type'],
  keepsTag: (tag) => parseIgluTag([tag]) !== undefined,
};

/** One self-describing schema per track event, in the registry layout `schemas/<vendor>/<name>/jsonschema/<M-R-A>`. */
export function exportIglu(plan: PlanIR, options: ExportOptions): ExportResult {
  const diagnostics: Diagnostic[] = reportLosses(plan, CAPACITY);
  const changes = options.base ? changesByEvent(options.base, plan) : undefined;
  const files = new Map<string, string>();
  let highest: SchemaVer = [0, 0, 0];
  const vendors = new Map<string, number>();
  for (const event of plan.events) {
    if (event.call !== 'track') continue;
    const tag = parseIgluTag(event.tags);
    const vendor = tag?.vendor ?? plan.id;
    vendors.set(vendor, (vendors.get(vendor) ?? 0) + 1);
    const name = schemaName(event, diagnostics);
    const version = chooseVersion(plan, event, options.base, changes?.get(event.name) ?? []);
    if (compareSchemaVer(version, highest) > 0) highest = version;
    const { type, properties, required, additionalProperties } = compileDataSchema(event);
    const schema = {
      $schema: IGLU_SELF_DESC,
      ...(event.description !== undefined ? { description: event.description } : {}),
      self: { vendor, name, format: 'jsonschema', version: formatSchemaVer(version) },
      type, properties, ...(required !== undefined ? { required } : {}), additionalProperties,
    };
    files.set(`schemas/${vendor}/${name}/jsonschema/${formatSchemaVer(version)}`, `${JSON.stringify(schema, null, 2)}\n`);
  }
  // Import reads the plan id back from the most common vendor and the plan version from the highest SchemaVer.
  const vendor = [...vendors].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const lost = [
    ...(vendor === plan.id ? [] : [{ field: 'id', value: plan.id }]),
    ...(files.size > 0 && highest.join('.') === plan.version ? [] : [{ field: 'version', value: plan.version }]),
  ];
  for (const { field, value } of lost) {
    diagnostics.push(createDiagnostic(EXPORT_LOSSES, 'lostPlanField', plan.headerLocation, { target: 'Iglu', field, value }, { severity: 'warning' }));
  }
  return { files, diagnostics };
}

function schemaName(event: EventIR, diagnostics: Diagnostic[]): string {
  if (IGLU_NAME.test(event.name)) return event.name;
  const name = eventFileName(event.name);
  diagnostics.push(createDiagnostic(EXPORT_LOSSES, 'renamedEvent', event.location, { target: 'Iglu', event: event.name, newName: name, call: 'track', name: event.name }, { severity: 'warning' }));
  return name;
}

/**
 * Without a base: the event's own Iglu tag, else the plan version read as SchemaVer. With a base,
 * an event that changed since the base bumps the base's SchemaVer by what the diff found.
 */
function chooseVersion(plan: PlanIR, event: EventIR, base: PlanIR | undefined, changes: readonly PlanChange[]): SchemaVer {
  const own = parseIgluTag(event.tags)?.version;
  const fallback = own ?? schemaVerOfPlan(plan.version).version;
  const before = base?.events.find((e) => e.call === 'track' && e.name === event.name);
  if (!base || !before) return fallback;
  const baseVersion = parseIgluTag(before.tags)?.version ?? schemaVerOfPlan(base.version).version;
  // A version set by hand in the head's tag wins over the computed one.
  if (own && compareSchemaVer(own, baseVersion) !== 0) return own;
  const step = schemaVerBump(changes.filter((c) => !c.changeId.startsWith('eventTags')));
  return step ? bumpSchemaVer(baseVersion, step) : baseVersion;
}

function changesByEvent(base: PlanIR, head: PlanIR): Map<string, PlanChange[]> {
  const out = new Map<string, PlanChange[]>();
  for (const change of diffPlans(base, head).changes) {
    if (change.call !== 'track' || change.event === undefined) continue;
    out.set(change.event, [...(out.get(change.event) ?? []), change]);
  }
  return out;
}

/** `trackplan export iglu`: a Snowplow Iglu registry folder. */
export const exportFormat: ExportFormat = {
  name: 'iglu',
  summary: 'a Snowplow Iglu registry folder (schemas/<vendor>/<name>/jsonschema/<M-R-A>), SchemaVer bumped from --base',
  output: 'folder',
  exportPlan: exportIglu,
};
