import type { CallType } from '../core/ir.js';

/** Violation types: RudderStack's tracking-plan types plus our own `Malformed-Event`. */
export type ViolationType =
  | 'Unplanned-Event'
  | 'Additional-Properties'
  | 'Required-Missing'
  | 'Datatype-Mismatch'
  | 'Advance-Rules-Violation'
  | 'Unknown-Violation'
  | 'Malformed-Event';

/** One violation, in the shape RudderStack attaches as `context.violationErrors[]`. */
export interface Violation {
  type: ViolationType;
  /** Dotted path of the property concerned, when there is one (`products.0.price`). */
  property?: string;
  message: string;
  meta: { instancePath: string; schemaPath: string; keyword: string };
}

/** What the policy did with an event. */
export type Outcome = 'forwarded' | 'stripped' | 'dropped';

export interface ValidationResult {
  valid: boolean;
  violations: Violation[];
  outcome: Outcome;
  /** The call type and event name, when the message had them. */
  call?: CallType | 'alias' | string;
  event?: string;
  /** The message to pass on (unplanned properties stripped, violations attached) unless dropped. */
  message?: Record<string, unknown>;
}

export interface Validator {
  readonly planId: string;
  readonly planVersion: string;
  validate(message: unknown): ValidationResult;
}
