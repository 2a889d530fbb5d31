import RandExpModule from 'randexp';

// randexp is CommonJS: under ESM interop its class may arrive wrapped in `default`.
const RandExp = ((RandExpModule as unknown as { default?: unknown }).default ?? RandExpModule) as new (pattern: string) => { gen(): string; randInt: (a: number, b: number) => number };

type Schema = Record<string, unknown>;

/** One generated value of an event's data object, and the constraint it is meant to break. */
export interface TableRow {
  /** `valid (minimal)`, `valid (full)`, or `<keyword> at <path>`. */
  label: string;
  /** The keyword the row breaks (undefined for valid rows). */
  keyword?: string;
  data: unknown;
}

const SAMPLE_FORMATS: Record<string, string> = {
  'date-time': '2024-05-01T10:00:00Z', date: '2024-05-01', time: '10:00:00Z', email: 'ada@example.com',
  uri: 'https://example.com/a', 'uri-reference': '/a', uuid: '123e4567-e89b-12d3-a456-426614174000',
  ipv4: '10.0.0.1', ipv6: '::1', hostname: 'example.com', 'idn-email': 'ada@example.com', regex: 'a+',
};
const OTHER_VALUES: unknown[] = ['a string', 12345.5, 7, true, null, { nested: 1 }, [1]];

/**
 * A table of data objects for one event schema: valid ones (only the required members, and every
 * member), then, for every constraint anywhere in the schema, one that breaks that constraint
 * alone. `$ref`s inside `root` are followed (to a bounded depth, so cycles end).
 */
export function generateTable(source: unknown, root: unknown): TableRow[] {
  // An event's data is an object whatever its schema says (a data slot of `{}` means any object).
  const schema = isSchema(source) && source['type'] === undefined && source['$ref'] === undefined ? { ...source, type: 'object' } : source === true ? { type: 'object' } : source;
  const gen = new Generator(root);
  const full = gen.valid(schema, true, 0);
  const rows: TableRow[] = [
    { label: 'valid (minimal)', data: gen.valid(schema, false, 0) },
    { label: 'valid (full)', data: full },
  ];
  const assumed = schema !== source;
  gen.mutate(schema, full, [], (path, keyword, value) => {
    // A data slot without a type still holds an object: SDKs never send anything else there.
    if (assumed && path.length === 0 && keyword === 'type') return;
    rows.push({ label: `${keyword} at /${path.join('/')}`, keyword, data: replaceAt(full, path, value) });
  }, 0);
  return rows;
}

const REMOVE = Symbol('remove');

class Generator {
  constructor(private readonly root: unknown) {}

  resolve(schema: unknown, depth: number): Schema | boolean {
    let current = schema;
    for (let hops = 0; isSchema(current) && typeof current['$ref'] === 'string' && hops < 8; hops++) {
      const ref = current['$ref'];
      if (!ref.startsWith('#') || depth > 6) return true;
      current = ref.slice(1).split('/').slice(1).reduce<unknown>((node, part) => (isSchema(node) ? node[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), this.root);
    }
    return isSchema(current) ? current : current !== false;
  }

  valid(input: unknown, full: boolean, depth: number): unknown {
    const schema = this.resolve(input, depth);
    if (!isSchema(schema)) return 'any value';
    if ('const' in schema) return schema['const'];
    if (Array.isArray(schema['enum'])) return schema['enum'].find((v) => v !== null) ?? schema['enum'][0];
    for (const key of ['anyOf', 'oneOf']) if (Array.isArray(schema[key])) return this.valid((schema[key] as unknown[])[0], full, depth + 1);
    const type = typesOf(schema).find((t) => t !== 'null') ?? (typesOf(schema).includes('null') ? 'null' : schema['properties'] ? 'object' : 'string');
    switch (type) {
      case 'string': return validString(schema);
      case 'integer': case 'number': return validNumber(schema, type);
      case 'boolean': return true;
      case 'null': return null;
      case 'array': {
        const count = Math.max(typeof schema['minItems'] === 'number' ? schema['minItems'] : 0, full ? 1 : 0);
        return Array.from({ length: count }, () => this.valid(schema['items'] ?? {}, full, depth + 1));
      }
      default: {
        const props = isSchema(schema['properties']) ? schema['properties'] : {};
        const required = new Set(Array.isArray(schema['required']) ? schema['required'] : []);
        const out: Record<string, unknown> = {};
        // Optional members stop at depth 4, so a recursive schema ends.
        for (const [name, child] of Object.entries(props)) if ((full && depth < 4) || required.has(name)) out[name] = this.valid(child, full, depth + 1);
        for (const name of required) if (typeof name === 'string' && !(name in out)) out[name] = 'present';
        return out;
      }
    }
  }

  /** Calls `emit` once per constraint with a value at `path` that breaks it (or REMOVE). */
  mutate(input: unknown, value: unknown, path: (string | number)[], emit: (path: (string | number)[], keyword: string, value: unknown) => void, depth: number): void {
    const schema = this.resolve(input, depth);
    if (!isSchema(schema) || depth > 6) return;
    const types = typesOf(schema);
    if (types.length > 0) {
      const wrong = OTHER_VALUES.find((v) => !types.some((t) => matchesType(v, t)));
      if (wrong !== undefined) emit(path, 'type', wrong);
    }
    if (Array.isArray(schema['enum']) || 'const' in schema) emit(path, 'enum', types.includes('number') || types.includes('integer') ? 987654 : 'not-in-the-enum');
    if (typeof schema['pattern'] === 'string') emit(path, 'pattern', '\u0000!');
    if (typeof schema['format'] === 'string' && schema['format'] in SAMPLE_FORMATS) emit(path, 'format', 'not a valid value');
    if (typeof schema['minLength'] === 'number' && schema['minLength'] > 0) emit(path, 'minLength', fitPattern(schema, schema['minLength'] - 1));
    if (typeof schema['maxLength'] === 'number') emit(path, 'maxLength', fitPattern(schema, schema['maxLength'] + 1));
    for (const [key, delta] of [['minimum', -1], ['maximum', 1], ['exclusiveMinimum', 0], ['exclusiveMaximum', 0]] as const) {
      if (typeof schema[key] === 'number') emit(path, key, (schema[key] as number) + delta);
    }
    if (typeof schema['multipleOf'] === 'number') emit(path, 'multipleOf', (schema['multipleOf'] as number) * 1.5 + (typeof schema['minimum'] === 'number' ? schema['minimum'] : 0));
    if (isSchema(value) && (types.includes('object') || (types.length === 0 && isSchema(schema['properties'])))) {
      const props = isSchema(schema['properties']) ? schema['properties'] : {};
      for (const name of Array.isArray(schema['required']) ? schema['required'] : []) emit([...path, name as string], 'required', REMOVE);
      if (schema['additionalProperties'] === false || isSchema(schema['additionalProperties'])) emit([...path, 'unplanned_extra'], 'additionalProperties', { nested: 1 });
      for (const [name, child] of Object.entries(props)) {
        if (name in value) this.mutate(child, value[name], [...path, name], emit, depth + 1);
      }
    }
    // The full valid value has one item in every array: break each constraint of that item.
    if (Array.isArray(value) && value.length > 0 && schema['items'] !== undefined && !Array.isArray(schema['items'])) {
      this.mutate(schema['items'], value[0], [...path, 0], emit, depth + 1);
    }
    if (typeof schema['minItems'] === 'number' && schema['minItems'] > 0) emit(path, 'minItems', []);
    if (typeof schema['maxItems'] === 'number') emit(path, 'maxItems', Array.from({ length: schema['maxItems'] + 1 }, (_, i) => (Array.isArray(value) && value.length > 0 ? value[0] : i)));
    if (schema['uniqueItems'] === true && Array.isArray(value) && value.length > 0) emit(path, 'uniqueItems', [value[0], value[0]]);
  }
}

function validString(schema: Schema): string {
  const format = typeof schema['format'] === 'string' ? SAMPLE_FORMATS[schema['format']] : undefined;
  if (format !== undefined) return format;
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity;
  if (typeof schema['pattern'] === 'string') {
    const gen = new RandExp(schema['pattern']);
    gen.randInt = (a: number) => a; // the shortest choice: deterministic
    for (let i = 0; i < 20; i++) {
      const text = gen.gen();
      if (text.length >= min && text.length <= max) return text;
    }
  }
  return 'a'.repeat(Math.min(Math.max(min, 1), max));
}

/** A string of the given length that still matches the pattern when it can (so only the length is wrong). */
function fitPattern(schema: Schema, length: number): string {
  const base = validString({ ...schema, minLength: undefined, maxLength: undefined });
  return base.length >= length ? base.slice(0, length) : base + base.slice(-1).repeat(length - base.length);
}

function validNumber(schema: Schema, type: 'integer' | 'number'): number {
  let low = typeof schema['minimum'] === 'number' ? schema['minimum'] : typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] + 1 : 0;
  if (schema['exclusiveMinimum'] === true) low += 1;
  const step = typeof schema['multipleOf'] === 'number' ? schema['multipleOf'] : 1;
  let value = Math.ceil(low / step) * step;
  if (type === 'integer') value = Math.ceil(value);
  const high = typeof schema['maximum'] === 'number' ? schema['maximum'] : Infinity;
  return Math.min(value, high);
}

function typesOf(schema: Schema): string[] {
  const type = schema['type'];
  return typeof type === 'string' ? [type] : Array.isArray(type) ? (type as string[]) : [];
}

function matchesType(value: unknown, type: string): boolean {
  if (type === 'null') return value === null;
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isSchema(value);
  return typeof value === type;
}

function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value === REMOVE ? undefined : value;
  const copy: Record<string | number, unknown> = Array.isArray(root) ? ([...root] as unknown as Record<number, unknown>) : { ...(root as Record<string, unknown>) };
  const [head, ...rest] = path;
  if (rest.length === 0 && value === REMOVE) delete copy[head!];
  else copy[head!] = replaceAt(copy[head!], rest, value);
  return copy;
}

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
