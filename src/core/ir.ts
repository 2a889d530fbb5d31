import type { Diagnostic } from './diagnostics.js';
import type { Location } from './location.js';

/** The calls of the Segment/RudderStack spec that a plan can constrain (alias carries no data). */
export const CALL_TYPES = ['track', 'identify', 'page', 'screen', 'group'] as const;
export type CallType = (typeof CALL_TYPES)[number];

export const PRIMITIVE_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null', 'any'] as const;
export type PrimitiveType = (typeof PRIMITIVE_TYPES)[number];

export type EnumValue = string | number | boolean | null;

/** A property (or trait) after custom types and library references are resolved. */
export interface PropertyIR {
  name: string;
  /** Resolved JSON types, sorted; `['any']` means unconstrained. Never contains `null`: see `nullable`. */
  type: PrimitiveType[];
  /** Custom type names this property was built from, outermost first (for docs and codegen). */
  typeNames: string[];
  /** True when the definition came from the shared property library. */
  fromLibrary: boolean;
  required: boolean;
  nullable: boolean;
  description?: string;
  enum?: EnumValue[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  /** Item definition when `type` includes `array`. */
  items?: PropertyIR;
  /** Nested properties when `type` includes `object`. */
  properties?: PropertyIR[];
  additionalProperties: boolean;
  pii: boolean;
  deprecated: boolean;
  /** Where the property's own definition (its key) stands. */
  location: Location;
}

export type EventStatus = 'active' | 'deprecated';

/** One planned call: a track event by name, or the identify/page/screen/group definition. */
export interface EventIR {
  call: CallType;
  /** Track: the exact event name. Other calls: the call type itself (`identify`, `page`, ...). */
  name: string;
  /** Safe, stable file stem for `generated/schemas/<call>/<fileName>.json`. */
  fileName: string;
  description?: string;
  owner?: string;
  sources: string[];
  tags: string[];
  status: EventStatus;
  /** Free text naming what replaces a deprecated event. */
  replacement?: string;
  /** Properties (track/page/screen) or traits (identify/group). */
  properties: PropertyIR[];
  additionalProperties: boolean;
  /** Page/screen only: the planned page or screen names; empty means any name. */
  names: string[];
  /** Identify only: where the SDK puts traits. */
  identitySection?: 'traits' | 'context.traits';
  location: Location;
}

export interface SourceIR {
  id: string;
  name: string;
  sdk?: string;
  description?: string;
  /** Globs of code paths that belong to this source (used by `trackplan lint`). */
  paths: string[];
  location: Location;
}

export type PolicyAction = 'forward' | 'drop';

export interface PolicySettings {
  unplanned_events: PolicyAction;
  unplanned_properties: PolicyAction;
  other_violations: PolicyAction;
  propagate_violations: boolean;
}

export interface PolicyIR extends PolicySettings {
  /** Per-call-type overrides of the plan-wide settings. */
  overrides: Partial<Record<CallType, Partial<PolicySettings>>>;
}

export type RuleSeverity = 'error' | 'warn' | 'off';

export interface RuleSettingIR {
  ruleId: string;
  severity: RuleSeverity;
  options?: unknown;
  location: Location;
}

/** A custom type of the plan's `types:` section, resolved. */
export interface TypeIR extends Omit<PropertyIR, 'required' | 'fromLibrary'> {
  used: boolean;
}

/** The normalized plan: the one structure every output reads. */
export interface PlanIR {
  formatVersion: 1;
  id: string;
  name: string;
  version: string;
  description?: string;
  sources: SourceIR[];
  policy: PolicyIR;
  rules: RuleSettingIR[];
  /** The header's `lint:` settings, typed, with their problems (reported by `trackplan lint`). */
  lint?: LintSettingsIR;
  types: TypeIR[];
  /** The shared property library. */
  library: (PropertyIR & { used: boolean })[];
  /** Every planned call, sorted by call type then name. */
  events: EventIR[];
  /** Files the plan was read from, in load order. */
  files: string[];
  headerLocation: Location;
}

export const DEFAULT_POLICY: PolicySettings = {
  unplanned_events: 'forward',
  unplanned_properties: 'forward',
  other_violations: 'forward',
  propagate_violations: true,
};

/**
 * Where a wrapper call keeps a value: an argument index, optionally a key of an object literal
 * in that argument (`0.properties` is `properties` of the first argument).
 */
export interface ArgumentPath {
  index: number;
  key?: string;
}

/** A wrapper function or method that sends analytics calls, declared in `lint.calls` or `--call`. */
export interface WrapperCall {
  /** Dotted callee as written (`track`, `this.analyticsService.track`, `*.trackEvent`); `this.` and `?.` are ignored. */
  callee: string;
  call: CallType;
  /** Track: the event name; page/screen: the page name. */
  event?: ArgumentPath;
  /** Properties (track/page/screen) or traits (identify/group). */
  properties?: ArgumentPath;
}

/** One `lint.rules` entry: the rule id where it is written and its severity. */
export interface LintRuleSettingIR {
  id: string;
  keyLocation: Location;
  severity: 'error' | 'warn' | 'off';
}

/**
 * The header's `lint:` settings, typed by the normalizer. Problems in them are kept here, not in
 * the plan's diagnostics: they stop `trackplan lint`, not `check` or `build`.
 */
export interface LintSettingsIR {
  location: Location;
  receivers: string[];
  calls: WrapperCall[];
  generated?: string;
  ignore: string[];
  rules: LintRuleSettingIR[];
  diagnostics: Diagnostic[];
  /** The settings as written (plain data), for writing the header back (Sheets push). */
  written: unknown;
}
