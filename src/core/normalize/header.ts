import { HEADER_KEYS, POLICY_KEYS, POLICY_SETTING_KEYS, SDK_NAMES, SOURCE_KEYS } from '../format-schema.js';
import { CALL_TYPES, DEFAULT_POLICY, type CallType, type PolicyIR, type PolicySettings, type LintSettingsIR, type RuleSettingIR, type RuleSeverity, type SourceIR } from '../ir.js';
import { planError } from '../plan-errors.js';
import { describeNode, toPlain, type RawEntry, type RawMap } from '../raw.js';
import { suggestionSuffix } from '../suggest.js';
import { readLintSettings } from './lint-settings.js';
import type { Reader } from './reader.js';

/** Semantic Versioning 2.0.0, the regular expression semver.org recommends. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const PLAN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface HeaderIR {
  id: string;
  name: string;
  version: string;
  description?: string;
  include?: string[];
  sources: SourceIR[];
  policy: PolicyIR;
  rules: RuleSettingIR[];
  lint?: LintSettingsIR;
}

export function readHeader(reader: Reader, header: RawMap): HeaderIR {
  const out: HeaderIR = {
    id: '', name: '', version: '0.0.0', sources: [],
    policy: { ...DEFAULT_POLICY, overrides: {} }, rules: [],
  };
  const entries = new Map(header.entries.filter((e) => (HEADER_KEYS as readonly string[]).includes(e.key)).map((e) => [e.key, e]));
  const format = entries.get('trackplan');
  if (format && !(format.value.kind === 'scalar' && format.value.value === 1)) {
    reader.report(planError('unsupportedFormat', format.value.location, { found: describeNode(format.value) }));
  }
  for (const key of ['id', 'name', 'version'] as const) {
    const entry = entries.get(key);
    if (!entry) {
      reader.report(planError('missingKey', header.location, { where: 'plan header', key }));
      continue;
    }
    if (key === 'version' && entry.value.kind === 'scalar' && typeof entry.value.value === 'number') {
      // `version: 1.0` is the number 1 to YAML: say what to do rather than "expected a string".
      reader.report(planError('invalidVersion', entry.value.location, { found: `${entry.value.value} (a number: quote the version)` }));
      continue;
    }
    const value = reader.string(entry, 'header');
    if (value === undefined) continue;
    if (key === 'version' && !SEMVER.test(value)) reader.report(planError('invalidVersion', entry.value.location, { found: JSON.stringify(value) }));
    else if (key === 'id' && !PLAN_ID.test(value)) reader.report(planError('invalidId', entry.value.location, { found: JSON.stringify(value) }));
    out[key] = value;
  }
  const description = entries.get('description');
  if (description) {
    const value = reader.string(description, 'header');
    if (value !== undefined) out.description = value;
  }
  const include = entries.get('include');
  if (include) {
    const value = reader.stringList(include, 'header');
    if (value) out.include = value;
  }
  const sources = entries.get('sources');
  if (sources) out.sources = readSources(reader, sources);
  const policy = entries.get('policy');
  if (policy) out.policy = readPolicy(reader, policy);
  const rules = entries.get('rules');
  if (rules) out.rules = readRules(reader, rules);
  const lint = entries.get('lint');
  if (lint && reader.map(lint.value, 'lint')) {
    out.lint = readLintSettings(lint.value);
  }
  return out;
}

function readSources(reader: Reader, entry: RawEntry): SourceIR[] {
  const map = reader.map(entry.value, 'sources');
  if (!map) return [];
  const out: SourceIR[] = [];
  for (const sourceEntry of map.entries) {
    const where = `sources.${sourceEntry.key}`;
    const source: SourceIR = { id: sourceEntry.key, name: sourceEntry.key, paths: [], location: sourceEntry.keyLocation };
    const sourceMap = reader.map(sourceEntry.value, where);
    for (const field of sourceMap ? reader.knownEntries(sourceMap, SOURCE_KEYS, where) : []) {
      if (field.key === 'paths') source.paths = reader.stringList(field, where) ?? [];
      else if (field.key === 'sdk') {
        const value = reader.string(field, where);
        if (value !== undefined && !(SDK_NAMES as readonly string[]).includes(value)) {
          reader.report(planError('unknownSdk', field.value.location, { name: value, hint: suggestionSuffix(value, SDK_NAMES), expected: SDK_NAMES.join(', ') }));
        } else if (value !== undefined) source.sdk = value;
      } else {
        const value = reader.string(field, where);
        if (value !== undefined) source[field.key as 'name' | 'description'] = value;
      }
    }
    out.push(source);
  }
  return out;
}

function readPolicySettings(reader: Reader, entries: RawEntry[], where: string): Partial<PolicySettings> {
  const settings: Partial<PolicySettings> = {};
  for (const entry of entries) {
    if (entry.key === 'propagate_violations') {
      const value = reader.boolean(entry, where);
      if (value !== undefined) settings.propagate_violations = value;
    } else if ((POLICY_SETTING_KEYS as readonly string[]).includes(entry.key)) {
      const value = reader.choice(entry, where, ['forward', 'drop'] as const);
      if (value !== undefined) settings[entry.key as Exclude<keyof PolicySettings, 'propagate_violations'>] = value;
    }
  }
  return settings;
}

function readPolicy(reader: Reader, entry: RawEntry): PolicyIR {
  const policy: PolicyIR = { ...DEFAULT_POLICY, overrides: {} };
  const map = reader.map(entry.value, 'policy');
  if (!map) return policy;
  const entries = reader.knownEntries(map, POLICY_KEYS, 'policy');
  Object.assign(policy, readPolicySettings(reader, entries, 'policy'));
  for (const call of CALL_TYPES) {
    const callEntry = entries.find((e) => e.key === call);
    if (!callEntry) continue;
    const callMap = reader.map(callEntry.value, `policy.${call}`);
    if (!callMap) continue;
    policy.overrides[call as CallType] = readPolicySettings(reader, reader.knownEntries(callMap, POLICY_SETTING_KEYS, `policy.${call}`), `policy.${call}`);
  }
  return policy;
}

const SEVERITIES = ['error', 'warn', 'off'] as const;

function readRules(reader: Reader, entry: RawEntry): RuleSettingIR[] {
  const map = reader.map(entry.value, 'rules');
  if (!map) return [];
  const out: RuleSettingIR[] = [];
  for (const rule of map.entries) {
    const node = rule.value;
    let severityEntry: RawEntry = rule;
    let options: unknown;
    if (node.kind === 'seq' && node.items.length >= 1 && node.items.length <= 2) {
      severityEntry = { key: rule.key, keyLocation: rule.keyLocation, value: node.items[0]! };
      if (node.items[1]) options = toPlain(node.items[1]);
    }
    const severity = reader.choice<RuleSeverity>(severityEntry, 'rules', SEVERITIES);
    if (severity === undefined) continue;
    out.push({ ruleId: rule.key, severity, ...(options !== undefined ? { options } : {}), location: rule.keyLocation });
  }
  return out;
}
