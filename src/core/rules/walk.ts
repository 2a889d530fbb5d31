import type { EventIR, PlanIR, PropertyIR } from '../ir.js';

/** What a type, a library property, an event property and a nested property have in common. */
export type Definition = Omit<PropertyIR, 'required' | 'fromLibrary'>;

export type SiteKind = 'type' | 'library' | 'property' | 'nested' | 'items';

/** A place in the plan that defines a property shape, with what it builds on. */
export interface DefinitionSite {
  definition: Definition;
  kind: SiteKind;
  /** `types.email`, `properties.email`, `events.Order Completed.properties.total.items`, ... */
  path: string;
  /** The planned call the property belongs to (none for types and the library). */
  event: EventIR | undefined;
  /** `required` of event properties and nested properties; undefined elsewhere. */
  required: boolean | undefined;
  /** The object or array property this one is nested in. */
  parent: DefinitionSite | undefined;
  /** Custom types this definition is built from. */
  types: Definition[];
  /** The library property an event property takes its definition from, if any. */
  library: Definition | undefined;
  /**
   * True when `key` has the value the custom type or library property gave it, so a rule about
   * that value reports once, where it is written, not at every use.
   */
  inherits(key: keyof Definition): boolean;
}

export function eventPath(event: EventIR): string {
  return event.call === 'track' ? `events.${event.name}` : event.call;
}

export function propertiesKey(event: EventIR): 'properties' | 'traits' {
  return event.call === 'identify' || event.call === 'group' ? 'traits' : 'properties';
}

/** `events.form_submit.properties` or `identify.traits`. */
export function propertiesPath(event: EventIR): string {
  return `${eventPath(event)}.${propertiesKey(event)}`;
}

/** Visits every definition site of the plan: types, the library, then every call's properties, depth first. */
export function walkDefinitions(plan: PlanIR, visit: (site: DefinitionSite) => void): void {
  const types = new Map<string, Definition>(plan.types.map((t) => [t.name, t]));
  const library = new Map<string, Definition>(plan.library.map((p) => [p.name, p]));

  const walk = (
    definition: Definition, kind: SiteKind, path: string, event: EventIR | undefined,
    required: boolean | undefined, libraryBase: Definition | undefined, parent?: DefinitionSite,
  ) => {
    const bases = definition.typeNames.flatMap((name) => types.get(name) ?? []);
    const all = libraryBase ? [libraryBase, ...bases] : bases;
    const inherits = (key: keyof Definition) =>
      definition[key] !== undefined && all.some((base) => sameValue(base[key], definition[key]));
    const site: DefinitionSite = { definition, kind, path, event, required, parent, types: bases, library: libraryBase, inherits };
    visit(site);
    if (definition.properties && !inherits('properties')) {
      for (const child of definition.properties) walk(child, 'nested', `${path}.properties.${child.name}`, event, child.required, undefined, site);
    }
    if (definition.items && !inherits('items')) walk(definition.items, 'items', `${path}.items`, event, undefined, undefined, site);
  };

  for (const type of plan.types) walk(type, 'type', `types.${type.name}`, undefined, undefined, undefined);
  for (const property of plan.library) walk(property, 'library', `properties.${property.name}`, undefined, undefined, undefined);
  for (const event of plan.events) {
    for (const property of event.properties) {
      const base = property.fromLibrary ? library.get(property.name) : undefined;
      walk(property, 'property', `${propertiesPath(event)}.${property.name}`, event, property.required, base);
    }
  }
}

/** Structural equality of IR values, ignoring source locations (a copied value keeps its first location). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, dropLocations) === JSON.stringify(b, dropLocations);
}

function dropLocations(key: string, value: unknown): unknown {
  return key === 'location' ? undefined : value;
}
