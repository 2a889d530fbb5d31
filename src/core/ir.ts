import type { Diagnostic } from './diagnostics.js';
import type { Location } from './location.js';

/** The calls of the Segment/RudderStack spec that a plan can constrain (alias carries no data). */
export const CALL_TYPES = ['track', 'identify', 'page', 'screen', 'group'] as const;
/** A call of the Segment/RudderStack spec that a plan can constrain. */
export type CallType = (typeof CALL_TYPES)[number];

/** The JSON types a plan property can have, plus `any`. */
export const PRIMITIVE_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null', 'any'] as const;
/** A JSON type of a plan property, or `any`. */
export type PrimitiveType = (typeof PRIMITIVE_TYPES)[number];

/** A value an `enum` may list. */
export type EnumValue = string | number | boolean | null;

/** A property (or trait) after custom types and library references are resolved. */
export interface PropertyIR {
  /** The property name as sent. */
  name: string;
  /** Resolved JSON types, sorted; `['any']` means unconstrained. Never contains `null`: see `nullable`. */
  type: PrimitiveType[];
  /** Custom type names this property was built from, outermost first (for docs and codegen). */
  typeNames: string[];
  /** True when the definition came from the shared property library. */
  fromLibrary: boolean;
  /** Whether the message must have it. */
  required: boolean;
  /** Whether `null` is allowed besides `type`. */
  nullable: boolean;
  /** What it means, for people. */
  description?: string;
  /** The allowed values. */
  enum?: EnumValue[];
  /** A regular expression (Unicode) a string must match. */
  pattern?: string;
  /** A format name of ajv-formats (`email`, `date-time`, ...). */
  format?: string;
  /** Smallest number allowed. */
  minimum?: number;
  /** Largest number allowed. */
  maximum?: number;
  /** Shortest string allowed. */
  minLength?: number;
  /** Longest string allowed. */
  maxLength?: number;
  /** Item definition when `type` includes `array`. */
  items?: PropertyIR;
  /** Nested properties when `type` includes `object`. */
  properties?: PropertyIR[];
  /** Whether an object may have properties not listed. */
  additionalProperties: boolean;
  /** Whether the value is personal data. */
  pii: boolean;
  /** Whether the property should no longer be sent. */
  deprecated: boolean;
  /** Where the property's own definition (its key) stands. */
  location: Location;
}

/** Whether an event is in use or on its way out. */
export type EventStatus = 'active' | 'deprecated';

/** One planned call: a track event by name, or the identify/page/screen/group definition. */
export interface EventIR {
  /** The call type. */
  call: CallType;
  /** Track: the exact event name. Other calls: the call type itself (`identify`, `page`, ...). */
  name: string;
  /** Safe, stable file stem for `generated/schemas/<call>/<fileName>.json`. */
  fileName: string;
  /** What the event means, for people. */
  description?: string;
  /** The team that owns it. */
  owner?: string;
  /** Ids of the sources that send it; empty means any. */
  sources: string[];
  /** Free labels. */
  tags: string[];
  /** Active or deprecated. */
  status: EventStatus;
  /** Free text naming what replaces a deprecated event. */
  replacement?: string;
  /** Properties (track/page/screen) or traits (identify/group). */
  properties: PropertyIR[];
  /** Whether properties not listed are allowed. */
  additionalProperties: boolean;
  /** Page/screen only: the planned page or screen names; empty means any name. */
  names: string[];
  /** Identify only: where the SDK puts traits. */
  identitySection?: 'traits' | 'context.traits';
  /** Where its definition stands. */
  location: Location;
}

/** A source of events (an app or service), from the header. */
export interface SourceIR {
  /** The id the plan uses for it. */
  id: string;
  /** Its name for people. */
  name: string;
  /** The SDK it sends with (`segment-js`, `rudderstack-node`, ...). */
  sdk?: string;
  /** What it is, for people. */
  description?: string;
  /** Globs of code paths that belong to this source (used by `trackplan lint`). */
  paths: string[];
  /** Where it is declared. */
  location: Location;
}

/** What the runtime does with a message that breaks a policy: pass it on or drop it. */
export type PolicyAction = 'forward' | 'drop';

/** The runtime policy for unplanned events, unplanned properties and other violations (RudderStack semantics). */
export interface PolicySettings {
  /** Events the plan does not list. */
  unplanned_events: PolicyAction;
  /** Properties the plan does not list: `drop` strips them and keeps the event. */
  unplanned_properties: PolicyAction;
  /** Every other violation. */
  other_violations: PolicyAction;
  /** Attach `context.violationErrors` to passed-on messages. */
  propagate_violations: boolean;
}

/** The plan's runtime policy, with per-call-type overrides. */
export interface PolicyIR extends PolicySettings {
  /** Per-call-type overrides of the plan-wide settings. */
  overrides: Partial<Record<CallType, Partial<PolicySettings>>>;
}

/** The severity a plan gives a rule. */
export type RuleSeverity = 'error' | 'warn' | 'off';

/** One entry of the header's `rules:`: a rule, its severity and options. */
export interface RuleSettingIR {
  /** The rule. */
  ruleId: string;
  /** Its severity. */
  severity: RuleSeverity;
  /** Its options as written. */
  options?: unknown;
  /** Where the setting stands. */
  location: Location;
}

/** A custom type of the plan's `types:` section, resolved. */
export interface TypeIR extends Omit<PropertyIR, 'required' | 'fromLibrary'> {
  /** Whether any property uses it. */
  used: boolean;
}

/** The normalized plan: the one structure every output reads. */
export interface PlanIR {
  /** The plan format version (`trackplan: 1`). */
  formatVersion: 1;
  /** The stable plan id (carried as `context.trackingPlanId`). */
  id: string;
  /** The plan name for people. */
  name: string;
  /** The semver of the plan (carried as `context.trackingPlanVersion`). */
  version: string;
  /** What the plan covers. */
  description?: string;
  /** The sources of events. */
  sources: SourceIR[];
  /** The runtime policy. */
  policy: PolicyIR;
  /** The header's plan rule settings. */
  rules: RuleSettingIR[];
  /** The header's `lint:` settings, typed, with their problems (reported by `trackplan lint`). */
  lint?: LintSettingsIR;
  /** The custom types. */
  types: TypeIR[];
  /** The shared property library. */
  library: (PropertyIR & { used: boolean })[];
  /** Every planned call, sorted by call type then name. */
  events: EventIR[];
  /** Files the plan was read from, in load order. */
  files: string[];
  /** Where the header starts. */
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
  /** The argument, 0-based. */
  index: number;
  /** A key of the object literal in that argument. */
  key?: string;
}

/** A wrapper function or method that sends analytics calls, declared in `lint.calls` or `--call`. */
export interface WrapperCall {
  /** Dotted callee as written (`track`, `this.analyticsService.track`, `*.trackEvent`); `this.` and `?.` are ignored. */
  callee: string;
  /** The call type it sends. */
  call: CallType;
  /** Track: the event name; page/screen: the page name. */
  event?: ArgumentPath;
  /** Properties (track/page/screen) or traits (identify/group). */
  properties?: ArgumentPath;
  /**
   * Node-style wrappers: the argument that is one message object, read as a Node SDK message
   * (`event` or `name`, `properties` or `traits`); replaces `event` and `properties`.
   */
  message?: number;
  /**
   * The module the callee's binding comes from: an import specifier as written (`@/lib/analytics`),
   * or a path glob relative to the working directory matched against the resolved file.
   */
  from?: string;
  /** How the wrapper changes the name before it sends it, so the linted name is the sent name. */
  name?: NameTransform;
}

/**
 * A wrapper's change of the name: a constant `prefix` and/or `suffix`, or a regular expression
 * `pattern` (JavaScript syntax) whose first match is replaced by `replace`; never both kinds.
 */
export interface NameTransform {
  /** Text put before the name. */
  prefix?: string;
  /** Text put after the name. */
  suffix?: string;
  /** A JavaScript regular expression; its first match in the name is replaced. */
  pattern?: string;
  /** The replacement of the pattern's match (`$1`, `$<name>` refer to its groups). */
  replace?: string;
}

/** One `lint.rules` entry: the rule id where it is written and its severity. */
export interface LintRuleSettingIR {
  /** The lint rule. */
  id: string;
  /** Where its key stands. */
  keyLocation: Location;
  /** Its severity. */
  severity: 'error' | 'warn' | 'off';
}

/**
 * The header's `lint:` settings, typed by the normalizer. Problems in them are kept here, not in
 * the plan's diagnostics: they stop `trackplan lint`, not `check` or `build`.
 */
export interface LintSettingsIR {
  /** Where the `lint:` key stands. */
  location: Location;
  /** Names of the SDK objects (`analytics`, `rudderanalytics`). */
  receivers: string[];
  /** Declared wrapper calls. */
  calls: WrapperCall[];
  /** Where the generated tracking module is. */
  generated?: string;
  /** Globs of files not to lint. */
  ignore: string[];
  /** Lint rule severities. */
  rules: LintRuleSettingIR[];
  /** Problems in these settings. */
  diagnostics: Diagnostic[];
  /** The settings as written (plain data), for writing the header back (Sheets push). */
  written: unknown;
}
