import type { CallType } from '../ir.js';
import { draftProperties, type PropertyReport } from './draft-definition.js';
import type { CallSamples, SampleSet } from './sample-set.js';

/** Where the draft and the plan disagree; `infer` reports these instead of changing the plan. */
export interface Disagreement {
  /** `Order Completed.total`, `identify.email`. */
  path: string;
  /** Where the plan defines it. */
  location: string;
  kind: 'type' | 'required' | 'enum';
  planned: string;
  found: string;
}

/** One drafted planned call, ready for a plan file. */
export interface DraftedCall {
  call: CallType;
  /** Track: the event name; the other calls: the call type. */
  name: string;
  /** Its definition as plan YAML data (`properties:` or `traits:` and what else it needs). */
  definition: Record<string, unknown>;
  /** Comment lines for the file: where the samples came from. */
  comment: string[];
  count: number;
  report: PropertyReport[];
}

/**
 * Drafts the planned calls of a sample set: track events by name, then identify, page, screen,
 * group. Top-level properties that share a name get one type across events (a union when they
 * differ), so the draft passes the conflicting-property-types rule as warehouses need it.
 */
export function draftCalls(set: SampleSet, fromCode: boolean, describe: (samples: CallSamples) => string[]): DraftedCall[] {
  const order: CallType[] = ['track', 'identify', 'page', 'screen', 'group'];
  const samples = [...set.calls.values()].sort((a, b) => order.indexOf(a.call) - order.indexOf(b.call) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const drafted = samples.map((s): DraftedCall => {
    const report: PropertyReport[] = [];
    const properties = draftProperties('', s.properties.fields ?? new Map(), s.count, { limits: set.limits, fromCode, report });
    const section = s.call === 'identify' || s.call === 'group' ? 'traits' : 'properties';
    const definition: Record<string, unknown> = { [section]: properties };
    // Properties the samples cannot list (code passes a value the linter cannot evaluate).
    if (s.properties.open || s.properties.unknown > 0) definition['additional_properties'] = true;
    return { call: s.call, name: s.call === 'track' ? s.name : s.call, definition, comment: describe(s), count: s.count, report };
  });
  unifyTypes(drafted);
  return drafted;
}

function sectionOf(call: DraftedCall): Record<string, Record<string, unknown>> {
  return (call.definition['properties'] ?? call.definition['traits']) as Record<string, Record<string, unknown>>;
}

function unifyTypes(calls: readonly DraftedCall[]): void {
  const byName = new Map<string, Record<string, unknown>[]>();
  for (const call of calls) {
    for (const [name, definition] of Object.entries(sectionOf(call))) byName.set(name, [...(byName.get(name) ?? []), definition]);
  }
  for (const definitions of byName.values()) {
    const signatures = new Set(definitions.map((d) => JSON.stringify(d['type'])));
    if (signatures.size < 2) continue;
    const union = new Set(definitions.flatMap((d) => (Array.isArray(d['type']) ? (d['type'] as string[]) : [d['type'] as string])));
    if (union.has('number')) union.delete('integer');
    const types = union.has('any') ? ['any'] : ['string', 'number', 'integer', 'boolean', 'object', 'array'].filter((t) => union.has(t));
    for (const definition of definitions) {
      definition['type'] = types.length === 1 ? types[0] : types;
      // Constraints of one type do not hold for the union.
      if (types.length > 1 || types[0] === 'any') for (const key of ['format', 'enum', 'properties', 'items']) delete definition[key];
    }
  }
}

/** The plan sections (`events:`, `identify:`, ...) of drafted calls, as YAML data for one plan file. */
export function draftSections(calls: readonly DraftedCall[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const events = calls.filter((c) => c.call === 'track');
  if (events.length > 0) data['events'] = Object.fromEntries(events.map((c) => [c.name, c.definition]));
  for (const call of calls) if (call.call !== 'track') data[call.call] = call.definition;
  return data;
}
