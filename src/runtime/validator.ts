import type { CompiledEvent, CompiledPlan } from '../core/compiled-plan.js';
import type { CallType, PolicySettings } from '../core/ir.js';
import type { ValidateFunction } from 'ajv';
import { compileDataValidator, createCompilers } from './ajv.js';
import { createRegExpEngine } from './regexp-engine.js';
import { toViolations, type DataPlace } from './ajv-violations.js';
import { jsonType, violationMessage, type ViolationMessageId } from '../core/violations/messages.js';
import { decideOutcome, resolvePolicies } from './policy.js';
import { attachViolations, removePaths } from './rewrite.js';
import type { ValidationResult, Validator, ValidatorOptions, Violation } from './types.js';

interface PlannedCall {
  event: CompiledEvent;
  data: ValidateFunction;
  place: DataPlace;
  /** Page/screen: the planned names; undefined when any name goes. */
  names: Set<string> | undefined;
  policy: PolicySettings;
}

const PLACES: Record<string, DataPlace> = {
  properties: { pointer: '/properties', dotted: 'properties', schemaPath: '#/properties/properties' },
  traits: { pointer: '/traits', dotted: 'traits', schemaPath: '#/properties/traits' },
  'context.traits': { pointer: '/context/traits', dotted: 'context.traits', schemaPath: '#/properties/context/properties/traits' },
};

const NO_DATA: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/** What a validator knows once its plan is compiled. */
interface Context {
  tracks: Map<string, PlannedCall>;
  calls: Map<string, PlannedCall>;
  policies: Record<CallType, PolicySettings>;
  identity: { id: string; version: string };
  planLabel: string;
}

/** Where a call's result is decided: a final result, or the planned call to check the data against. */
type Lookup = { result: ValidationResult } | { planned: PlannedCall | undefined; call: string; event: string | undefined; violations: Violation[] | undefined };

/**
 * A validator for a compiled plan: every data schema is compiled once, here. `validate` checks
 * only what the plan constrains (the `properties` or `traits` object of the planned call), with
 * regex-only format checks by default, and never throws.
 */
export function createValidator(plan: CompiledPlan, options: ValidatorOptions = {}): Validator {
  const context = compilePlan(plan, options);
  return {
    planId: plan.id,
    planVersion: plan.version,
    validate(message: unknown): ValidationResult {
      try {
        return checkMessage(context, message);
      } catch (error) {
        // Only a hostile object (a throwing getter, a Proxy) gets here: report it, never throw.
        return malformed(message, undefined, undefined, 'internal', '', { detail: (error as Error)?.message ?? String(error) });
      }
    },
  };
}

/** Compiles each planned call's data schema (patterns on the linear-time engine unless proven safe). */
function compilePlan(plan: CompiledPlan, options: ValidatorOptions): Context {
  const compilers = createCompilers(options.formats ?? 'fast', createRegExpEngine(options.safePatterns));
  const policies = resolvePolicies(plan.policy, options.policy);
  const tracks = new Map<string, PlannedCall>();
  const calls = new Map<string, PlannedCall>();
  for (const event of plan.events) {
    const section = event.call === 'identify' || event.call === 'group'
      ? (event.call === 'identify' && event.identitySection === 'context.traits' ? 'context.traits' : 'traits')
      : 'properties';
    const planned: PlannedCall = {
      event,
      data: compileDataValidator(compilers, event.dataSchema),
      place: PLACES[section]!,
      names: (event.call === 'page' || event.call === 'screen') && event.names.length > 0 ? new Set(event.names) : undefined,
      policy: policies[event.call],
    };
    if (event.call === 'track') tracks.set(event.name, planned);
    else calls.set(event.call, planned);
  }
  return { tracks, calls, policies, identity: { id: plan.id, version: plan.version }, planLabel: `${plan.id}@${plan.version}` };
}

/** Shape first (an object with a known type), then the planned call, then its data. */
function checkMessage(context: Context, message: unknown): ValidationResult {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    return malformed(message, undefined, undefined, 'notObject', '', { actual: jsonType(message) });
  }
  const msg = message as Record<string, unknown>;
  const lookup = lookUpCall(context, msg);
  if ('result' in lookup) return lookup.result;
  const { planned, call, event } = lookup;
  if (!planned) return pass(msg, call, event);
  return checkData(context, msg, planned, event, lookup.violations);
}

/** The planned call a message is for, or the result when its type or name already decides it. */
function lookUpCall(context: Context, msg: Record<string, unknown>): Lookup {
  const type = msg['type'];
  if (type === undefined) return { result: malformed(msg, undefined, undefined, 'missingType', '/type') };
  const call = typeof type === 'string' ? type : '';
  switch (call) {
    case 'track': {
      const name = msg['event'];
      if (name === undefined) return { result: malformed(msg, 'track', undefined, 'missingEvent', '/event') };
      if (typeof name !== 'string' || name === '') {
        return { result: malformed(msg, 'track', undefined, 'invalidEvent', '/event', { actual: name === '' ? 'an empty string' : jsonType(name) }) };
      }
      const planned = context.tracks.get(name);
      if (planned) return { planned, call, event: name, violations: undefined };
      const violations: Violation[] = [{
        type: 'Unplanned-Event',
        message: violationMessage('unplannedEvent', { event: name, plan: context.planLabel }),
        meta: { instancePath: '/event', schemaPath: '', keyword: 'unplanned' },
      }];
      return { result: finish(context, msg, 'track', name, violations, context.policies.track, []) };
    }
    case 'page':
    case 'screen': {
      const name = msg['name'];
      const event = typeof name === 'string' ? name : undefined;
      const planned = context.calls.get(call);
      const violations = planned?.names && (event === undefined || !planned.names.has(event)) ? [unplannedName(context, call, event, planned.names)] : undefined;
      return { planned, call, event, violations };
    }
    case 'identify':
    case 'group':
      return { planned: context.calls.get(call), call, event: undefined, violations: undefined };
    case 'alias':
      return { result: pass(msg, 'alias', undefined) };
    default:
      return { result: malformed(msg, typeof type === 'string' ? type : undefined, undefined, 'unknownType', '/type', { actual: typeof type === 'string' ? JSON.stringify(shorten(type)) : jsonType(type) }) };
  }
}

/** Runs the planned call's data schema; the policy decides what happens to what it finds. */
function checkData(context: Context, msg: Record<string, unknown>, planned: PlannedCall, event: string | undefined, earlier: Violation[] | undefined): ValidationResult {
  const data = readData(msg, planned.place) ?? NO_DATA;
  const valid = planned.data(data);
  if (valid && !earlier) return pass(msg, planned.event.call, event);
  const strips: string[][] = [];
  const found = valid ? [] : toViolations(planned.data.errors ?? [], data, planned.place, strips);
  const violations = earlier ? [...earlier, ...found] : found;
  return finish(context, msg, planned.event.call, event, violations, planned.policy, strips.map((path) => [...planned.place.dotted.split('.'), ...path]));
}

function finish(
  context: Context, msg: Record<string, unknown>, call: CallType, event: string | undefined,
  violations: Violation[], policy: PolicySettings, strips: string[][],
): ValidationResult {
  const outcome = decideOutcome(policy, violations);
  if (outcome === 'dropped') return { valid: false, violations, outcome, call, event, message: undefined, input: msg };
  let out = outcome === 'stripped' ? removePaths(msg, strips) : msg;
  if (policy.propagate_violations) out = attachViolations(out, violations, context.identity);
  return { valid: false, violations, outcome, call, event, message: out, input: msg };
}

function unplannedName(context: Context, call: 'page' | 'screen', event: string | undefined, names: Set<string>): Violation {
  const planned = [...names].sort().join(', ');
  if (event === undefined) {
    return {
      type: 'Required-Missing',
      message: violationMessage('missingName', { call, plan: context.planLabel, names: planned }),
      meta: { instancePath: '', schemaPath: '#/required', keyword: 'required' },
    };
  }
  return {
    type: 'Unplanned-Event',
    message: violationMessage('unplannedName', { call, event, plan: context.planLabel, names: planned }),
    meta: { instancePath: '/name', schemaPath: '#/properties/name/enum', keyword: 'enum' },
  };
}

function pass(msg: Record<string, unknown>, call: string, event: string | undefined): ValidationResult {
  return { valid: true, violations: [], outcome: 'forwarded', call, event, message: msg, input: msg };
}

/** The result for input that is not an event at all: always dropped (kept by the violations sink). */
export function malformed(
  input: unknown, call: string | undefined, event: string | undefined,
  id: ViolationMessageId, instancePath: string, data: Record<string, string | number> = {},
): ValidationResult {
  const violation: Violation = { type: 'Malformed-Event', message: violationMessage(id, data), meta: { instancePath, schemaPath: '', keyword: id } };
  return { valid: false, violations: [violation], outcome: 'dropped', call, event, message: undefined, input };
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function readData(msg: Record<string, unknown>, place: DataPlace): unknown {
  if (place.dotted !== 'context.traits') return msg[place.dotted];
  const context = msg['context'];
  return context !== null && typeof context === 'object' ? (context as Record<string, unknown>)['traits'] : undefined;
}
