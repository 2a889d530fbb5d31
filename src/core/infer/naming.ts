import { followsConvention, type NamingConvention } from '../rules/names.js';

/** The conventions a drafted plan may pick, in order of preference when several fit every name. */
const PREFERRED: NamingConvention[] = ['snake_case', 'Object Action', 'Title Case', 'camelCase', 'PascalCase', 'kebab-case'];

/**
 * The naming convention that every given name follows (snake_case when there are none), or `any`
 * when the names mix conventions: a plan drafted from existing code must not greet its team with
 * a naming error per event (`Order Completed` shops are Object Action).
 */
export function detectConvention(names: readonly string[]): NamingConvention {
  if (names.length === 0) return 'snake_case';
  return PREFERRED.find((convention) => names.every((name) => followsConvention(name, convention))) ?? 'any';
}
