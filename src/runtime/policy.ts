import { CALL_TYPES, type CallType, type PolicyIR, type PolicySettings } from '../core/ir.js';
import type { Outcome, PolicyOverride, Violation } from './types.js';

const SETTING_KEYS = ['unplanned_events', 'unplanned_properties', 'other_violations', 'propagate_violations'] as const;

/**
 * The settings that apply to one call type: the plan-wide ones, the plan's override for the call,
 * then the caller's plan-wide and per-call overrides (the caller has the last word).
 */
export function resolvePolicy(plan: PolicyIR, call: CallType, override: PolicyOverride = {}): PolicySettings {
  const layers: (Partial<PolicySettings> | undefined)[] = [plan, plan.overrides?.[call], override, override.overrides?.[call]];
  const settings = {} as PolicySettings;
  for (const key of SETTING_KEYS) {
    for (const layer of layers) {
      const value = layer?.[key];
      if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return settings;
}

export function resolvePolicies(plan: PolicyIR, override: PolicyOverride = {}): Record<CallType, PolicySettings> {
  return Object.fromEntries(CALL_TYPES.map((call) => [call, resolvePolicy(plan, call, override)])) as Record<CallType, PolicySettings>;
}

/**
 * What the policy does with an event's violations (RudderStack semantics, except that
 * `unplanned_properties: drop` strips the properties and keeps the event). A malformed event is
 * always dropped: no destination accepts it.
 */
export function decideOutcome(policy: PolicySettings | undefined, violations: readonly Violation[]): Outcome {
  let strip = false;
  for (const violation of violations) {
    switch (violation.type) {
      case 'Malformed-Event':
        return 'dropped';
      case 'Unplanned-Event':
        if (policy?.unplanned_events === 'drop') return 'dropped';
        break;
      case 'Additional-Properties':
        if (policy?.unplanned_properties === 'drop') strip = true;
        break;
      default:
        if (policy?.other_violations === 'drop') return 'dropped';
    }
  }
  return strip ? 'stripped' : 'forwarded';
}
