import type { CallType, PolicySettings } from '../core/ir.js';
import type { Violation } from '../core/violations/types.js';

export type { Violation, ViolationType } from '../core/violations/types.js';

/** What the policy did with an event. */
export type Outcome = 'forwarded' | 'stripped' | 'dropped';

/** What the validator says about one message: valid, the outcome, the violations, the message to pass on. */
export interface ValidationResult {
  /** True when the message follows the plan. */
  valid: boolean;
  /** Every way the message breaks the plan. */
  violations: Violation[];
  /** What the policy does with it: forwarded, stripped (unplanned properties removed) or dropped. */
  outcome: Outcome;
  /** The call type and event name, when the message had them. */
  call?: CallType | 'alias' | string | undefined;
  /** Track: the event name; page/screen: the page or screen name, when there is one. */
  event?: string | undefined;
  /** The message to pass on (unplanned properties stripped, violations attached) unless dropped. */
  message?: Record<string, unknown> | undefined;
  /**
   * The message exactly as received (never modified). A violations sink keeps it for dropped
   * events, so that nothing the policy drops is lost.
   */
  input?: unknown;
}

/** A validator compiled once from a plan, to validate many messages. */
export interface Validator {
  /** The id of the plan it validates against. */
  readonly planId: string;
  /** The version of that plan. */
  readonly planVersion: string;
  /** Validates one message (a parsed JSON object); never throws, never modifies the message. */
  validate(message: unknown): ValidationResult;
}

/** Policy settings that override the plan's own: plan-wide ones and per call type. */
export interface PolicyOverride extends Partial<PolicySettings> {
  /** Settings for one call type (`identify: { unplannedProperties: 'drop' }`), over the plan's for that call type. */
  overrides?: Partial<Record<CallType, Partial<PolicySettings>>>;
}

/** Options of `createValidator`: the policy and its overrides. */
export interface ValidatorOptions {
  /**
   * Overrides of the plan's policy. They win over the plan at every level: a plan-wide setting
   * given here beats the plan's per-call-type overrides too (an operator's flag is the last word).
   */
  policy?: PolicyOverride;
  /**
   * `fast` (default): regex-only format checks (`date` as `\d{4}-\d\d-\d\d`, a simple email
   * shape); `full`: ajv-formats' full checks (calendar dates, RFC 5322 email, ...), slower.
   */
  formats?: 'fast' | 'full';
  /**
   * Patterns proven free of catastrophic backtracking (by `checkPatternSafety`): they run on the
   * native engine. Every other `pattern` runs on a linear-time engine (RE2JS).
   */
  safePatterns?: ReadonlySet<string>;
}

/**
 * One violating event as `validate --format json` writes it and the HTTP server's violations
 * file stores it (DESIGN section 5). Keys are always present (null when the event had none).
 */
export interface ViolationRecord {
  /** 1-based line of the NDJSON input, null for events that did not come from a file. */
  line: number | null;
  /** The message's `messageId`, when it had one as a string. */
  messageId: string | null;
  /** The call type (`track`, `identify`, ...). */
  type: string | null;
  /** The track event or page/screen name, when there is one. */
  event: string | null;
  /** What the policy did with the event. */
  outcome: Outcome;
  /** Every way the event breaks the plan (see `omittedViolations`). */
  violations: Violation[];
  /** The message as received, only when it was dropped: the sink keeps what the policy dropped. */
  message?: unknown;
  /** The raw text of a line that was not JSON (dropped, so kept here). */
  raw?: string;
  /** The beginning of the message's text, when the whole record would pass the record size limit. */
  excerpt?: string;
  /** Set when `message` or `raw` gave way to `excerpt` (or to nothing). */
  truncated?: true;
  /** Violations left out to keep the record within the limit. */
  omittedViolations?: number;
}
