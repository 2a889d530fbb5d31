import type { CompiledEvent, CompiledPlan } from '../core/compiled-plan.js';
import type { CallType, PolicySettings } from '../core/ir.js';
import type { ValidateFunction } from 'ajv';
import { compileDataValidator, createCompilers } from './ajv.js';
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

/**
 * A validator for a compiled plan: every data schema is compiled once, here. `validate` checks
 * only what the plan constrains (the `properties` or `traits` object of the planned call), with
 * regex-only format checks by default, and never throws.
 */
export function createValidator(plan: CompiledPlan, options: ValidatorOptions = {}): Validator {
  const compilers = createCompilers(options.formats ?? 'fast');
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
  const identity = { id: plan.id, version: plan.version };
  const planLabel = `${plan.id}@${plan.version}`;

  function check(message: unknown): ValidationResult {
    if (message === null || typeof message !== 'object' || Array.isArray(message)) {
      return malformed(message, undefined, undefined, 'notObject', '', { actual: jsonType(message) });
    }
    const msg = message as Record<string, unknown>;
    const type = msg['type'];
    if (type === undefined) return malformed(message, undefined, undefined, 'missingType', '/type');
    const call = typeof type === 'string' ? type : '';
    let planned: PlannedCall | undefined;
    let event: string | undefined;
    let violations: Violation[] | undefined;
    switch (call) {
      case 'track': {
        const name = msg['event'];
        if (name === undefined) return malformed(message, 'track', undefined, 'missingEvent', '/event');
        if (typeof name !== 'string' || name === '') {
          return malformed(message, 'track', undefined, 'invalidEvent', '/event', { actual: name === '' ? 'an empty string' : jsonType(name) });
        }
        event = name;
        planned = tracks.get(name);
        if (!planned) {
          violations = [{
            type: 'Unplanned-Event',
            message: violationMessage('unplannedEvent', { event: name, plan: planLabel }),
            meta: { instancePath: '/event', schemaPath: '', keyword: 'unplanned' },
          }];
          return finish(msg, 'track', event, violations, policies.track, []);
        }
        break;
      }
      case 'page':
      case 'screen': {
        const name = msg['name'];
        event = typeof name === 'string' ? name : undefined;
        planned = calls.get(call);
        if (planned?.names && (event === undefined || !planned.names.has(event))) violations = [unplannedName(call, event, planned.names)];
        break;
      }
      case 'identify':
      case 'group':
        planned = calls.get(call);
        break;
      case 'alias':
        return pass(msg, 'alias', undefined);
      default:
        return malformed(message, typeof type === 'string' ? type : undefined, undefined, 'unknownType', '/type', { actual: typeof type === 'string' ? JSON.stringify(shorten(type)) : jsonType(type) });
    }
    if (!planned) return pass(msg, call, event);
    const data = readData(msg, planned.place) ?? NO_DATA;
    const valid = planned.data(data);
    if (valid && !violations) return pass(msg, call, event);
    const strips: string[][] = [];
    const found = valid ? [] : toViolations(planned.data.errors ?? [], data, planned.place, strips);
    violations = violations ? [...violations, ...found] : found;
    return finish(msg, planned.event.call, event, violations, planned.policy, strips.map((path) => [...planned.place.dotted.split('.'), ...path]));
  }

  function finish(
    msg: Record<string, unknown>, call: CallType, event: string | undefined,
    violations: Violation[], policy: PolicySettings, strips: string[][],
  ): ValidationResult {
    const outcome = decideOutcome(policy, violations);
    if (outcome === 'dropped') return { valid: false, violations, outcome, call, event, message: undefined, input: msg };
    let out = outcome === 'stripped' ? removePaths(msg, strips) : msg;
    if (policy.propagate_violations) out = attachViolations(out, violations, identity);
    return { valid: false, violations, outcome, call, event, message: out, input: msg };
  }

  function unplannedName(call: 'page' | 'screen', event: string | undefined, names: Set<string>): Violation {
    const planned = [...names].sort().join(', ');
    if (event === undefined) {
      return {
        type: 'Required-Missing',
        message: violationMessage('missingName', { call, plan: planLabel, names: planned }),
        meta: { instancePath: '', schemaPath: '#/required', keyword: 'required' },
      };
    }
    return {
      type: 'Unplanned-Event',
      message: violationMessage('unplannedName', { call, event, plan: planLabel, names: planned }),
      meta: { instancePath: '/name', schemaPath: '#/properties/name/enum', keyword: 'enum' },
    };
  }

  return {
    planId: plan.id,
    planVersion: plan.version,
    validate(message: unknown): ValidationResult {
      try {
        return check(message);
      } catch (error) {
        // Only a hostile object (a throwing getter, a Proxy) gets here: report it, never throw.
        return malformed(message, undefined, undefined, 'internal', '', { detail: (error as Error)?.message ?? String(error) });
      }
    },
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
