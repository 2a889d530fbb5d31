import { CALL_TYPES, type CallType, type LintRuleSettingIR, type LintSettingsIR, type NameTransform, type WrapperCall } from '../ir.js';
import { defaultWrapperArguments, isValidCallee, isValidReceiver, NAME_TRANSFORM_KEYS, parseArgumentPath, patternProblem, RULE_SETTING_VALUES } from '../lint-settings.js';
import { planError } from '../plan-errors.js';
import { toPlain, type RawEntry, type RawMap, type RawNode } from '../raw.js';
import { Reader } from './reader.js';

const LINT_KEYS = ['receivers', 'calls', 'generated', 'ignore', 'rules'] as const;
const CALL_KEYS = ['callee', 'from', 'type', 'event', 'properties', 'message', 'name'] as const;

/**
 * Types the header's `lint:` mapping. Every problem is a located diagnostic (kept in the result)
 * and the rest still applies. Rule ids are the linter's to know: it checks them at `keyLocation`.
 */
export function readLintSettings(node: RawNode): LintSettingsIR {
  const reader = new Reader();
  const settings: LintSettingsIR = { location: node.location, receivers: [], calls: [], ignore: [], rules: [], diagnostics: reader.diagnostics, written: toPlain(node) };
  const map = reader.map(node, 'lint');
  for (const entry of map ? reader.knownEntries(map, LINT_KEYS, 'lint') : []) {
    if (entry.key === 'receivers') settings.receivers.push(...readNames(reader, entry));
    else if (entry.key === 'ignore') settings.ignore.push(...(reader.stringList(entry, 'lint') ?? []));
    else if (entry.key === 'generated') {
      const generated = reader.string(entry, 'lint');
      if (generated !== undefined) settings.generated = generated;
    } else if (entry.key === 'calls') settings.calls.push(...readCalls(reader, entry));
    else if (entry.key === 'rules') settings.rules = readRuleSettings(reader, entry);
  }
  return settings;
}

function readNames(reader: Reader, entry: RawEntry): string[] {
  const node = entry.value;
  const out: string[] = [];
  for (const item of node.kind === 'seq' ? node.items : [node]) {
    if (item.kind === 'scalar' && typeof item.value === 'string' && isValidReceiver(item.value)) out.push(item.value);
    else reader.invalid(item, 'lint.receivers', 'a list of names like analytics or window.analytics');
  }
  return out;
}

function readCalls(reader: Reader, entry: RawEntry): WrapperCall[] {
  if (entry.value.kind !== 'seq') {
    reader.invalid(entry.value, 'lint.calls', 'a list of { callee, from, type, event, properties, message, name }');
    return [];
  }
  const out: WrapperCall[] = [];
  entry.value.items.forEach((item, i) => {
    const where = `lint.calls[${i}]`;
    const map = reader.map(item, where);
    if (!map) return;
    const call = readCall(reader, map, where);
    if (call) out.push(call);
  });
  return out;
}

function readCall(reader: Reader, map: RawMap, where: string): WrapperCall | undefined {
  const fields = reader.knownEntries(map, CALL_KEYS, where);
  const calleeEntry = fields.find((f) => f.key === 'callee');
  if (!calleeEntry) {
    reader.report(planError('missingKey', map.location, { where, key: 'callee' }));
    return undefined;
  }
  const callee = reader.string(calleeEntry, where);
  if (callee === undefined) return undefined;
  if (!isValidCallee(callee)) {
    reader.invalid(calleeEntry.value, `${where}.callee`, 'a function or method name like track or this.analyticsService.track');
    return undefined;
  }
  const typeEntry = fields.find((f) => f.key === 'type');
  const call: CallType = typeEntry ? (reader.choice(typeEntry, where, CALL_TYPES) ?? 'track') : 'track';
  const wrapper: WrapperCall = { callee, call, ...defaultWrapperArguments(call) };
  for (const key of ['event', 'properties'] as const) {
    const field = fields.find((f) => f.key === key);
    if (!field) continue;
    const value = field.value.kind === 'scalar' ? parseArgumentPath(field.value.value) : undefined;
    if (value) wrapper[key] = value;
    else reader.invalid(field.value, `${where}.${key}`, 'an argument index (0, 1, ...) or index.key like 0.properties');
  }
  readScope(reader, fields, where, wrapper);
  return wrapper;
}

/** `from:`, `message:` and `name:`: where the callee comes from, a Node-style message argument, the name transform. */
function readScope(reader: Reader, fields: RawEntry[], where: string, wrapper: WrapperCall): void {
  const from = fields.find((f) => f.key === 'from');
  if (from) {
    const value = reader.string(from, where);
    if (value !== undefined && value.trim() === '') reader.invalid(from.value, `${where}.from`, 'an import specifier or a path glob');
    else if (value !== undefined) wrapper.from = value;
  }
  const message = fields.find((f) => f.key === 'message');
  if (message) {
    const value = message.value.kind === 'scalar' ? parseArgumentPath(message.value.value) : undefined;
    const clash = fields.find((f) => f.key === 'event' || f.key === 'properties');
    if (!value || value.key !== undefined) reader.invalid(message.value, `${where}.message`, 'an argument index (0, 1, ...)');
    else if (clash) reader.report(planError('invalidValue', message.keyLocation, { where: `${where}.message`, expected: 'no event or properties beside it (the message holds them)', found: `"${clash.key}" beside it` }));
    else {
      delete wrapper.event;
      delete wrapper.properties;
      wrapper.message = value.index;
    }
  }
  const name = fields.find((f) => f.key === 'name');
  if (name) {
    const transform = readNameTransform(reader, name, `${where}.name`);
    if (transform) wrapper.name = transform;
  }
}

function readNameTransform(reader: Reader, entry: RawEntry, where: string): NameTransform | undefined {
  const map = reader.map(entry.value, where);
  if (!map) return undefined;
  const fields = reader.knownEntries(map, NAME_TRANSFORM_KEYS, where);
  const text = new Map<string, string>();
  for (const field of fields) {
    const value = reader.string(field, where);
    if (value !== undefined) text.set(field.key, value);
  }
  if (text.size < fields.length) return undefined;
  const pattern = fields.find((f) => f.key === 'pattern');
  if (pattern) {
    const other = fields.find((f) => f.key === 'prefix' || f.key === 'suffix');
    if (other) reader.report(planError('invalidValue', other.keyLocation, { where: `${where}.${other.key}`, expected: 'no prefix or suffix beside a pattern (put them in its replace)', found: `"${other.key}" beside "pattern"` }));
    else if (!text.has('replace')) reader.report(planError('missingKey', map.location, { where, key: 'replace' }));
    else {
      const problem = patternProblem(text.get('pattern')!);
      if (problem === undefined) return { pattern: text.get('pattern')!, replace: text.get('replace')! };
      reader.report(planError('invalidPattern', pattern.value.location, { detail: problem }));
    }
    return undefined;
  }
  const replace = fields.find((f) => f.key === 'replace');
  if (replace) reader.report(planError('missingKey', map.location, { where, key: 'pattern' }));
  else if (map.entries.length === 0) reader.invalid(entry.value, where, 'a mapping of prefix, suffix, or pattern and replace');
  else if (fields.length === 0) return undefined;
  else return { ...(text.has('prefix') ? { prefix: text.get('prefix')! } : {}), ...(text.has('suffix') ? { suffix: text.get('suffix')! } : {}) };
  return undefined;
}

function readRuleSettings(reader: Reader, entry: RawEntry): LintRuleSettingIR[] {
  const map = reader.map(entry.value, 'lint.rules');
  const out: LintRuleSettingIR[] = [];
  for (const rule of map?.entries ?? []) {
    const severity = reader.choice(rule, 'lint.rules', RULE_SETTING_VALUES);
    if (severity) out.push({ id: rule.key, keyLocation: rule.keyLocation, severity });
  }
  return out;
}
