import { compileDataSchema, compileEventSchema, type JsonSchema } from './compile-schema.js';
import type { CallType, PlanIR, PolicyIR } from './ir.js';

/** What the runtime needs of a plan: its identity, policy and one compiled schema per planned call. */
export interface CompiledPlan {
  /** The plan id. */
  id: string;
  /** The plan version. */
  version: string;
  /** The runtime policy. */
  policy: PolicyIR;
  /** Every planned call. */
  events: CompiledEvent[];
}

/** One planned call as the runtime validator reads it: its name and its JSON Schema. */
export interface CompiledEvent {
  /** The call type. */
  call: CallType;
  /** Track: the event name; other calls: the call type. */
  name: string;
  /** Page/screen: planned names (empty: any name). */
  names: string[];
  /** Identify: where traits live. */
  identitySection?: 'traits' | 'context.traits';
  /** Active or deprecated. */
  status: 'active' | 'deprecated';
  /** JSON Schema (draft-07) of the whole event, as in generated/schemas. */
  schema: JsonSchema;
  /** JSON Schema of the planned part alone: `properties` or `traits`. */
  dataSchema: JsonSchema;
}

/** The part of a plan the runtime validator needs: ids, policy and one JSON Schema per call. */
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
