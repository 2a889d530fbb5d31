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
  /**
   * Paths (within the planned part) of the properties the plan marks `pii: true`; `*` stands for
   * every item of an array. What redaction (`--redact-pii`) and violation records act on.
   */
  piiPaths?: string[][];
}

/** Paths of the `pii: true` properties among `properties`, nested objects and array items included. */
export function collectPiiPaths(properties: readonly PiiNode[], prefix: readonly string[] = []): string[][] {
  const paths: string[][] = [];
  for (const property of properties) {
    const path = [...prefix, property.name];
    if (property.pii) {
      paths.push(path);
      continue;
    }
    if (property.properties) paths.push(...collectPiiPaths(property.properties, path));
    let items = property.items;
    let itemPath = path;
    while (items) {
      itemPath = [...itemPath, '*'];
      if (items.pii) {
        paths.push(itemPath);
        break;
      }
      if (items.properties) paths.push(...collectPiiPaths(items.properties, itemPath));
      items = items.items;
    }
  }
  return paths;
}

/** What `collectPiiPaths` reads of a property: the IR's PropertyIR, or its JSON in plan.json. */
export interface PiiNode {
  name: string;
  pii?: boolean;
  properties?: readonly PiiNode[] | undefined;
  items?: Omit<PiiNode, 'name'> & { name?: string } | undefined;
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
      ...piiOf(event.properties),
    })),
  };
}

function piiOf(properties: readonly PiiNode[]): { piiPaths?: string[][] } {
  const paths = collectPiiPaths(properties);
  return paths.length > 0 ? { piiPaths: paths } : {};
}
