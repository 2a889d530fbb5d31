import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Severity } from '../core/diagnostics.js';
import { CALL_TYPES, type CallType, type PlanIR } from '../core/ir.js';
import type { Location } from '../core/location.js';
import { Reader } from '../core/normalize/reader.js';
import { planError } from '../core/plan-errors.js';
import { getEntry, type RawEntry, type RawMap, type RawNode } from '../core/raw.js';
import { suggestionSuffix } from '../core/suggest.js';
import { parseYamlFile } from '../sources/yaml-file.js';
import { defaultLintConfig, defaultWrapperArguments, type ArgumentPath, type LintConfig, type WrapperCall } from './config.js';
import { LINT_RULES } from './rules/index.js';

const LINT_KEYS = ['receivers', 'calls', 'generated', 'ignore', 'rules'] as const;
const CALL_KEYS = ['callee', 'type', 'event', 'properties'] as const;
const SEVERITIES = ['error', 'warn', 'off'] as const;
const CALLEE = /^(?:\*\.)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const ARGUMENT = /^(\d+)(?:\.([^.\s]+))?$/;

export interface LintConfigResult {
  config: LintConfig;
  diagnostics: Diagnostic[];
}

/**
 * Reads and validates the plan header's `lint:` settings. The IR keeps them raw with one location;
 * the header file is read again here so that every problem points at its own key or value.
 */
export async function readLintConfig(plan: PlanIR, cwd: string): Promise<LintConfigResult> {
  if (plan.lint === undefined) return { config: defaultLintConfig(), diagnostics: [] };
  const node = await readLintNode(plan, cwd);
  return validateLintNode(node);
}

async function readLintNode(plan: PlanIR, cwd: string): Promise<RawNode> {
  const location = plan.lintLocation;
  const fallback = (): RawNode => toRawNode(plan.lint, location ?? plan.headerLocation);
  if (!location || !('file' in location)) return fallback();
  const text = await readFile(path.resolve(cwd, location.file), 'utf8').catch(() => undefined);
  if (text === undefined) return fallback();
  const root = parseYamlFile(location.file, text).file.root;
  const entry = root?.kind === 'map' ? getEntry(root, 'lint') : undefined;
  return entry?.value ?? fallback();
}

/** Validates a `lint:` mapping; every problem is a located diagnostic and the rest still applies. */
export function validateLintNode(node: RawNode): LintConfigResult {
  const reader = new Reader();
  const config = defaultLintConfig();
  const map = reader.map(node, 'lint');
  for (const entry of map ? reader.knownEntries(map, LINT_KEYS, 'lint') : []) {
    if (entry.key === 'receivers') config.receivers.push(...readNames(reader, entry));
    else if (entry.key === 'ignore') config.ignore.push(...(reader.stringList(entry, 'lint') ?? []));
    else if (entry.key === 'generated') config.generated = reader.string(entry, 'lint') ?? config.generated;
    else if (entry.key === 'calls') config.calls.push(...readCalls(reader, entry));
    else if (entry.key === 'rules') config.rules = readRuleSeverities(reader, entry);
  }
  config.receivers = [...new Set(config.receivers)];
  return { config, diagnostics: reader.diagnostics };
}

function readNames(reader: Reader, entry: RawEntry): string[] {
  const node = entry.value;
  const out: string[] = [];
  for (const item of node.kind === 'seq' ? node.items : [node]) {
    if (item.kind === 'scalar' && typeof item.value === 'string' && CALLEE.test(item.value) && !item.value.startsWith('*.')) out.push(item.value);
    else reader.invalid(item, 'lint.receivers', 'a list of names like analytics or window.analytics');
  }
  return out;
}

function readCalls(reader: Reader, entry: RawEntry): WrapperCall[] {
  if (entry.value.kind !== 'seq') {
    reader.invalid(entry.value, 'lint.calls', 'a list of { callee, type, event, properties }');
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
  if (!CALLEE.test(callee.replace(/\?\./g, '.'))) {
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
  return wrapper;
}

function readRuleSeverities(reader: Reader, entry: RawEntry): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  const map = reader.map(entry.value, 'lint.rules');
  const ids = LINT_RULES.map((rule) => rule.id);
  for (const rule of map?.entries ?? []) {
    if (!ids.includes(rule.key)) {
      reader.report(planError('unknownKey', rule.keyLocation, { key: rule.key, where: 'lint.rules', hint: suggestionSuffix(rule.key, ids), expected: ids.join(', ') }));
      continue;
    }
    const severity = reader.choice(rule, 'lint.rules', SEVERITIES);
    if (severity) out[rule.key] = severity === 'warn' ? 'warning' : severity;
  }
  return out;
}

/** `1` or `"1"` -> argument 1; `"0.properties"` -> key `properties` of argument 0. */
export function parseArgumentPath(value: unknown): ArgumentPath | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? { index: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const match = ARGUMENT.exec(value.trim());
  if (!match) return undefined;
  return match[2] === undefined ? { index: Number(match[1]) } : { index: Number(match[1]), key: match[2] };
}

export function isValidCallee(callee: string): boolean {
  return CALLEE.test(callee.replace(/\?\./g, '.'));
}

/** A located tree for settings that only exist as plain data (a plan built without a YAML file). */
function toRawNode(value: unknown, location: Location): RawNode {
  if (Array.isArray(value)) return { kind: 'seq', items: value.map((v) => toRawNode(v, location)), location };
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, v]) => ({ key, keyLocation: location, value: toRawNode(v, location) }));
    return { kind: 'map', entries, location };
  }
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return { kind: 'scalar', value: scalar, location };
}
