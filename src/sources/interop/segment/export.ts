import { compileDataSchema, DRAFT_07, type JsonSchema } from '../../../core/compile-schema.js';
import type { EventIR, PlanIR } from '../../../core/ir.js';
import { reportLosses } from '../export-losses.js';
import type { ExportFormat } from '../types.js';
import type { TargetCapacity } from '../export-losses.js';

/** Segment rules hold JSON Schema (every constraint), a description and labels (tags); no screen rule. */
const CAPACITY: TargetCapacity = {
  target: 'Segment',
  calls: ['track', 'identify', 'group', 'page'],
  plan: ['name'],
  event: ['description', 'tags', 'names', 'additional_properties'],
  property: ['description', 'pattern', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'enum', 'nullable', 'required', 'items', 'properties', 'additional_properties', 'type'],
};

const RULE_TYPE = { track: 'TRACK', identify: 'IDENTIFY', group: 'GROUP', page: 'PAGE' } as const;

/**
 * The body of Segment's Public API "replace rules" call (`PUT /tracking-plans/{id}/rules`):
 * `{ rules: [{ key, type, version: 1, jsonSchema }] }`, each schema of the whole call as Segment
 * validates it (data under `properties.properties` or `properties.traits`).
 */
export const exportFormat: ExportFormat = {
  name: 'segment',
  summary: 'Segment Public API tracking-plan rules JSON, for the "replace rules" call',
  output: 'file',
  exportPlan(plan: PlanIR) {
    const diagnostics = reportLosses(plan, CAPACITY);
    const exported = plan.events.filter((event) => CAPACITY.calls.includes(event.call));
    const rules = exported.map((event) => ({ key: event.call === 'track' ? event.name : null, type: RULE_TYPE[event.call as keyof typeof RULE_TYPE], version: 1, jsonSchema: wholeCallSchema(event) }));
    return { files: new Map([['rules.json', `${JSON.stringify({ rules }, null, 2)}\n`]]), diagnostics };
  },
};

function wholeCallSchema(event: EventIR): JsonSchema {
  const dataKey = event.call === 'identify' || event.call === 'group' ? 'traits' : 'properties';
  const data = compileDataSchema(event);
  const members: JsonSchema = { context: {}, traits: {}, properties: {}, [dataKey]: data };
  const required: string[] = Array.isArray(data['required']) ? [dataKey] : [];
  if (event.call === 'page' && event.names.length > 0) {
    members['name'] = { enum: [...event.names].sort() };
    required.push('name');
  }
  const labels = Object.fromEntries(event.tags.map((tag) => (tag.includes(':') ? [tag.slice(0, tag.indexOf(':')), tag.slice(tag.indexOf(':') + 1)] : [tag, 'true'])));
  return {
    $schema: DRAFT_07,
    ...(event.description !== undefined ? { description: event.description } : {}),
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
    type: 'object',
    properties: members,
    ...(required.length > 0 ? { required: required.sort() } : {}),
  };
}
