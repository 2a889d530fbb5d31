import type { LintRule } from '../rule.js';
import deprecatedEvent from './deprecated-event.js';
import deprecatedProperty from './deprecated-property.js';
import dynamicEventName from './dynamic-event-name.js';
import ignoreComment from './ignore-comment.js';
import invalidPropertyValue from './invalid-property-value.js';
import missingRequiredProperty from './missing-required-property.js';
import propertyTypeMismatch from './property-type-mismatch.js';
import syntaxError from './syntax-error.js';
import unknownProperty from './unknown-property.js';
import unplannedEvent from './unplanned-event.js';
import wrongSource from './wrong-source.js';

/** Every rule of `trackplan lint`, in alphabetical order of id (a test keeps it so). */
export const LINT_RULES: readonly LintRule[] = [
  deprecatedEvent,
  deprecatedProperty,
  dynamicEventName,
  ignoreComment,
  invalidPropertyValue,
  missingRequiredProperty,
  propertyTypeMismatch,
  syntaxError,
  unknownProperty,
  unplannedEvent,
  wrongSource,
] as LintRule[];

export function findRule(id: string): LintRule | undefined {
  return LINT_RULES.find((rule) => rule.id === id);
}
