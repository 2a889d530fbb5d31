import formatsModule from 'ajv-formats/dist/formats.js';

/** Thresholds of `trackplan infer` (flags of the command). */
export interface InferLimits {
  /** An enum only when a string property took at most this many distinct values... */
  enumMax: number;
  /** ...in at least this many samples (from code: when every call site passes a literal). */
  enumMinSamples: number;
  /** Objects nested deeper than this are drafted free-form. */
  maxDepth: number;
  /** An object with more distinct keys than this is drafted free-form (keys are data, not a schema). */
  maxProperties: number;
}

export const DEFAULT_INFER_LIMITS: InferLimits = { enumMax: 10, enumMinSamples: 20, maxDepth: 6, maxProperties: 200 };

/** String formats inferred when every value matches, most specific first. */
export const INFERRED_FORMATS = ['uuid', 'date-time', 'email', 'uri'] as const;

type FormatTest = (text: string) => boolean;
const fastFormats = ((formatsModule as unknown as { default?: { fastFormats: unknown } }).default ?? formatsModule) as unknown as { fastFormats: Record<string, unknown> };

/** The tests of ajv-formats' `fast` mode, the runtime validator's default: what infers a format also validates. */
const FORMAT_TESTS: [string, FormatTest][] = INFERRED_FORMATS.map((name) => {
  const format = fastFormats.fastFormats[name];
  if (format instanceof RegExp) return [name, (text: string) => format.test(text)];
  if (typeof format === 'function') return [name, format as FormatTest];
  const { validate } = format as { validate: RegExp | FormatTest };
  return [name, validate instanceof RegExp ? (text: string) => validate.test(text) : validate];
});

/** What was seen of one property (or array item) across its samples. Bounded whatever the input. */
export interface ValueStats {
  /** Samples where the property was present (null included). */
  samples: number;
  nulls: number;
  strings: number;
  integers: number;
  /** Numbers that are not whole. */
  numbers: number;
  booleans: number;
  objects: number;
  arrays: number;
  /** Values known only as "anything" (code the linter cannot evaluate). */
  unknown: number;
  /** Samples where the value may be absent (code: an optional parameter, a conditional key). */
  optional: number;
  /** Formats every string so far matched; undefined before the first string. */
  formats: string[] | undefined;
  /** Distinct string values and their counts; undefined once there were more than `enumMax`. */
  distinct: Map<string, number> | undefined;
  /** Every sample was a literal (from code: the value is written at each call site). */
  literal: boolean;
  fields: Map<string, ValueStats> | undefined;
  /** The object had more keys than `maxProperties` or was nested too deep: drafted free-form. */
  open: boolean;
  items: ValueStats | undefined;
}

export function createStats(): ValueStats {
  return {
    samples: 0, nulls: 0, strings: 0, integers: 0, numbers: 0, booleans: 0, objects: 0, arrays: 0, unknown: 0, optional: 0,
    formats: undefined, distinct: new Map(), literal: true, fields: undefined, open: false, items: undefined,
  };
}

/** Counts one JSON value (a sample from an event) into the stats. */
export function addJsonValue(stats: ValueStats, value: unknown, limits: InferLimits, depth = 0): void {
  stats.samples++;
  if (value === null) stats.nulls++;
  else if (typeof value === 'string') addString(stats, value, limits);
  else if (typeof value === 'number') {
    if (Number.isInteger(value)) stats.integers++;
    else stats.numbers++;
  } else if (typeof value === 'boolean') stats.booleans++;
  else if (Array.isArray(value)) {
    stats.arrays++;
    const items = (stats.items ??= createStats());
    for (const item of value) {
      if (depth >= limits.maxDepth) items.unknown++;
      else addJsonValue(items, item, limits, depth + 1);
    }
  } else if (typeof value === 'object') {
    stats.objects++;
    if (depth >= limits.maxDepth) stats.open = true;
    if (stats.open) return;
    const fields = (stats.fields ??= new Map());
    for (const key in value) {
      let field = fields.get(key);
      if (!field) {
        if (fields.size >= limits.maxProperties) {
          stats.open = true;
          stats.fields = undefined;
          return;
        }
        field = createStats();
        fields.set(key, field);
      }
      addJsonValue(field, (value as Record<string, unknown>)[key], limits, depth + 1);
    }
  } else stats.unknown++;
}

/** Counts a string: its formats (each checked until one value fails it) and its distinct values. */
export function addString(stats: ValueStats, value: string, limits: InferLimits): void {
  stats.strings++;
  if (stats.formats === undefined) stats.formats = FORMAT_TESTS.filter(([, test]) => test(value)).map(([name]) => name);
  else if (stats.formats.length > 0) stats.formats = stats.formats.filter((name) => FORMAT_TESTS.find(([n]) => n === name)![1](value));
  const distinct = stats.distinct;
  if (distinct === undefined) return;
  const count = distinct.get(value);
  if (count !== undefined) distinct.set(value, count + 1);
  else if (distinct.size >= limits.enumMax || value.length > 100) stats.distinct = undefined;
  else distinct.set(value, 1);
}
