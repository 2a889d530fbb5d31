/**
 * The JSON Schema of the plan format itself (YAML, format version 1). Editors use the published
 * copy (`schema/plan-format.schema.json`) through yaml-language-server; the normalizer takes its
 * lists of known keys and allowed values from here, so the two cannot drift apart.
 */
const stringList = { type: 'array', items: { type: 'string' } } as const;

const typeName = {
  type: 'string',
  description: 'A built-in type (string, number, integer, boolean, object, array, null, any) or a name from `types:`.',
} as const;

const definitionKeys = {
  type: { description: 'A type name, or a list of them for a union.', anyOf: [typeName, { type: 'array', items: typeName, minItems: 1 }] },
  nullable: { type: 'boolean', description: 'Also allow null.' },
  description: { type: 'string' },
  enum: { type: 'array', description: 'Allowed values.', items: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }] } },
  pattern: { type: 'string', description: 'A regular expression (ECMAScript, unicode) that string values must match.' },
  format: { type: 'string', description: 'A JSON Schema format: email, uri, date-time, uuid, ...' },
  minimum: { type: 'number' },
  maximum: { type: 'number' },
  minLength: { type: 'integer', minimum: 0 },
  maxLength: { type: 'integer', minimum: 0 },
  items: { $ref: '#/definitions/property', description: 'The definition of each item of an array.' },
  properties: { $ref: '#/definitions/propertyMap', description: 'Nested properties of an object.' },
  additional_properties: { type: 'boolean', description: 'Allow properties that are not planned (default: false when properties are listed).' },
  pii: { type: 'boolean', description: 'The value is personal data.' },
  deprecated: { type: 'boolean' },
} as const;

const callKeys = {
  description: { type: 'string' },
  owner: { type: 'string', description: 'The team or person who answers for this event.' },
  sources: { ...stringList, description: 'Ids of the header `sources:` that send this event.' },
  tags: stringList,
  status: { enum: ['active', 'deprecated'] },
  replaced_by: { type: 'string', description: 'For a deprecated event: what to send instead.' },
  additional_properties: { type: 'boolean', description: 'Allow properties that are not planned (default: false).' },
} as const;

const policySettings = {
  unplanned_events: { enum: ['forward', 'drop'] },
  unplanned_properties: { enum: ['forward', 'drop'] },
  other_violations: { enum: ['forward', 'drop'] },
  propagate_violations: { type: 'boolean' },
} as const;

export const SDK_NAMES = [
  'rudderstack-js',
  'rudderstack-node',
  'rudderstack-go',
  'rudderstack-ios',
  'rudderstack-android',
  'segment-js',
  'segment-node',
  'webhook',
  'cloud',
  'other',
] as const;

export const planFormatSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://trackplan.dev/schema/plan-format-1.json',
  title: 'trackplan plan file (format 1)',
  description: 'One YAML file of a trackplan plan folder. Exactly one file holds the header (`trackplan: 1`).',
  type: 'object',
  additionalProperties: false,
  properties: {
    trackplan: { const: 1, description: 'Plan format version; marks the header file.' },
    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'Stable plan id, carried as context.trackingPlanId.' },
    name: { type: 'string' },
    version: { type: 'string', description: 'Semantic version of the plan, carried as context.trackingPlanVersion.' },
    description: { type: 'string' },
    include: { ...stringList, description: 'Globs (relative to the plan folder) of the files that make up the plan; default: every *.yaml.' },
    sources: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          sdk: { enum: SDK_NAMES },
          description: { type: 'string' },
          paths: { ...stringList, description: 'Globs of code paths that belong to this source (trackplan lint).' },
        },
      },
    },
    policy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...policySettings,
        track: { $ref: '#/definitions/policySettings' },
        identify: { $ref: '#/definitions/policySettings' },
        page: { $ref: '#/definitions/policySettings' },
        screen: { $ref: '#/definitions/policySettings' },
        group: { $ref: '#/definitions/policySettings' },
      },
    },
    rules: {
      type: 'object',
      description: 'Severity of `trackplan check` rules: error, warn or off, or [severity, options].',
      additionalProperties: {
        anyOf: [
          { enum: ['error', 'warn', 'off'] },
          { type: 'array', items: [{ enum: ['error', 'warn', 'off'] }], minItems: 1, additionalItems: false },
          { type: 'array', items: [{ enum: ['error', 'warn', 'off'] }, { description: 'Rule options.' }], minItems: 2, additionalItems: false },
        ],
      },
    },
    lint: { type: 'object', description: 'Settings of `trackplan lint` (calls, wrappers).' },
    types: { type: 'object', additionalProperties: { $ref: '#/definitions/typeDefinition' } },
    properties: { $ref: '#/definitions/propertyMap', description: 'The shared property library: events refer to these by name.' },
    events: {
      type: 'object',
      description: 'Track events, keyed by exact event name.',
      additionalProperties: { anyOf: [{ type: 'null' }, { $ref: '#/definitions/trackEvent' }] },
    },
    identify: { $ref: '#/definitions/identify' },
    page: { $ref: '#/definitions/pageOrScreen' },
    screen: { $ref: '#/definitions/pageOrScreen' },
    group: { $ref: '#/definitions/group' },
  },
  definitions: {
    policySettings: { type: 'object', additionalProperties: false, properties: policySettings },
    typeDefinition: { type: 'object', additionalProperties: false, properties: definitionKeys },
    property: {
      anyOf: [
        { type: 'null', description: 'No type: refers to the library property of the same name.' },
        { ...typeName, description: 'Shorthand for { type: <name> }.' },
        {
          type: 'object',
          additionalProperties: false,
          properties: { ...definitionKeys, required: { type: 'boolean' } },
        },
      ],
    },
    propertyMap: { type: 'object', additionalProperties: { $ref: '#/definitions/property' } },
    trackEvent: {
      type: 'object',
      additionalProperties: false,
      properties: { ...callKeys, properties: { $ref: '#/definitions/propertyMap' } },
    },
    identify: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...callKeys,
        traits: { $ref: '#/definitions/propertyMap' },
        identity_section: { enum: ['traits', 'context.traits'], description: 'Where the SDK puts identify traits (default: traits).' },
      },
    },
    group: {
      type: 'object',
      additionalProperties: false,
      properties: { ...callKeys, traits: { $ref: '#/definitions/propertyMap' } },
    },
    pageOrScreen: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...callKeys,
        properties: { $ref: '#/definitions/propertyMap' },
        names: { ...stringList, description: 'Planned page/screen names; when empty, any name is accepted.' },
      },
    },
  },
} as const;

export const HEADER_KEYS = ['trackplan', 'id', 'name', 'version', 'description', 'include', 'sources', 'policy', 'rules', 'lint'] as const;
export const FILE_KEYS = Object.keys(planFormatSchema.properties);
export const DEFINITION_KEYS = Object.keys(definitionKeys);
export const PROPERTY_KEYS = [...DEFINITION_KEYS, 'required'];
export const TRACK_EVENT_KEYS = Object.keys(planFormatSchema.definitions.trackEvent.properties);
export const IDENTIFY_KEYS = Object.keys(planFormatSchema.definitions.identify.properties);
export const GROUP_KEYS = Object.keys(planFormatSchema.definitions.group.properties);
export const PAGE_KEYS = Object.keys(planFormatSchema.definitions.pageOrScreen.properties);
export const SOURCE_KEYS = Object.keys(planFormatSchema.properties.sources.additionalProperties.properties);
export const POLICY_SETTING_KEYS = Object.keys(policySettings);
export const POLICY_KEYS = Object.keys(planFormatSchema.properties.policy.properties);
