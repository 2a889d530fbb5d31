import { createDiagnostic, type Diagnostic } from './diagnostics.js';
import type { Location } from './location.js';

/**
 * Everything a plan author can get wrong while writing a plan, keyed by stable message ids.
 * These are errors: a plan that has any cannot be built.
 */
export const PLAN_ERRORS = {
  yamlSyntax: { ruleId: 'yaml-syntax', message: 'YAML syntax error: {detail}' },
  fileTooLarge: { ruleId: 'yaml-limit', message: 'the plan file is {size} bytes; the limit is {limit} bytes per plan file' },
  aliasExpansion: { ruleId: 'yaml-limit', message: 'aliases expand the file to {count} YAML nodes, past the limit of {limit}' },
  notAMapping: { ruleId: 'invalid-value', message: '{where}: expected a mapping, found {found}' },
  invalidValue: { ruleId: 'invalid-value', message: '{where}: expected {expected}, found {found}' },
  unknownKey: { ruleId: 'unknown-key', message: 'unknown key "{key}" in {where}{hint}; expected one of: {expected}' },
  headerKeyOutsideHeader: {
    ruleId: 'unknown-key',
    message: 'key "{key}" belongs in the header file (the one with `trackplan: 1`), found in a file without it',
  },
  missingHeader: { ruleId: 'missing-header', message: 'no plan header: expected exactly one file with `trackplan: 1`, found none among {count} file(s)' },
  duplicateHeader: { ruleId: 'duplicate-header', message: 'a second plan header: expected exactly one file with `trackplan:`, the first is at {other}' },
  unsupportedFormat: { ruleId: 'unsupported-format-version', message: 'plan format version: expected 1, found {found}' },
  missingKey: { ruleId: 'missing-key', message: '{where}: required key "{key}" is missing' },
  invalidVersion: { ruleId: 'invalid-version', message: 'version: expected a semantic version like 1.4.0, found {found}' },
  invalidId: { ruleId: 'invalid-value', message: 'id: expected letters, digits, ".", "_" or "-" (starting with a letter or digit), found {found}' },
  duplicateName: { ruleId: 'duplicate-name', message: '{kind} "{name}" is defined twice: here and at {other}' },
  unknownType: { ruleId: 'unknown-type', message: 'unknown type "{name}"{hint}; expected a built-in type ({builtins}) or a type of `types:`' },
  typeCycle: { ruleId: 'type-cycle', message: 'type "{name}" refers to itself: {cycle}' },
  missingType: {
    ruleId: 'missing-type',
    message: 'property "{name}" has no type, and the property library has no "{name}"{hint}',
  },
  conflictingConstraints: {
    ruleId: 'conflicting-type-constraints',
    message: 'types {types} of the union both set "{key}" differently',
  },
  enumValueType: { ruleId: 'enum-value-type', message: 'enum value {value} is {found}, but the property is of type {expected}' },
  invalidPattern: { ruleId: 'invalid-pattern', message: 'pattern is not a valid regular expression: {detail}' },
  unknownFormat: { ruleId: 'unknown-format', message: 'unknown format "{name}"{hint}; expected one of: {expected}' },
  invalidRange: { ruleId: 'invalid-range', message: '{lowKey} ({low}) is greater than {highKey} ({high})' },
  constraintTypeMismatch: { ruleId: 'invalid-value', message: '"{key}" applies to {applies} values, but the type is {type}' },
  unknownSource: { ruleId: 'unknown-source', message: 'source "{name}" is not declared in the header `sources:`{hint}' },
  unknownSdk: { ruleId: 'invalid-value', message: 'sdk: unknown SDK "{name}"{hint}; expected one of: {expected}' },
  invalidEnumChoice: { ruleId: 'invalid-value', message: '{where}: expected one of {expected}, found {found}{hint}' },
  emptyName: { ruleId: 'invalid-value', message: '{kind} name: expected a non-empty name' },
  fileNameCollision: {
    ruleId: 'file-name-collision',
    message: 'event "{name}" compiles to the same file name "{fileName}" as "{other}" (at {otherLocation}); rename one',
  },
} as const satisfies Record<string, { ruleId: string; message: string }>;

export type PlanErrorId = keyof typeof PLAN_ERRORS;

export function planError(
  messageId: PlanErrorId,
  location: Location | undefined,
  data: Record<string, string | number> = {},
  related?: Location[],
): Diagnostic {
  return createDiagnostic(PLAN_ERRORS, messageId, location, data, { related });
}
