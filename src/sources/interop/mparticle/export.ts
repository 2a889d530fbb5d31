import { compileDataSchema, type JsonSchema } from '../../../core/compile-schema.js';
import { parseSemver } from '../../../core/diff/index.js';
import { createDiagnostic, type Diagnostic } from '../../../core/diagnostics.js';
import type { EventIR, PlanIR } from '../../../core/ir.js';
import { EXPORT_LOSSES, reportLosses, type TargetCapacity } from '../export-losses.js';
import type { ExportFormat, ExportResult } from '../types.js';

/** The tag prefix that keeps mParticle's custom event type (`custom_event_type:navigation`). */
export const CUSTOM_EVENT_TYPE_TAG = 'custom_event_type:';

const CAPACITY: TargetCapacity = {
  target: 'mParticle',
  calls: ['track', 'screen', 'identify'],
  plan: ['id', 'name', 'version'],
  event: ['description', 'additional_properties', 'names'],
  property: ['description', 'pattern', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'enum', 'nullable', 'required', 'items', 'properties', 'additional_properties', 'type'],
  keepsTag: (tag) => tag.startsWith(CUSTOM_EVENT_TYPE_TAG),
};

/** A data point whose validator checks the custom attributes of an event (`data.custom_attributes`). */
function eventPoint(description: string | undefined, match: JsonSchema, event: EventIR): JsonSchema {
  const attributes = compileDataSchema(event);
  const required = Array.isArray(attributes['required']) ? ['custom_attributes'] : [];
  return {
    description: description ?? '',
    match,
    validator: {
      type: 'json_schema',
      definition: {
        properties: {
          data: { additionalProperties: true, properties: { custom_attributes: attributes }, required, type: 'object' },
        },
      },
    },
  };
}

function dataPoints(event: EventIR, diagnostics: Diagnostic[]): JsonSchema[] {
  if (event.call === 'track') {
    const tag = event.tags.find((t) => t.startsWith(CUSTOM_EVENT_TYPE_TAG));
    const type = tag ? tag.slice(CUSTOM_EVENT_TYPE_TAG.length) : 'other';
    return [eventPoint(event.description, { type: 'custom_event', criteria: { event_name: event.name, custom_event_type: type } }, event)];
  }
  if (event.call === 'screen') {
    // mParticle matches screen views by name: a screen plan without names has no data point.
    if (event.names.length === 0) diagnostics.push(createDiagnostic(EXPORT_LOSSES, 'lostCall', event.location, { target: 'mParticle (a screen_view point needs a screen name)', call: 'screen', event: 'screen', name: 'screen' }, { severity: 'warning' }));
    return [...event.names].sort().map((name) => eventPoint(event.description, { type: 'screen_view', criteria: { screen_name: name } }, event));
  }
  return [{
    description: event.description ?? '',
    match: { type: 'user_attributes', criteria: {} },
    validator: { type: 'json_schema', definition: compileDataSchema(event) },
  }];
}

/** A data plan version document: custom events, screen views and user attributes as data points. */
export function exportMparticle(plan: PlanIR): ExportResult {
  const diagnostics = reportLosses(plan, CAPACITY);
  const semver = parseSemver(plan.version);
  const major = Math.max(1, semver?.core[0] ?? 1);
  if (!semver || semver.core[0] < 1 || semver.core[1] !== 0 || semver.core[2] !== 0 || semver.prerelease.length > 0) {
    // mParticle versions are integers: only the major part is carried.
    diagnostics.push(createDiagnostic(EXPORT_LOSSES, 'lostPlanField', plan.headerLocation, { target: 'mParticle', field: 'version', value: plan.version }, { severity: 'warning' }));
  }
  const points: JsonSchema[] = [];
  for (const call of ['track', 'screen', 'identify'] as const) {
    for (const event of plan.events) if (event.call === call) points.push(...dataPoints(event, diagnostics));
  }
  const document = {
    version: major,
    data_plan_id: plan.id,
    version_description: plan.name,
    activated_environment: 'none',
    version_document: { data_points: points },
  };
  return { files: new Map([['data-plan-version.json', `${JSON.stringify(document, null, 2)}\n`]]), diagnostics };
}

/** `trackplan export mparticle`: an mParticle data plan version document. */
export const exportFormat: ExportFormat = {
  name: 'mparticle',
  summary: 'an mParticle data plan version document (version_document.data_points)',
  output: 'file',
  exportPlan: exportMparticle,
};
