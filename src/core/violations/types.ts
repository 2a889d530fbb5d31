/** Violation types: RudderStack's tracking-plan types plus our own `Malformed-Event`. */
export const VIOLATION_TYPES = [
  'Unplanned-Event',
  'Additional-Properties',
  'Required-Missing',
  'Datatype-Mismatch',
  'Advance-Rules-Violation',
  'Unknown-Violation',
  'Malformed-Event',
] as const;

/** A kind of violation: one of `VIOLATION_TYPES`. */
export type ViolationType = (typeof VIOLATION_TYPES)[number];

/** What `meta` of a violation says about the schema check that failed (ajv's names). */
export const VIOLATION_META_KEYS = ['instancePath', 'schemaPath', 'keyword'] as const;

/** One violation, in the shape RudderStack attaches as `context.violationErrors[]`. */
export interface Violation {
  /** The kind of violation. */
  type: ViolationType;
  /** Dotted path of the property concerned, when there is one (`products.0.price`). */
  property?: string;
  /** What is wrong, for people (`must be number`, ...); not stable: match on `type` and `meta`. */
  message: string;
  /** The failed schema check, in ajv's terms. */
  meta: Record<(typeof VIOLATION_META_KEYS)[number], string>;
}

/**
 * The same types as TypeScript source, for generated modules (`validators.d.ts`, `tracking.ts`),
 * written from the lists above so that the two cannot drift apart.
 */
export function violationDeclarations(): string {
  return `/** The kinds of violation, RudderStack's tracking-plan ones and \`Malformed-Event\`. */
export type ViolationType =
${VIOLATION_TYPES.map((type) => `  | ${JSON.stringify(type)}`).join('\n')};

/** One way an event breaks the plan, in the shape RudderStack puts in \`context.violationErrors\`. */
export interface Violation {
  type: ViolationType;
  /** Dotted path of the property concerned, inside the properties or traits (\`items.0.sku\`). */
  property?: string;
  message: string;
  meta: { ${VIOLATION_META_KEYS.map((key) => `${key}: string`).join('; ')} };
}`;
}
