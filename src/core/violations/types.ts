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
