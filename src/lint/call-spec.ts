import { ConfigError } from '../core/errors.js';
import { CALL_TYPES, type CallType, type NameTransform } from '../core/ir.js';
import { patternProblem } from '../core/lint-settings.js';
import { defaultWrapperArguments, type WrapperCall } from './config.js';
import { isValidCallee, parseArgumentPath } from './read-config.js';

const SPEC_KEYS = ['type', 'event', 'properties', 'message', 'from', 'prefix', 'suffix', 'pattern', 'replace'] as const;
type SpecKey = (typeof SPEC_KEYS)[number];

/**
 * A comma starts the next field only when a known key and `=` follow it, so values (a suffix, a
 * glob with `{a,b}`, a regular expression) may hold commas.
 */
const FIELD_SEPARATOR = new RegExp(`,(?=\\s*(?:${SPEC_KEYS.join('|')})=)`);

/**
 * `--call <callee>[:key=value,...]`, the command-line form of a `lint.calls` entry, e.g.
 * `--call this.analyticsService.track:properties=2` or `--call 'track:from=@/lib/analytics,suffix= - [WEB]'`.
 * Keys are trimmed, values are taken as written (a suffix may start with a space).
 */
export function parseCallSpec(spec: string): WrapperCall {
  const fail = (why: string): never => {
    throw new ConfigError(`--call ${JSON.stringify(spec)}: ${why}`);
  };
  const [callee = '', options] = splitOnce(spec.trim(), ':');
  if (!isValidCallee(callee)) fail('expected a function or method name like track or this.analyticsService.track before ":"');
  const fields = new Map<SpecKey, string>();
  for (const part of options ? options.split(FIELD_SEPARATOR) : []) {
    const [key = '', value] = splitOnce(part, '=');
    const name = key.trim() as SpecKey;
    if (!SPEC_KEYS.includes(name) || value === undefined) fail(`expected key=value with a key of ${SPEC_KEYS.join(', ')}, found ${JSON.stringify(part)}`);
    if (fields.has(name)) fail(`${name} is given twice`);
    fields.set(name, value!);
  }
  const type = fields.get('type')?.trim() ?? 'track';
  if (!(CALL_TYPES as readonly string[]).includes(type)) fail(`type must be one of ${CALL_TYPES.join(', ')}, found ${JSON.stringify(type)}`);
  const call = type as CallType;
  const wrapper: WrapperCall = { callee, call, ...defaultWrapperArguments(call) };
  for (const key of ['event', 'properties'] as const) {
    const value = fields.get(key);
    if (value === undefined) continue;
    const argument = parseArgumentPath(value);
    if (!argument) fail(`${key} must be an argument index (0, 1, ...) or index.key like 0.properties, found ${JSON.stringify(value)}`);
    wrapper[key] = argument!;
  }
  const message = fields.get('message');
  if (message !== undefined) {
    const argument = parseArgumentPath(message);
    if (!argument || argument.key !== undefined) fail(`message must be an argument index (0, 1, ...), found ${JSON.stringify(message)}`);
    if (fields.has('event') || fields.has('properties')) fail('message cannot be used together with event or properties');
    delete wrapper.event;
    delete wrapper.properties;
    wrapper.message = argument!.index;
  }
  const from = fields.get('from')?.trim();
  if (from !== undefined) {
    if (from === '') fail('from must be an import specifier or a path glob');
    wrapper.from = from;
  }
  const transform = nameTransform(fields, fail);
  if (transform) wrapper.name = transform;
  return wrapper;
}

function nameTransform(fields: ReadonlyMap<SpecKey, string>, fail: (why: string) => never): NameTransform | undefined {
  const pattern = fields.get('pattern');
  const replace = fields.get('replace');
  const prefix = fields.get('prefix');
  const suffix = fields.get('suffix');
  if (pattern === undefined) {
    if (replace !== undefined) fail('replace needs a pattern');
    if (prefix === undefined && suffix === undefined) return undefined;
    return { ...(prefix !== undefined ? { prefix } : {}), ...(suffix !== undefined ? { suffix } : {}) };
  }
  if (prefix !== undefined || suffix !== undefined) fail('pattern cannot be used together with prefix or suffix');
  if (replace === undefined) fail('pattern needs a replace');
  const problem = patternProblem(pattern);
  if (problem !== undefined) fail(`pattern is not a valid regular expression: ${problem}`);
  return { pattern, replace: replace! };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
