import type { ArgumentPath, CallType, NameTransform, WrapperCall } from './ir.js';

/** The severities a rule setting takes, in plan rules and lint rules alike (`warn` is a warning). */
export const RULE_SETTING_VALUES = ['error', 'warn', 'off'] as const;
export type RuleSettingValue = (typeof RULE_SETTING_VALUES)[number];

/** The default argument layout of a wrapper, per call type: what `track(name, props)` means. */
export function defaultWrapperArguments(call: CallType): Pick<WrapperCall, 'event' | 'properties'> {
  if (call === 'identify' || call === 'group') return { properties: { index: 1 } };
  return { event: { index: 0 }, properties: { index: 1 } };
}

const CALLEE = /^(?:\*\.)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const ARGUMENT = /^(\d+)(?:\.([^.\s]+))?$/;

/** True for a callee `lint.calls` and `--call` accept: a dotted name, `?.` allowed, `*.` in front for any receiver. */
export function isValidCallee(callee: string): boolean {
  return CALLEE.test(callee.replace(/\?\./g, '.'));
}

/** True for a name `lint.receivers` accepts: dotted, no wildcard. */
export function isValidReceiver(name: string): boolean {
  return CALLEE.test(name) && !name.startsWith('*.');
}

/** `1` or `"1"` -> argument 1; `"0.properties"` -> key `properties` of argument 0. */
export function parseArgumentPath(value: unknown): ArgumentPath | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? { index: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const match = ARGUMENT.exec(value.trim());
  if (!match) return undefined;
  return match[2] === undefined ? { index: Number(match[1]) } : { index: Number(match[1]), key: match[2] };
}

/** The keys of a `name:` transform. */
export const NAME_TRANSFORM_KEYS = ['prefix', 'suffix', 'pattern', 'replace'] as const;

/** Why a `name:` transform's pattern is not a JavaScript regular expression; undefined when it is one. */
export function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The name a wrapper sends for `name`: the transform applied (a pattern that does not match leaves it as it is). */
export function transformName(name: string, transform: NameTransform): string {
  if (transform.pattern !== undefined) return name.replace(new RegExp(transform.pattern), transform.replace ?? '');
  return `${transform.prefix ?? ''}${name}${transform.suffix ?? ''}`;
}
