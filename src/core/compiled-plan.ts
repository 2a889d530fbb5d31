import { compileDataSchema, compileEventSchema, type JsonSchema } from './compile-schema.js';
import type { CallType, PlanIR, PolicyIR } from './ir.js';

/** What the runtime needs of a plan: its identity, policy and one compiled schema per planned call. */
export interface CompiledPlan {
  id: string;
  version: string;
  policy: PolicyIR;
  events: CompiledEvent[];
}

export interface CompiledEvent {
  call: CallType;
  /** Track: the event name; other calls: the call type. */
  name: string;
  /** Page/screen: planned names (empty: any name). */
  names: string[];
  /** Identify: where traits live. */
  identitySection?: 'traits' | 'context.traits';
  status: 'active' | 'deprecated';
  /** JSON Schema (draft-07) of the whole event, as in generated/schemas. */
  schema: JsonSchema;
  /** JSON Schema of the planned part alone: `properties` or `traits`. */
  dataSchema: JsonSchema;
}

export function compileRuntimePlan(plan: PlanIR): CompiledPlan {
  return {
    id: plan.id,
    version: plan.version,
    policy: plan.policy,
    events: plan.events.map((event) => ({
      call: event.call,
      name: event.name,
      names: event.names,
      ...(event.identitySection ? { identitySection: event.identitySection } : {}),
      status: event.status,
      schema: compileEventSchema(plan, event),
      dataSchema: compileDataSchema(event),
    })),
  };
}
