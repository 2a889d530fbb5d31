import { personalDataWord } from '../rules/pii-declaration.js';
import type { InferLimits, ValueStats } from './value-stats.js';

/** What a drafted property rests on, for the report: `properties.total: 998 of 1,000 samples, number`. */
export interface PropertyReport {
  path: string;
  samples: number;
  of: number;
  type: string;
  required: boolean;
  nullable: boolean;
  /** Samples where it may be absent (code). */
  optional: number;
  format?: string;
  enumValues?: number;
}

export interface DraftContext {
  limits: InferLimits;
  /** Samples come from code: an enum needs every site to pass a literal, not many samples. */
  fromCode: boolean;
  report: PropertyReport[];
}

/** The plan types a property took, in a stable order; integers fold into number when both occur. */
export function typesOf(stats: ValueStats): string[] {
  if (stats.unknown > 0) return ['any'];
  const types: string[] = [];
  if (stats.strings > 0) types.push('string');
  if (stats.numbers > 0) types.push('number');
  else if (stats.integers > 0) types.push('integer');
  if (stats.booleans > 0) types.push('boolean');
  if (stats.objects > 0) types.push('object');
  if (stats.arrays > 0) types.push('array');
  return types.length === 0 ? ['any'] : types;
}

/**
 * The plan definition (YAML data) of one property from its samples: type (a union when the
 * samples disagree), `required` when every sample of its parent has it and none is null,
 * `nullable` when some are null, a format every string matches, an enum of few distinct values,
 * nested properties and items. `required` and `nullable` never come together (a plan rule).
 */
export function draftDefinition(name: string, path: string, stats: ValueStats, parentCount: number, context: DraftContext): Record<string, unknown> {
  const types = typesOf(stats);
  const nullable = stats.nulls > 0 && !(types.length === 1 && types[0] === 'any');
  const required = stats.samples === parentCount && stats.nulls === 0 && stats.unknown === 0 && stats.optional === 0;
  const definition: Record<string, unknown> = { type: types.length === 1 ? types[0] : types };
  if (required) definition['required'] = true;
  if (nullable) definition['nullable'] = true;
  const entry: PropertyReport = { path, samples: stats.samples, of: parentCount, type: types.join(' | '), required, nullable, optional: stats.optional };
  // Parents before their children in the report.
  context.report.push(entry);
  if (types.length === 1 && types[0] === 'string') {
    const format = stats.formats?.[0];
    const values = enumValues(stats, context);
    if (format !== undefined) {
      definition['format'] = format;
      entry.format = format;
    } else if (values) {
      definition['enum'] = values;
      entry.enumValues = values.length;
    }
  }
  if (types.length === 1 && types[0] === 'object' && stats.fields && !stats.open && stats.fields.size > 0) {
    definition['properties'] = draftProperties(path, stats.fields, stats.objects, context);
  }
  if (types.length === 1 && types[0] === 'array' && stats.items && stats.items.samples > 0) {
    const items = draftDefinition('', `${path}[]`, stats.items, stats.items.samples, { ...context, report: [] });
    delete items['required'];
    definition['items'] = items;
  }
  if (!types.every((t) => t === 'boolean') && personalDataWord(name) !== undefined) definition['pii'] = true;
  return definition;
}

/** The definitions of an object's fields, sorted by name for a stable file. */
export function draftProperties(path: string, fields: ReadonlyMap<string, ValueStats>, count: number, context: DraftContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of [...fields.keys()].sort()) {
    out[name] = draftDefinition(name, path === '' ? name : `${path}.${name}`, fields.get(name)!, count, context);
  }
  return out;
}

function enumValues(stats: ValueStats, context: DraftContext): string[] | undefined {
  const distinct = stats.distinct;
  if (!distinct || distinct.size === 0 || distinct.size > context.limits.enumMax) return undefined;
  if (context.fromCode ? !stats.literal : stats.strings < context.limits.enumMinSamples) return undefined;
  const values = [...distinct.keys()].sort();
  // The enum-values plan rule refuses blanks and values that differ only in case or spacing.
  const folded = new Set(values.map((v) => v.toLowerCase().replace(/\s+/g, ' ').trim()));
  if (folded.size !== values.length || values.some((v) => v.trim() === '')) return undefined;
  return values;
}
