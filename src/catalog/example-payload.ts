import RandExpModule from 'randexp';
import type { JsonSchema } from '../core/compile-schema.js';
import { fnv1a } from '../core/file-names.js';
import type { EventIR } from '../core/ir.js';

type RandExpClass = typeof import('randexp').default;
// randexp is CommonJS; under ESM interop its class may arrive wrapped in `default`.
const RandExp = ((RandExpModule as unknown as { default?: RandExpClass }).default ?? RandExpModule) as RandExpClass;

/** Sample values per string format: realistic, and valid under ajv-formats' full checks. */
const FORMAT_SAMPLES: Record<string, string> = {
  email: 'jane.doe@example.com',
  'idn-email': 'jane.doe@example.com',
  uri: 'https://www.example.com/pricing/',
  'uri-reference': '/pricing/',
  iri: 'https://www.example.com/',
  'iri-reference': '/pricing/',
  url: 'https://www.example.com/',
  'date-time': '2024-05-14T09:12:03.120Z',
  date: '2024-05-14',
  time: '09:12:03Z',
  duration: 'P3D',
  uuid: '3b241101-e2bb-4255-8caf-4136c566a962',
  ipv4: '192.0.2.10',
  ipv6: '2001:db8::10',
  hostname: 'www.example.com',
  'idn-hostname': 'www.example.com',
  regex: '^[a-z]+$',
  'json-pointer': '/properties/email',
  'relative-json-pointer': '0/email',
};

/** A seeded generator (mulberry32): the same plan always gets the same examples. */
function seeded(seed: string): (a: number, b: number) => number {
  let state = Number.parseInt(fnv1a(seed), 16);
  return (a, b) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return a + Math.floor(unit * (b - a + 1));
  };
}

function sampleString(schema: JsonSchema, path: string): string {
  const pattern = schema['pattern'];
  if (typeof pattern === 'string') {
    const generator = new RandExp(pattern);
    generator.max = 3;
    generator.randInt = seeded(path);
    // Printable ASCII letters and digits read better than the default's punctuation.
    generator.defaultRange.subtract(32, 126).add(48, 57).add(97, 122);
    return generator.gen();
  }
  const format = schema['format'];
  let text = typeof format === 'string' && FORMAT_SAMPLES[format] !== undefined ? FORMAT_SAMPLES[format] : `example ${path.split('.').pop()!.replace(/_/g, ' ')}`;
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity;
  if (text.length > max) text = text.slice(0, max);
  while (text.length < min) text += 'x';
  return text;
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const min = typeof schema['minimum'] === 'number' ? schema['minimum'] : undefined;
  const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : undefined;
  let value = integer ? 42 : 19.99;
  if (min !== undefined && value < min) value = integer ? Math.ceil(min) : min;
  if (max !== undefined && value > max) value = integer ? Math.floor(max) : max;
  return value;
}

/**
 * A value that the schema accepts, built from its keywords: `const`, the first `enum` value (not
 * null when there is another), the first non-null type or `anyOf` branch, bounds, formats and
 * patterns (with randexp). With `requiredOnly`, objects carry their required properties only.
 */
export function sampleValue(schema: JsonSchema, path: string, requiredOnly = false): unknown {
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).find((v) => v !== null) ?? schema['enum'][0];
  if (Array.isArray(schema['anyOf'])) {
    const branches = schema['anyOf'] as JsonSchema[];
    return sampleValue(branches.find((b) => b['type'] !== 'null') ?? branches[0]!, path, requiredOnly);
  }
  const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : typeof schema['type'] === 'string' ? [schema['type']] : [];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'string': return sampleString(schema, path);
    case 'integer': return sampleNumber(schema, true);
    case 'number': return sampleNumber(schema, false);
    case 'boolean': return true;
    case 'null': return null;
    case 'array': return schema['items'] ? [sampleValue(schema['items'] as JsonSchema, `${path}[]`, requiredOnly)] : [];
    case 'object': return sampleObject(schema, path, requiredOnly);
    default: return sampleString({}, path);
  }
}

function sampleObject(schema: JsonSchema, path: string, requiredOnly: boolean): Record<string, unknown> {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
  const out: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(properties)) {
    if (requiredOnly && !required.has(name)) continue;
    out[name] = sampleValue(child, path === '' ? name : `${path}.${name}`, requiredOnly);
  }
  return out;
}

/** An example of the whole call as an SDK sends it: `type`, the ids the call needs, then what the schema plans. */
export function sampleEvent(event: EventIR, schema: JsonSchema, requiredOnly = false): Record<string, unknown> {
  const ids: Record<string, unknown> = { type: event.call };
  if (event.call === 'identify') ids['userId'] = 'user-1234';
  else ids['anonymousId'] = 'a3f1c0de-5b7e-4c55-9f3a-2d1e8b6c7a90';
  if (event.call === 'group') ids['groupId'] = 'account-42';
  return { ...ids, ...sampleObject(schema, '', requiredOnly) };
}
