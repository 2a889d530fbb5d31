import { createDiagnostic, type Diagnostic } from '../../../core/diagnostics.js';
import type { EventIR, PlanIR, PropertyIR, TypeIR } from '../../../core/ir.js';
import { EXPORT_LOSSES } from '../export-losses.js';

type Item = Record<string, unknown>;

/**
 * The property catalog of an export: one catalog property per distinct (name, definition), so
 * a rule reference means exactly the definition the event had; ids are the slugged name, with a
 * number when two definitions share a name. Custom types that are not objects become
 * custom-types; everything else is inlined.
 */
export class PropertyCatalog {
  readonly properties: Item[] = [];
  readonly types: Item[] = [];
  private readonly ids = new Map<string, string>();
  private readonly typeIds = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(private readonly plan: PlanIR, private readonly diagnostics: Diagnostic[]) {}

  /** The rule property references of an event's properties (nested objects as nested references). */
  references(properties: readonly PropertyIR[], event: EventIR, path: string): Item[] {
    return properties.map((property) => {
      const here = path === '' ? property.name : `${path}.${property.name}`;
      const nested = property.type.includes('object') && property.properties && property.properties.length > 0;
      if (property.type.includes('object') && !property.additionalProperties) this.lose(property, event, here, 'additional_properties');
      const id = this.propertyId(property, event, here);
      return {
        property: `#property:${id}`,
        required: property.required,
        ...(nested ? { properties: this.references(property.properties!, event, here) } : {}),
      };
    });
  }

  private propertyId(property: PropertyIR, event: EventIR, path: string): string {
    const item = this.describe(property, event, path);
    const key = JSON.stringify(item);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const base = slugId(property.name) || 'property';
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    this.ids.set(key, id);
    this.properties.push({ id, ...item });
    return id;
  }

  /** A catalog property (without id) holding a property's own definition. */
  private describe(property: PropertyIR, event: EventIR, path: string): Item {
    const typeName = property.typeNames[0];
    const type = typeName === undefined ? undefined : this.plan.types.find((t) => t.name === typeName);
    const description = property.description !== undefined ? { description: property.description } : {};
    if (type && !type.type.includes('object') && sameConstraints(property, type)) {
      return { name: property.name, ...description, type: `#custom-type:${this.typeId(type, event, path)}` };
    }
    return { name: property.name, ...description, ...this.typeFields(property, event, path) };
  }

  private typeFields(property: Omit<PropertyIR, 'name' | 'required' | 'fromLibrary' | 'location'> & { location: PropertyIR['location'] }, event: EventIR, path: string): Item {
    const types: string[] = property.type.includes('any') ? [] : [...property.type, ...(property.nullable ? ['null'] : [])];
    const out: Item = types.length === 0 ? {} : types.length === 1 ? { type: types[0] } : { types };
    if (property.items) {
      const items = property.items;
      const itemTypes = items.type.includes('any') ? [] : [...items.type, ...(items.nullable ? ['null'] : [])];
      if (itemTypes.length === 1) out['item_type'] = itemTypes[0];
      else if (itemTypes.length > 1) out['item_types'] = itemTypes;
      const constrained = ['enum', 'pattern', 'format', 'minimum', 'maximum', 'minLength', 'maxLength'].some((k) => items[k as keyof PropertyIR] !== undefined) || (items.properties?.length ?? 0) > 0 || items.typeNames.length > 0;
      if (constrained) this.lose(property as PropertyIR, event, `${path}[]`, 'items');
    }
    const config: Item = {};
    for (const [key, target] of [['enum', 'enum'], ['minimum', 'minimum'], ['maximum', 'maximum'], ['minLength', 'min_length'], ['maxLength', 'max_length'], ['pattern', 'pattern'], ['format', 'format']] as const) {
      if (property[key] !== undefined) config[target] = property[key];
    }
    if (Object.keys(config).length > 0) out['config'] = config;
    return out;
  }

  private typeId(type: TypeIR, event: EventIR, path: string): string {
    const known = this.typeIds.get(type.name);
    if (known !== undefined) return known;
    const id = slugId(type.name) || 'type';
    this.typeIds.set(type.name, id);
    this.types.push({ id, name: type.name, ...(type.description !== undefined ? { description: type.description } : {}), ...this.typeFields(type, event, path) });
    return id;
  }

  private lose(property: PropertyIR, event: EventIR, path: string, field: string): void {
    const label = event.call === 'track' ? `event "${event.name}"` : `the ${event.call} call`;
    this.diagnostics.push(createDiagnostic(EXPORT_LOSSES, 'lostPropertyField', property.location, { target: 'RudderStack', field, event: label, call: event.call, name: event.name, path }, { severity: 'warning' }));
  }
}

/** A property resolved from a custom type equals the type when it overrides no constraint. */
function sameConstraints(property: PropertyIR, type: TypeIR): boolean {
  const keys = ['type', 'nullable', 'enum', 'pattern', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'items', 'properties'] as const;
  return keys.every((key) => JSON.stringify(property[key]) === JSON.stringify(type[key]));
}

/** RudderStack ids: lower-case letters, digits and underscores. */
export function slugId(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}
