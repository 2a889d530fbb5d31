import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createRegExpEngine } from '../../src/runtime/regexp-engine.js';

// Regression: ajv caches a compiled pattern under its `toString()`. The RE2 wrapper had none, so
// every pattern on RE2 shared the key "[object Object]" and the first one compiled judged all of
// them: `^[0-9]{5}$` rejected "00000" after `^[A-Z]{3}-[0-9]{4}$` had been compiled.
describe('the RE2 engine under ajv', () => {
  const schema = {
    type: 'object',
    properties: {
      sku: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{4}$' },
      zip: { type: 'string', pattern: '^[0-9]{5}$' },
      code: { type: 'string', pattern: '^(a+)+$' },
    },
  };
  const cases: [string, Record<string, string>, boolean][] = [
    ['each pattern judges its own value', { sku: 'AAA-0000', zip: '00000', code: 'aaa' }, true],
    ['the second pattern still rejects', { zip: 'AAA-0000' }, false],
    ['the first pattern still rejects', { sku: '00000' }, false],
    ['a ReDoS-prone pattern answers in linear time', { code: `${'a'.repeat(5000)}!` }, false],
  ];
  for (const safe of [new Set<string>(), new Set(['^[A-Z]{3}-[0-9]{4}$'])]) {
    const ajv = new Ajv({ allErrors: true, code: { optimize: false, regExp: createRegExpEngine(safe) } });
    const validate = ajv.compile(schema);
    it.each(cases)(`%s (${safe.size} pattern(s) on V8)`, (_label, data, valid) => {
      expect(validate(data)).toBe(valid);
    });
  }
});
