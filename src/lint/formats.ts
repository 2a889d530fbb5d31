import { fullFormats } from 'ajv-formats/dist/formats.js';

type FormatCheck = RegExp | ((value: string) => boolean) | { validate: RegExp | ((value: string) => boolean) };

/**
 * Checks a string literal against a JSON Schema format with the same definitions the runtime
 * validator uses (ajv-formats, full mode). Undefined when the format is unknown.
 */
export function checkFormat(format: string, value: string): boolean | undefined {
  if (!Object.hasOwn(fullFormats, format)) return undefined;
  const check = (fullFormats as Record<string, FormatCheck | undefined>)[format];
  if (check === undefined || typeof check === 'boolean') return undefined;
  const validate = check instanceof RegExp || typeof check === 'function' ? check : check.validate;
  return validate instanceof RegExp ? validate.test(value) : validate(value);
}
