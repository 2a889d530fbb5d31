import { _, Ajv, type Format } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import formatsModule from 'ajv-formats/dist/formats.js';
import { compileDataSchema, type JsonSchema } from '../core/compile-schema.js';
import { sortKeys } from '../core/json.js';
import type { EventIR } from '../core/ir.js';
import { FUNCTION_FORMATS, UCS2_LENGTH_SOURCE } from './format-code.js';
import { validateEventSource, type PlannedValidator } from './validator-source.js';

// Both are CommonJS; under ESM interop their exports may arrive wrapped in `default`.
type Standalone = (ajv: Ajv, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as Standalone;
const fastFormats = (formatsModule as unknown as { fastFormats: Record<string, unknown> }).fastFormats;

const UCS2_REQUIRE = 'require("ajv/dist/runtime/ucs2length").default';
const ANNOTATIONS = new Set(['description', 'title', '$comment', 'deprecated', 'examples']);

/**
 * The body of validators.js: ajv standalone code compiled here, at build time (never in the app),
 * and `validateEvent`, which maps ajv errors to violations. ajv compiles each distinct property
 * schema once (plans repeat `{ type: string }`, library properties, ...); the object level of an
 * event (required, unplanned and planned properties) is a table the file walks the way ajv's code
 * would, with the same errors. Self-contained: the file imports nothing.
 */
export function emitValidatorCode(planLabel: string, events: readonly EventIR[]): string {
  const ajv = new Ajv({
    strict: false,
    allowUnionTypes: true,
    allErrors: true,
    // Plans may name properties `constructor` or `toString`: never read them from the prototype.
    ownProperties: true,
    code: { source: true, esm: true, lines: true, formats: _`$formats` },
  });
  for (const [name, format] of Object.entries(fastFormats)) ajv.addFormat(name, toAjvFormat(name, format));
  const validators = new Map<string, string>();
  const refs: Record<string, string> = {};
  const validatorOf = (schema: JsonSchema): string => {
    const key = JSON.stringify(sortKeys(schema));
    let name = validators.get(key);
    if (name === undefined) {
      const id = `trackplan:${validators.size}`;
      name = `$tp${validators.size}`;
      validators.set(key, name);
      ajv.addSchema({ ...schema, $id: id });
      refs[name] = id;
    }
    return name;
  };
  const planned: PlannedValidator[] = events.map((event) => {
    const data = stripAnnotations(compileDataSchema(event));
    const properties = Object.entries((data['properties'] ?? {}) as Record<string, JsonSchema>);
    return {
      key: event.call === 'track' ? `track:${event.name}` : event.call,
      place: event.call === 'identify' ? (event.identitySection === 'context.traits' ? 'context.traits' : 'traits') : event.call === 'group' ? 'traits' : 'properties',
      names: (event.call === 'page' || event.call === 'screen') && event.names.length > 0 ? event.names : null,
      required: (data['required'] ?? []) as string[],
      properties: properties.map(([name, schema]) => [name, validatorOf(schema)]),
      open: data['additionalProperties'] !== false,
    };
  });
  const standalone = validators.size > 0 ? localizeExports(standaloneCode(ajv, refs), validators.size) : '';
  const helpers = [
    ...(standalone.includes(UCS2_REQUIRE) ? [UCS2_LENGTH_SOURCE] : []),
    ...(standalone.includes('$formats') ? [formatsSource(standalone)] : []),
  ];
  // ajv refers to its helpers with require(): the one it needs for lengths is carried instead.
  const code = standalone.split(UCS2_REQUIRE).join('$ucs2length');
  if (code.includes('require(')) {
    throw new Error('internal error: ajv standalone code needs a module the generated validators do not carry');
  }
  return [...helpers, code, validateEventSource(planLabel, planned)].filter(Boolean).join('\n\n');
}

/**
 * Formats that are regular expressions (most of fast mode) are inlined by ajv; the others become
 * `$formats.<name>`, defined in the file from FUNCTION_FORMATS. The function given to ajv here is
 * never called: ajv only writes a reference to it.
 */
function toAjvFormat(name: string, format: unknown): Format {
  if (format instanceof RegExp || format === true) return format;
  const validate = (format as { validate?: unknown }).validate;
  if (validate instanceof RegExp) return validate;
  const own = FUNCTION_FORMATS[name];
  if (!own) throw new Error(`internal error: no standalone code for the format "${name}"`);
  return { type: own.type, validate: () => true } as Format;
}

function formatsSource(code: string): string {
  const used = Object.keys(FUNCTION_FORMATS).filter((name) => code.includes(`$formats.${name}`) || code.includes(`$formats[${JSON.stringify(name)}]`));
  const entries = used.map((name) => `  ${JSON.stringify(name)}: { validate: ${FUNCTION_FORMATS[name]!.source} },`);
  return `const $formats = {\n${entries.join('\n')}\n};`;
}

/**
 * ajv exports each validator (`export const $tp0 = validate10;`, before its code); validators.js
 * exports only `validateEvent`. Exactly one such statement per validator, or the plan's own text
 * happened to contain one and nothing is rewritten.
 */
function localizeExports(code: string, count: number): string {
  const exports = /export const (\$tp\d+) = (validate\d+);/g;
  if ((code.match(exports) ?? []).length !== count) throw new Error('internal error: unexpected exports in ajv standalone code');
  return code.replace(/^"use strict";/, '').replace(exports, 'const $1 = $2;');
}

/** Drops what does not validate (descriptions, ...): smaller code, and no text of the plan inside it. */
function stripAnnotations(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'properties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([name, child]) => [name, stripAnnotations(child)]));
    } else if (key === 'items' && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = stripAnnotations(value as JsonSchema);
    } else {
      out[key] = value;
    }
  }
  return out;
}
