import { createDiagnostic, type Diagnostic } from '../../core/diagnostics.js';
import { DEFAULT_POLICY, type CallType, type EventIR, type PlanIR, type PropertyIR } from '../../core/ir.js';

/** What an export cannot carry, keyed by stable message ids; `data.field` names the plan field. */
export const EXPORT_LOSSES = {
  lostPlanField: { ruleId: 'interop-not-carried', message: '{target} cannot hold the plan {field} ({value}); it is not exported' },
  lostCall: { ruleId: 'interop-not-carried', message: '{target} cannot hold the {call} call; it is not exported' },
  lostEventField: { ruleId: 'interop-not-carried', message: '{target} cannot hold {field} of {event}; it is not exported' },
  lostPropertyField: { ruleId: 'interop-not-carried', message: '{target} cannot hold {field} of {event} property {path}; it is not exported' },
  renamedEvent: { ruleId: 'interop-not-carried', message: '{target} names cannot hold "{event}": exported as "{newName}"' },
} as const;

export type EventField = 'description' | 'owner' | 'sources' | 'tags' | 'status' | 'replaced_by' | 'names' | 'identity_section' | 'additional_properties';
export type PropertyField =
  | 'description' | 'pii' | 'deprecated' | 'pattern' | 'format' | 'minimum' | 'maximum' | 'minLength' | 'maxLength'
  | 'enum' | 'nullable' | 'required' | 'items' | 'properties' | 'additional_properties' | 'type';
export type PlanField = 'id' | 'name' | 'version' | 'description' | 'sources' | 'policy' | 'types';

/** What one target format holds; everything else the plan uses is reported once, where it is. */
export interface TargetCapacity {
  target: string;
  calls: readonly CallType[];
  plan: readonly PlanField[];
  event: readonly EventField[];
  property: readonly PropertyField[];
  /** Tags the target keeps (e.g. `custom_event_type:` for mParticle); others are lost. */
  keepsTag?: (tag: string) => boolean;
  /** Property types the target keeps; a property of any other type is reported as `type`. */
  keepsType?: (property: PropertyIR) => boolean;
}

/** Warnings for every plan, event and property field the target cannot hold, at the field's plan location. */
export function reportLosses(plan: PlanIR, capacity: TargetCapacity): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { target } = capacity;
  const planValues: Record<PlanField, string | undefined> = {
    id: plan.id,
    name: plan.name,
    version: plan.version,
    description: plan.description,
    sources: plan.sources.length > 0 ? plan.sources.map((s) => s.id).join(', ') : undefined,
    policy: isDefaultPolicy(plan) ? undefined : 'non-default settings',
    types: plan.types.length > 0 ? `${plan.types.length} named types, inlined` : undefined,
  };
  for (const [field, value] of Object.entries(planValues) as [PlanField, string | undefined][]) {
    if (value !== undefined && !capacity.plan.includes(field)) {
      out.push(createDiagnostic(EXPORT_LOSSES, 'lostPlanField', plan.headerLocation, { target, field, value }, { severity: 'warning' }));
    }
  }
  for (const event of plan.events) {
    if (!capacity.calls.includes(event.call)) {
      out.push(createDiagnostic(EXPORT_LOSSES, 'lostCall', event.location, { target, call: event.call, event: event.name, name: event.name }, { severity: 'warning' }));
      continue;
    }
    out.push(...reportEvent(event, capacity));
  }
  return out;
}

function isDefaultPolicy(plan: PlanIR): boolean {
  const { overrides, ...settings } = plan.policy;
  return Object.keys(overrides).length === 0 && Object.entries(DEFAULT_POLICY).every(([k, v]) => settings[k as keyof typeof settings] === v);
}

function reportEvent(event: EventIR, capacity: TargetCapacity): Diagnostic[] {
  const out: Diagnostic[] = [];
  const label = event.call === 'track' ? `event "${event.name}"` : `the ${event.call} call`;
  const lostTags = event.tags.filter((t) => !capacity.keepsTag?.(t));
  const used: Record<EventField, boolean> = {
    description: event.description !== undefined,
    owner: event.owner !== undefined,
    sources: event.sources.length > 0,
    tags: lostTags.length > 0,
    status: event.status !== 'active',
    replaced_by: event.replacement !== undefined,
    names: event.names.length > 0,
    identity_section: event.identitySection === 'context.traits',
    additional_properties: event.additionalProperties,
  };
  for (const [field, isUsed] of Object.entries(used) as [EventField, boolean][]) {
    if (isUsed && !capacity.event.includes(field)) {
      out.push(createDiagnostic(EXPORT_LOSSES, 'lostEventField', event.location, { target: capacity.target, field, event: label, call: event.call, name: event.name }, { severity: 'warning' }));
    }
  }
  for (const property of event.properties) out.push(...reportProperty(property, property.name, event, label, capacity));
  return out;
}

function reportProperty(property: PropertyIR, path: string, event: EventIR, label: string, capacity: TargetCapacity): Diagnostic[] {
  const out: Diagnostic[] = [];
  const used: Record<PropertyField, boolean> = {
    description: property.description !== undefined,
    pii: property.pii,
    deprecated: property.deprecated,
    pattern: property.pattern !== undefined,
    format: property.format !== undefined,
    minimum: property.minimum !== undefined,
    maximum: property.maximum !== undefined,
    minLength: property.minLength !== undefined,
    maxLength: property.maxLength !== undefined,
    enum: property.enum !== undefined,
    nullable: property.nullable,
    required: property.required,
    items: property.items !== undefined,
    properties: property.properties !== undefined && property.properties.length > 0,
    additional_properties: property.type.includes('object') && property.additionalProperties,
    type: capacity.keepsType ? !capacity.keepsType(property) : false,
  };
  for (const [field, isUsed] of Object.entries(used) as [PropertyField, boolean][]) {
    if (isUsed && !capacity.property.includes(field)) {
      out.push(createDiagnostic(EXPORT_LOSSES, 'lostPropertyField', property.location, { target: capacity.target, field, event: label, call: event.call, name: event.name, path }, { severity: 'warning' }));
    }
  }
  if (capacity.property.includes('items') && property.items) out.push(...reportProperty(property.items, `${path}[]`, event, label, capacity));
  if (capacity.property.includes('properties')) {
    for (const child of property.properties ?? []) out.push(...reportProperty(child, `${path}.${child.name}`, event, label, capacity));
  }
  return out;
}
