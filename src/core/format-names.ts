import type { FormatName } from 'ajv-formats/dist/formats.js';

/**
 * The JSON Schema formats ajv-formats implements (the runtime validates with it); anything else is
 * a typo or unsupported. The names come from ajv-formats' own `FormatName` type when this compiles:
 * a format it adds or drops fails the type check here instead of drifting silently.
 */
const FORMATS: Record<FormatName, true> = {
  'date': true, 'time': true, 'date-time': true, 'iso-time': true, 'iso-date-time': true, 'duration': true,
  'uri': true, 'uri-reference': true, 'uri-template': true, 'url': true, 'email': true, 'hostname': true,
  'ipv4': true, 'ipv6': true, 'regex': true, 'uuid': true, 'json-pointer': true, 'json-pointer-uri-fragment': true,
  'relative-json-pointer': true, 'byte': true, 'int32': true, 'int64': true, 'float': true, 'double': true,
  'password': true, 'binary': true,
};

export const KNOWN_FORMATS = Object.keys(FORMATS) as readonly FormatName[];

export function isKnownFormat(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}
