/**
 * Event data schemas with every constraint the plan can hold (exactly) and a few it cannot
 * (reported): the equivalence tests wrap them in each format's envelope.
 */
export const EXACT_PROPERTIES: Record<string, unknown> = {
  plain: { type: 'string', description: 'a plain string' },
  nullable_text: { type: ['string', 'null'], maxLength: 8 },
  union: { type: ['string', 'null', 'integer'], minLength: 2, minimum: 3 },
  size: { type: 'string', enum: ['S', 'M', 'L'] },
  pinned: { const: 'fixed' },
  untyped_enum: { enum: [1, 2, 3] },
  sku: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{4}$' },
  when: { type: 'string', format: 'date-time' },
  email: { type: 'string', format: 'email' },
  price: { type: 'number', minimum: 0, maximum: 1000 },
  quantity: { type: 'number', multipleOf: 1, minimum: 1 },
  rank: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 },
  name: { type: 'string', minLength: 1, maxLength: 20 },
  flag: { type: 'boolean' },
  anything: {},
  either: { anyOf: [{ type: 'string', maxLength: 3 }, { type: 'integer', minimum: 0 }, { type: 'null' }] },
  address: {
    type: 'object',
    properties: { city: { type: 'string' }, zip: { type: 'string', pattern: '^[0-9]{5}$' } },
    required: ['city'],
    additionalProperties: false,
  },
  open_object: { type: 'object', properties: { a: { type: 'integer' } } },
  products: {
    type: 'array',
    items: {
      type: 'object',
      properties: { id: { type: 'string' }, price: { type: 'number', minimum: 0 } },
      required: ['id'],
      additionalProperties: false,
    },
  },
  tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
  ref_type: { $ref: '#/definitions/money' },
};

/** What the plan cannot hold: each import must warn, and may only accept more, never less. */
export const LOSSY_PROPERTIES: Record<string, unknown> = {
  shape: { oneOf: [{ type: 'object', properties: { r: { type: 'number' } }, required: ['r'] }, { type: 'object', properties: { w: { type: 'number' } }, required: ['w'] }] },
  few: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2, uniqueItems: true },
  step: { type: 'number', multipleOf: 5 },
  ratio: { type: 'number', exclusiveMinimum: 0 },
  tree: { $ref: '#/definitions/node' },
  outside: { $ref: 'https://example.com/schemas/thing.json' },
  untyped_pattern: { pattern: '^a' },
};

export const DEFINITIONS: Record<string, unknown> = {
  money: { type: 'object', properties: { amount: { type: 'number' }, currency: { type: 'string', enum: ['EUR', 'USD'] } }, required: ['amount', 'currency'], additionalProperties: false },
  node: { type: 'object', properties: { value: { type: 'string' }, child: { $ref: '#/definitions/node' } } },
};

/** The data object of an event with the given properties. */
export function dataSchema(properties: Record<string, unknown>, additional: boolean | undefined): Record<string, unknown> {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((name) => !['anything', 'either', 'open_object', 'tags', 'outside', 'untyped_pattern'].includes(name)),
    ...(additional === undefined ? {} : { additionalProperties: additional }),
  };
}
