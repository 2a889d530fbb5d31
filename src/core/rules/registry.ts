import conflictingPropertyTypes from './conflicting-property-types.js';
import deprecatedReplacement from './deprecated-replacement.js';
import enumValues from './enum-values.js';
import eventNameCase from './event-name-case.js';
import namingConvention from './naming-convention.js';
import nearDuplicateNames from './near-duplicate-names.js';
import piiDeclaration from './pii-declaration.js';
import redosPattern from './redos-pattern.js';
import requireDescription from './require-description.js';
import requireOwner from './require-owner.js';
import requiredNullable from './required-nullable.js';
import stringBounds from './string-bounds.js';
import type { PlanRule } from './types.js';
import unusedDefinitions from './unused-definitions.js';

/**
 * Every plan rule, in alphabetical order of id. Each rule's option and message types are precise
 * in its own file; here they are erased to the common shape the runner needs.
 */
export const PLAN_RULES: readonly PlanRule[] = [
  conflictingPropertyTypes,
  deprecatedReplacement,
  enumValues,
  eventNameCase,
  namingConvention,
  nearDuplicateNames,
  piiDeclaration,
  redosPattern,
  requireDescription,
  requireOwner,
  requiredNullable,
  stringBounds,
  unusedDefinitions,
] as unknown as readonly PlanRule[];

export function findRule(id: string): PlanRule | undefined {
  return PLAN_RULES.find((rule) => rule.id === id);
}
