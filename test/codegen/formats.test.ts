import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRuntimePlan } from '../../src/core/compiled-plan.js';
import { createValidator } from '../../src/runtime/validator.js';
import { buildToTemp, planFromYaml } from './helpers.js';

// validators.js carries its own code for the function formats of ajv-formats and for string
// lengths; these must decide exactly as ajv with ajv-formats does in the runtime validator.
const plan = planFromYaml(`events:
  checked:
    properties:
      re: { type: string, format: regex }
      b64: { type: string, format: byte }
      day: { type: string, format: date }
      at: { type: string, format: date-time }
      site: { type: string, format: uri }
      id: { type: string, format: uuid }
      short: { type: string, maxLength: 3, minLength: 2 }
      "odd/name~x y": { type: integer, minimum: 1 }
`);

const SAMPLES: Record<string, unknown[]> = {
  re: ['^a+$', '(', '[a-z', 'a\\\\Z', 'ab\\\\Z', '\\\\d{2,}', '(?<n>x)\\\\k<n>', '', 5],
  b64: ['', 'YQ==', 'YWI=', 'YWJj', 'YWJ', 'Y', '!!!!', 'YQ==\nYWJj', 'YQ=\n', ' YQ=='],
  day: ['2024-02-29', '2024-13-01', '24-01-01', '2024-1-1'],
  at: ['2024-05-01T10:00:00Z', '2024-05-01 10:00:00+02:00', '2024-05-01', 'now'],
  site: ['https://example.com/a?b#c', 'example.com', 'mailto:a@b.c', 'http://a b'],
  id: ['123e4567-e89b-12d3-a456-426614174000', '123e4567e89b12d3a456426614174000', 'urn:uuid:123e4567-e89b-12d3-a456-426614174000'],
  short: ['ab', 'abc', 'abcd', 'a', '🚀🚀', '🚀🚀🚀🚀', 'é́'],
  // JSON pointer and URI escapes in instancePath and schemaPath.
  'odd/name~x y': [1, 0, 'one'],
};

describe('formats and lengths in validators.js agree with ajv-formats', async () => {
  const { dir } = await buildToTemp(plan);
  const { validateEvent } = (await import(pathToFileURL(path.join(dir, 'validators.js')).href)) as { validateEvent(event: unknown): unknown[] };
  const runtime = createValidator(compileRuntimePlan(plan));
  const cases = Object.entries(SAMPLES).flatMap(([property, values]) => values.map((value) => [property, value] as const));

  it.each(cases)('%s = %j', (property, value) => {
    const event = { type: 'track', event: 'checked', properties: { [property]: value } };
    expect(validateEvent(event)).toEqual(runtime.validate(event).violations);
  });

  it('has samples on both sides of every check', () => {
    for (const [property, values] of Object.entries(SAMPLES)) {
      const results = values.map((value) => validateEvent({ type: 'track', event: 'checked', properties: { [property]: value } }).length === 0);
      expect(results, property).toContain(true);
      expect(results, property).toContain(false);
    }
  });
});
