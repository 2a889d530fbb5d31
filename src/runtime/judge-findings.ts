import type { JsonFindings } from './json-inspect.js';
import type { ValidationResult, Validator } from './types.js';
import { malformed } from './validator.js';

/**
 * Validates a parsed message, unless its text showed what makes any judgement of it wrong: a key
 * given twice (the parse kept one value; the policy would judge that one and pass the other on),
 * or nesting past the limit. Those are dropped as `Malformed-Event` (`duplicateKey`, `tooDeep`),
 * so the violations sink keeps them and nothing forwards them.
 */
export function validateWithFindings(validator: Validator, message: unknown, findings: JsonFindings | undefined, maxDepth: number): ValidationResult {
  if (!findings || (!findings.tooDeep && findings.duplicateKey === undefined)) return validator.validate(message);
  const record = message !== null && typeof message === 'object' && !Array.isArray(message) ? (message as Record<string, unknown>) : {};
  const call = typeof record['type'] === 'string' ? record['type'] : undefined;
  const event = typeof record['event'] === 'string' ? record['event'] : typeof record['name'] === 'string' ? record['name'] : undefined;
  if (findings.tooDeep) return malformed(message, call, event, 'tooDeep', '', { limit: maxDepth });
  const pointer = findings.duplicateKey!;
  return malformed(message, call, event, 'duplicateKey', pointer, { path: pointer });
}
