import { Ajv, type Options, type ValidateFunction } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from '../core/compile-schema.js';

type AddFormats = (ajv: Ajv, options: { mode: 'fast' | 'full' }) => Ajv;
// ajv-formats is CommonJS; under ESM interop its default export may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as AddFormats;

export type FormatMode = 'fast' | 'full';

/**
 * The compilers of one validator. Every error is collected (`allErrors`): on valid events, the
 * vast majority, that costs the same as stopping at the first error (measured), and a failing
 * event then needs no second, detailed pass nor a second compile.
 */
export interface Compilers {
  plain: Ajv;
  /** Checks own properties only: for plans that name `constructor`, `toString`, ... */
  own: Ajv;
}

export function createCompilers(formats: FormatMode, regExp?: RegExpEngine): Compilers {
  const make = (options: Options) => {
    // strict off: a hand-edited generated/ schema must still load; the plan checker is where
    // unknown keywords and formats are reported. No logger: the runtime never prints. The
    // schemas are ours (compiled from a checked plan), so ajv need not check them against the
    // meta-schema nor spend time optimizing code: that halves compile time, and measured
    // validation speed is the same.
    const ajv = new Ajv({
      strict: false, allowUnionTypes: true, logger: false, allErrors: true, validateSchema: false, code: { optimize: false, ...(regExp ? { regExp } : {}) }, ...options,
    });
    addFormats(ajv, { mode: formats });
    return ajv;
  };
  return { plain: make({}), own: make({ ownProperties: true }) };
}

/** Compiles a data schema (once, at startup: a schema ajv cannot compile fails there). */
export function compileDataValidator(compilers: Compilers, schema: JsonSchema): ValidateFunction {
  // A planned name that Object.prototype also has (`constructor`) would read the prototype's
  // value when the property is absent; own-property checks cost a little, so only there.
  return (namesInherited(schema) ? compilers.own : compilers.plain).compile(schema);
}

function namesInherited(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(namesInherited);
  if (schema === null || typeof schema !== 'object') return false;
  const record = schema as Record<string, unknown>;
  const properties = record['properties'];
  if (properties && typeof properties === 'object' && Object.keys(properties).some((name) => name in Object.prototype)) return true;
  const required = record['required'];
  if (Array.isArray(required) && required.some((name) => typeof name === 'string' && name in Object.prototype)) return true;
  return Object.values(record).some(namesInherited);
}
