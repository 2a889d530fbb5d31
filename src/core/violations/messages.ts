import { formatMessage } from '../diagnostics.js';

/**
 * Violation messages by stable id. The id of a `Malformed-Event` is its `meta.keyword`, so tools
 * (and tests) can tell the reasons apart without reading prose.
 */
export const VIOLATION_MESSAGES = {
  unplannedEvent: 'event "{event}" is not in tracking plan {plan}',
  unplannedName: '{call} name "{event}" is not in tracking plan {plan} (planned: {names})',
  missingName: '{call} has no name; tracking plan {plan} plans the names {names}',
  additionalProperty: '{path} is not in the plan',
  requiredMissing: 'required property {path} is missing',
  datatypeMismatch: '{path} must be {expected}, got {actual}',
  rule: '{path} {detail}',
  notObject: 'message is not a JSON object (got {actual})',
  missingType: 'message has no "type"',
  unknownType: '"type" is {actual}; expected one of track, identify, page, screen, group, alias',
  missingEvent: 'track message has no "event"',
  invalidEvent: '"event" must be a non-empty string, got {actual}',
  invalidJson: 'line is not valid JSON: {detail}',
  tooLarge: 'line is {bytes} bytes, over the limit of {limit} bytes (--max-event-bytes)',
  invalidUtf8: 'line is not valid UTF-8',
  internal: 'could not validate the message: {detail}',
  duplicateKey: 'the key {path} appears more than once; a message with a repeated key is not judged on one of its values',
  tooDeep: 'the message nests deeper than {limit} levels',
  unserializable: 'the event cannot be passed on with its changes ({detail}); dropped',
} as const;

export type ViolationMessageId = keyof typeof VIOLATION_MESSAGES;

export function violationMessage(id: ViolationMessageId, data: Record<string, string | number> = {}): string {
  return formatMessage(VIOLATION_MESSAGES[id], data);
}

/** The JSON type of a value, for "must be X, got Y" (`integer` is not a JSON type of its own). */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}
