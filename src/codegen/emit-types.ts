import { compile, type Options } from 'json-schema-to-typescript';
import type { JsonSchema } from '../core/compile-schema.js';
import { indentDeclarations, splitDeclarations } from './ts-text.js';

export interface TypeRequest {
  /** The exported name of the type. */
  name: string;
  /** Its JSON Schema (`typeSchemaOf`); undefined for an event that plans no data at all. */
  schema: JsonSchema | undefined;
  /** JSDoc of the type when it has no schema. */
  description: string;
  deprecated: boolean;
}

// Formatting off: prettier costs many times the generation itself, and the output is stable either way.
const OPTIONS: Partial<Options> = {
  bannerComment: '',
  format: false,
  unknownAny: true,
  strictIndexSignatures: false,
  declareExternallyReferenced: true,
  unreachableDefinitions: false,
};

const ROOT = 'TrackplanRoot';
const placeholder = (i: number) => `TrackplanType${i}`;

/**
 * TypeScript declarations of the given types, in the same order, with json-schema-to-typescript.
 * All schemas go through one compile, as titled properties of one root schema (a compile per
 * schema, or `$ref`s to definitions, cost about twice as much); each gets a placeholder name that
 * is swapped for the real one, since json-schema-to-typescript strips letters outside ASCII from
 * names (`注文完了Properties`).
 */
export async function emitTypes(requests: readonly TypeRequest[]): Promise<string[]> {
  const properties: Record<string, JsonSchema> = {};
  requests.forEach((request, i) => {
    if (request.schema) properties[placeholder(i)] = { ...request.schema, title: placeholder(i) };
  });
  const printed = new Map<string, string>();
  if (Object.keys(properties).length > 0) {
    const root = { type: 'object', properties, additionalProperties: false };
    const code = await compile(root as Parameters<typeof compile>[0], ROOT, OPTIONS);
    for (const declaration of splitDeclarations(code)) printed.set(declaration.name, declaration.text);
  }
  return requests.map((request, i) => {
    if (!request.schema) return emptyType(request);
    const text = printed.get(placeholder(i));
    if (text === undefined) throw new Error(`internal error: json-schema-to-typescript printed no ${placeholder(i)}`);
    const renamed = text.replace(new RegExp(`^export interface ${placeholder(i)} `, 'm'), `export interface ${request.name} `);
    return indentDeclarations(renamed);
  });
}

/** `Record<string, never>`, not `{}`: an empty interface would accept any object. */
function emptyType(request: TypeRequest): string {
  const doc = [request.description, ...(request.deprecated ? ['@deprecated'] : [])];
  return `${jsDoc(doc)}\nexport type ${request.name} = Record<string, never>;`;
}

/** A JSDoc block; `*\/` inside the text cannot end it early. */
export function jsDoc(lines: readonly string[], indent = ''): string {
  const body = lines.flatMap((l) => l.split('\n')).map((l) => `${indent} *${l === '' ? '' : ` ${l.replace(/\*\//g, '*\\/')}`}`);
  return [`${indent}/**`, ...body, `${indent} */`].join('\n');
}
