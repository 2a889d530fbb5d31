import type { JsonSchema } from '../core/compile-schema.js';
import type { EventIR } from '../core/ir.js';
import { compileDataValidator, type Compilers } from '../runtime/ajv.js';
import { sampleEvent } from './example-payload.js';

/** An example payload and the verdict of ajv on it. */
export interface CheckedExample {
  payload: Record<string, unknown>;
  valid: boolean;
  /** ajv's messages when no valid example could be made (a pattern randexp cannot honour, ...). */
  errors: string[];
}

/**
 * A valid example of the call, checked against its schema with ajv (full format checks): all
 * planned properties first, the required ones alone when that fails, else the first try and the errors.
 */
export function buildCheckedExample(event: EventIR, schema: JsonSchema, compilers: Compilers): CheckedExample {
  const validate = compileDataValidator(compilers, schema);
  const full = sampleEvent(event, schema);
  if (validate(full)) return { payload: full, valid: true, errors: [] };
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
  const minimal = sampleEvent(event, schema, true);
  if (validate(minimal)) return { payload: minimal, valid: true, errors: [] };
  return { payload: full, valid: false, errors };
}
