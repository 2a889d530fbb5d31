/**
 * ajv standalone code inlines formats that are regular expressions, but refers to function formats
 * with `require("ajv-formats/...")`, which would tie the generated file to packages the app may
 * not have. These are the function formats of ajv-formats' fast mode (the runtime validator's
 * default) as code the generated file carries itself, with the same results (tests hold them to
 * ajv-formats).
 */
export const FUNCTION_FORMATS: Record<string, { type: 'string' | 'number'; source: string }> = {
  // ajv-formats rejects PCRE's \Z anchor, which JavaScript would read as a plain `Z`.
  regex: {
    type: 'string',
    source: '(value) => { if (/[^\\\\]\\\\Z/.test(value)) return false; try { new RegExp(value); return true; } catch { return false; } }',
  },
  // Multi-line on purpose, as in ajv-formats: each line is checked on its own.
  byte: { type: 'string', source: '(value) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/m.test(value)' },
  int32: { type: 'number', source: '(value) => Number.isInteger(value) && value <= 2 ** 31 - 1 && value >= -(2 ** 31)' },
  int64: { type: 'number', source: '(value) => Number.isInteger(value)' },
  float: { type: 'number', source: '() => true' },
  double: { type: 'number', source: '() => true' },
};

/** Counts code points, as JSON Schema lengths do (an emoji is one character, not two UTF-16 units). */
export const UCS2_LENGTH_SOURCE = `function $ucs2length(text) {
  let length = 0;
  for (const _ of text) length++;
  return length;
}`;
