import { fastFormats, formatNames, fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { compileRuntimePlan } from '../../src/core/compiled-plan.js';
import { createValidator } from '../../src/runtime/validator.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { isKnownFormat, KNOWN_FORMATS } from '../../src/core/format-names.js';
import { tempTree } from '../helpers/temp.js';

const HEADER = 'trackplan: 1\nid: p\nname: P\nversion: 1.0.0\n';

describe('format names', () => {
  it('are exactly the formats ajv-formats implements, in its order', () => {
    expect(KNOWN_FORMATS).toEqual(formatNames);
    expect(Object.keys(fullFormats).sort()).toEqual([...KNOWN_FORMATS].sort());
    expect(Object.keys(fastFormats).sort()).toEqual([...KNOWN_FORMATS].sort());
    expect(isKnownFormat('emial')).toBe(false);
  });

  // Regression: the hand-kept copy had drifted and rejected these two.
  it.each([
    ['iso-time', '10:20:30Z', '25:00'],
    ['iso-date-time', '2026-01-02T10:20:30Z', '2026-13-02T10:20:30Z'],
  ])('%s is accepted by the loader and checked by the validator', async (format, good, bad) => {
    const dir = await tempTree({ 'plans/plan.yaml': `${HEADER}events:\n  e:\n    properties:\n      at: { type: string, format: ${format}, required: true }\n` });
    const { plan, diagnostics } = await loadPlan('plans', { cwd: dir });
    expect(diagnostics).toEqual([]);
    const validator = createValidator(compileRuntimePlan(plan!), { formats: 'full' });
    expect(validator.validate({ type: 'track', event: 'e', properties: { at: good } }).violations).toEqual([]);
    expect(validator.validate({ type: 'track', event: 'e', properties: { at: bad } }).violations.map((v) => v.meta.keyword)).toEqual(['format']);
  });
});
