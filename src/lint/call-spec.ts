import { ConfigError } from '../core/errors.js';
import { CALL_TYPES, type CallType } from '../core/ir.js';
import { defaultWrapperArguments, type WrapperCall } from './config.js';
import { isValidCallee, parseArgumentPath } from './read-config.js';

/**
 * `--call <callee>[:type=track,event=0,properties=2]`, the command-line form of a `lint.calls`
 * entry, e.g. `--call this.analyticsService.track:properties=2`.
 */
export function parseCallSpec(spec: string): WrapperCall {
  const [callee = '', options] = splitOnce(spec.trim(), ':');
  if (!isValidCallee(callee)) throw new ConfigError(`--call ${JSON.stringify(spec)}: expected a function or method name like track or this.analyticsService.track before ":"`);
  const fields = new Map<string, string>();
  for (const part of options ? options.split(',') : []) {
    const [key = '', value] = splitOnce(part.trim(), '=');
    if (!['type', 'event', 'properties'].includes(key) || value === undefined) {
      throw new ConfigError(`--call ${JSON.stringify(spec)}: expected type=<call>, event=<argument> or properties=<argument>, found ${JSON.stringify(part)}`);
    }
    fields.set(key, value);
  }
  const type = fields.get('type') ?? 'track';
  if (!(CALL_TYPES as readonly string[]).includes(type)) {
    throw new ConfigError(`--call ${JSON.stringify(spec)}: type must be one of ${CALL_TYPES.join(', ')}, found ${JSON.stringify(type)}`);
  }
  const call = type as CallType;
  const wrapper: WrapperCall = { callee, call, ...defaultWrapperArguments(call) };
  for (const key of ['event', 'properties'] as const) {
    const value = fields.get(key);
    if (value === undefined) continue;
    const argument = parseArgumentPath(value);
    if (!argument) throw new ConfigError(`--call ${JSON.stringify(spec)}: ${key} must be an argument index (0, 1, ...) or index.key like 0.properties, found ${JSON.stringify(value)}`);
    wrapper[key] = argument;
  }
  return wrapper;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
