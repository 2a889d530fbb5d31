/** Keywords that only annotate (no effect on validation): read where useful, never reported. */
export const ANNOTATIONS: ReadonlySet<string> = new Set([
  '$schema', '$id', '$comment', 'title', 'description', 'examples', 'default', 'readOnly', 'writeOnly',
  'deprecated', '$defs', 'definitions', 'contentMediaType', 'contentEncoding', '$vocabulary',
]);

/** Keywords the converter maps onto the plan model (exactly, or reporting what it loses). */
export const HANDLED: ReadonlySet<string> = new Set([
  'type', 'enum', 'const', 'pattern', 'format', 'minimum', 'maximum', 'minLength', 'maxLength',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'items', 'properties', 'required',
  'additionalProperties', '$ref',
]);

/** Validation keywords of JSON Schema (drafts 04 to 2020-12) that the plan model cannot hold. */
export const UNSUPPORTED: Readonly<Record<string, string>> = {
  allOf: 'the plan has no schema intersections',
  anyOf: 'the plan has no alternatives of shapes',
  oneOf: 'the plan has no alternatives of shapes',
  not: 'the plan has no negation',
  if: 'the plan has no conditional schemas',
  then: 'the plan has no conditional schemas',
  else: 'the plan has no conditional schemas',
  minItems: 'the plan has no array length bounds',
  maxItems: 'the plan has no array length bounds',
  uniqueItems: 'the plan has no array uniqueness',
  contains: 'the plan has no array item conditions',
  minContains: 'the plan has no array item conditions',
  maxContains: 'the plan has no array item conditions',
  additionalItems: 'the plan has no tuples',
  prefixItems: 'the plan has no tuples',
  unevaluatedItems: 'the plan has no tuples',
  unevaluatedProperties: 'the plan has only additional_properties',
  patternProperties: 'the plan has no property-name patterns',
  propertyNames: 'the plan has no property-name rules',
  dependencies: 'the plan has no dependent properties',
  dependentRequired: 'the plan has no dependent properties',
  dependentSchemas: 'the plan has no dependent properties',
  minProperties: 'the plan has no property counts',
  maxProperties: 'the plan has no property counts',
  $anchor: 'the plan has no anchors',
  $dynamicRef: 'the plan has no dynamic references',
  $dynamicAnchor: 'the plan has no dynamic references',
  $recursiveRef: 'the plan has no recursive references',
  $recursiveAnchor: 'the plan has no recursive references',
};

export const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;

/** Keywords that constrain only values of one JSON type (no-ops for the others). */
export const STRING_KEYWORDS = ['pattern', 'format', 'minLength', 'maxLength'] as const;
export const NUMBER_KEYWORDS = ['minimum', 'maximum'] as const;
