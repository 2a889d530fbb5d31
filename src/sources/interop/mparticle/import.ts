import { formatLocation } from '../../../core/location.js';
import { InteropInputError } from '../errors.js';
import { parseJsonInput } from '../json-input.js';
import { createSchemaContext, flushUnknownKeys, type SchemaContext } from '../json-schema/context.js';
import { convertDefinition } from '../json-schema/to-definition.js';
import { layOutPlan, type EventDraft } from '../plan-draft.js';
import type { ImportFormat, ImportResult, InputFile } from '../types.js';
import { WarningSink } from '../warnings.js';
import { CUSTOM_EVENT_TYPE_TAG } from './export.js';
import { readMparticleDocument } from './read-document.js';
import { refuseOtherFormat } from '../sniff.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Point types the plan has no place for, and why. */
const NOT_CARRIED: Record<string, string> = {
  user_identities: 'identity types (email, customerid, ...) are not traits',
  product_action: 'the plan has no commerce events',
  promotion_action: 'the plan has no commerce events',
  product_impression: 'the plan has no commerce events',
};

interface Attributes {
  properties?: Json;
  additional_properties: boolean;
}

/** Importer state for one data plan version. */
class PointReader {
  readonly events: Record<string, EventDraft> = {};
  readonly firstAt = new Map<string, string>();
  screen: (EventDraft & { names: string[] }) | undefined;
  screenShape: string | undefined;
  identify: EventDraft | undefined;

  constructor(readonly ctx: SchemaContext, readonly sink: WarningSink) {}

  read(point: unknown, pointer: string): void {
    const match = isObject(point) && isObject(point['match']) ? point['match'] : undefined;
    const type = match?.['type'];
    const criteria = isObject(match?.['criteria']) ? match['criteria'] : {};
    if (!isObject(point) || typeof type !== 'string') return this.skip(`${pointer}/match`, 'this data point', 'it has no match type');
    const transformations = point['active_transformation_ids'];
    if (Array.isArray(transformations) && transformations.length > 0) {
      this.sink.warn('lostField', this.ctx.locate(`${pointer}/active_transformation_ids`), { pointer: `${pointer}/active_transformation_ids`, what: 'the active transformations', target: 'the plan' });
    }
    const description = typeof point['description'] === 'string' && point['description'] !== '' ? { description: point['description'] } : {};
    if (type === 'custom_event') return this.readEvent(point, criteria, pointer, description);
    if (type === 'screen_view') return this.readScreen(point, criteria, pointer);
    if (type === 'user_attributes') {
      if (this.identify) return this.duplicate(pointer, 'user attributes point', 'user_attributes', 'identify');
      this.firstAt.set('identify', pointer);
      const def = this.convert(point, `${pointer}/validator/definition`, (v) => v['definition']);
      this.identify = { ...description, ...(def.properties ? { traits: def.properties } : {}), additional_properties: def.additional_properties };
      return;
    }
    this.skip(`${pointer}/match/type`, `the ${type} data point`, NOT_CARRIED[type] ?? 'the plan has no such kind of call');
  }

  private readEvent(point: Json, criteria: Json, pointer: string, description: Json): void {
    const name = criteria['event_name'];
    if (typeof name !== 'string' || name.trim() === '') return this.skip(`${pointer}/match/criteria`, 'this custom event', 'it has no event_name');
    this.reportCriteria(criteria, pointer, ['event_name', 'custom_event_type']);
    if (this.events[name]) return this.duplicate(pointer, 'event', name, name);
    this.firstAt.set(name, pointer);
    const eventType = criteria['custom_event_type'];
    const attributes = this.attributes(point, pointer);
    this.events[name] = {
      ...description,
      ...(typeof eventType === 'string' ? { tags: [`${CUSTOM_EVENT_TYPE_TAG}${eventType}`] } : {}),
      ...(attributes.properties ? { properties: attributes.properties } : {}),
      additional_properties: attributes.additional_properties,
    };
  }

  private readScreen(point: Json, criteria: Json, pointer: string): void {
    const name = criteria['screen_name'];
    if (typeof name !== 'string' || name.trim() === '') return this.skip(`${pointer}/match/criteria`, 'this screen view', 'it has no screen_name');
    this.reportCriteria(criteria, pointer, ['screen_name']);
    const attributes = this.attributes(point, pointer);
    const shape = JSON.stringify(attributes);
    if (!this.screen) {
      this.screen = { names: [name], ...(attributes.properties ? { properties: attributes.properties } : {}), additional_properties: attributes.additional_properties };
      this.screenShape = shape;
      this.firstAt.set('screen', pointer);
      return;
    }
    if (this.screen.names.includes(name)) return this.duplicate(pointer, 'screen view', name, 'screen');
    this.screen.names.push(name);
    if (shape !== this.screenShape && this.screenShape !== 'loose') {
      // One `screen` section holds one set of properties: differing screens keep the loose form.
      this.sink.warn('lostField', this.ctx.locate(`${pointer}/validator`), { pointer: `${pointer}/validator`, what: `the attributes of screen "${name}" (they differ from those of the first screen view)`, target: 'the plan (one screen definition for all names)' });
      delete this.screen['properties'];
      this.screen['additional_properties'] = true;
      this.screenShape = 'loose';
    }
  }

  /** The custom attributes of an event point: `validator.definition.properties.data.properties.custom_attributes`. */
  private attributes(point: Json, pointer: string): Attributes {
    const dataPointer = `${pointer}/validator/definition/properties/data`;
    const data = pick(point, ['validator', 'definition', 'properties', 'data']);
    if (!isObject(data)) return { additional_properties: true };
    const fields = isObject(data['properties']) ? data['properties'] : {};
    for (const key of Object.keys(fields)) {
      if (key !== 'custom_attributes') this.sink.warn('lostField', this.ctx.locate(`${dataPointer}/properties/${key}`), { pointer: `${dataPointer}/properties/${key}`, what: `the rule on data.${key}`, target: 'the plan (it plans custom attributes only)' });
    }
    if (!('custom_attributes' in fields)) return { additional_properties: data['additionalProperties'] !== false };
    return this.convert(point, `${dataPointer}/properties/custom_attributes`, () => fields['custom_attributes']);
  }

  private convert(point: Json, pointer: string, get: (validator: Json) => unknown): Attributes {
    const validator = point['validator'];
    if (!isObject(validator)) return { additional_properties: true };
    const schema = get(validator);
    // mParticle attributes are always an object: a schema without `type` means an object schema.
    const typed = isObject(schema) && schema['type'] === undefined ? { ...schema, type: 'object' } : schema;
    const def = convertDefinition(typed, pointer, this.ctx);
    return { ...(isObject(def['properties']) ? { properties: def['properties'] } : {}), additional_properties: def['additional_properties'] !== false };
  }

  private reportCriteria(criteria: Json, pointer: string, known: string[]): void {
    for (const key of Object.keys(criteria)) {
      if (known.includes(key)) continue;
      const at = `${pointer}/match/criteria/${key}`;
      this.sink.warn('lostField', this.ctx.locate(at), { pointer: at, what: `the match criterion ${key}`, target: 'the plan (events are matched by name only)' });
    }
  }

  private duplicate(pointer: string, kind: string, name: string, key: string): void {
    const first = formatLocation(this.ctx.locate(this.firstAt.get(key) ?? ''));
    this.sink.warn('duplicateName', this.ctx.locate(`${pointer}/match`), { pointer: `${pointer}/match`, kind, name, other: first });
  }

  private skip(pointer: string, what: string, reason: string): void {
    this.sink.warn('skipped', this.ctx.locate(pointer), { pointer, what, reason });
  }
}

function pick(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), value);
}

/** mParticle: custom events -> track events, screen views -> `screen`, user attributes -> identify traits. */
export function importMparticle(files: readonly InputFile[]): ImportResult {
  if (files.length !== 1) throw new InteropInputError(files[1]?.path ?? '<input>', `mParticle import reads one data plan file, found ${files.length} files`);
  const input = parseJsonInput(files[0]!);
  refuseOtherFormat(input.data, input.file, 'mparticle');
  const sink = new WarningSink();
  const version = readMparticleDocument(input, sink);
  const ctx = createSchemaContext(input, sink);
  const reader = new PointReader(ctx, sink);
  version.points.forEach((point, i) => reader.read(point, `${version.pointer}/${i}`));
  flushUnknownKeys(ctx);
  const environment = version.document['activated_environment'];
  if (typeof environment === 'string' && environment !== 'none') {
    sink.warn('lostField', ctx.locate(`${version.versionPointer}/activated_environment`), { pointer: `${version.versionPointer}/activated_environment`, what: `the activation in ${environment}`, target: 'the plan' });
  }
  const transformations = pick(version.document, ['version_document', 'transformations']);
  if (Array.isArray(transformations) && transformations.length > 0) {
    sink.warn('lostField', ctx.locate(`${version.versionPointer}/version_document/transformations`), { pointer: `${version.versionPointer}/version_document/transformations`, what: 'the transformations', target: 'the plan' });
  }
  const documents = layOutPlan({
    id: version.id, name: version.name, version: version.version,
    ...(version.description ? { description: version.description } : {}),
    events: new Map([['', reader.events]]),
    calls: { ...(reader.identify ? { identify: reader.identify } : {}), ...(reader.screen ? { screen: reader.screen } : {}) },
  });
  return { documents, diagnostics: sink.diagnostics };
}

/** `trackplan import mparticle`: a data plan or data plan version document. */
export const importFormat: ImportFormat = {
  name: 'mparticle',
  summary: 'mParticle data plan or data plan version document',
  importPlan: importMparticle,
};
