import type { Location } from '../location.js';
import { suggestionSuffix } from '../suggest.js';
import type { OptionSpec, OptionSpecs, OptionsOf } from './types.js';

export interface OptionProblem {
  messageId: 'notAMapping' | 'unknownOption' | 'invalidOption';
  data: Record<string, string>;
  location: Location;
}

export function defaultOptions<S extends OptionSpecs>(specs: S): OptionsOf<S> {
  return Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, spec.default])) as OptionsOf<S>;
}

/** The rule's options with the header's values laid over the defaults; bad values are problems, not throws. */
export function resolveOptions<S extends OptionSpecs>(
  specs: S,
  raw: unknown,
  location: Location,
): { options: OptionsOf<S>; problems: OptionProblem[] } {
  const options = defaultOptions(specs) as Record<string, unknown>;
  const problems: OptionProblem[] = [];
  if (raw === undefined || raw === null) return { options: options as OptionsOf<S>, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ messageId: 'notAMapping', data: { found: describe(raw) }, location });
    return { options: options as OptionsOf<S>, problems };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const spec = specs[key];
    if (!spec) {
      const known = Object.keys(specs);
      problems.push({
        messageId: 'unknownOption',
        data: { option: key, hint: suggestionSuffix(key, known), expected: known.length > 0 ? known.join(', ') : '(this rule takes no options)' },
        location,
      });
      continue;
    }
    const expected = expectation(spec);
    if (!fits(spec, value)) {
      problems.push({ messageId: 'invalidOption', data: { option: key, expected, found: describe(value) }, location });
      continue;
    }
    options[key] = value;
  }
  return { options: options as OptionsOf<S>, problems };
}

function fits(spec: OptionSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'choice':
      return typeof value === 'string' && spec.values.includes(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (spec.minimum === undefined || value >= spec.minimum);
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
  }
}

export function expectation(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'choice':
      return `one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'number':
      return spec.minimum === undefined ? 'a number' : `a number >= ${spec.minimum}`;
    case 'strings':
      return 'a list of strings';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
