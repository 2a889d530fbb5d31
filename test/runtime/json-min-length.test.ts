import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minNumberLength } from '../../src/runtime/json-min-length.js';

// The length check of the duplicate-key fast path is sound only if no literal that parses to a
// number is shorter than minNumberLength says.
describe('minNumberLength', () => {
  const cases: { literal: string; expected: number }[] = [
    { literal: '0', expected: 1 },
    { literal: '-0', expected: 1 },
    { literal: '7', expected: 1 },
    { literal: '-7', expected: 2 },
    { literal: '10', expected: 2 },
    { literal: '900', expected: 3 },
    { literal: '1000', expected: 3 }, // 1e3
    { literal: '1440', expected: 4 },
    { literal: '1500000', expected: 4 }, // 15e5
    { literal: '523632049560', expected: 12 },
    { literal: '1e12', expected: 1 }, // past the range worth reasoning about
    { literal: '11.28', expected: 5 },
    { literal: '-11.28', expected: 6 },
    { literal: '4.125', expected: 5 },
    { literal: '52.520008', expected: 6 }, // three fraction digits at least
    { literal: '0.5', expected: 3 },
    { literal: '0.25', expected: 4 },
    { literal: '0.125', expected: 4 }, // 0.125 or 125e-3: at least 4
    { literal: '1e-7', expected: 4 },
    { literal: '0.30000000000000004', expected: 4 },
  ];
  it.each(cases)('$literal', ({ literal, expected }) => {
    expect(minNumberLength(JSON.parse(literal) as number)).toBe(expected);
  });

  const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
  // Every JSON number literal: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
  const literal = fc.tuple(
    fc.boolean(), fc.oneof(fc.constant('0'), fc.tuple(fc.constantFrom(...'123456789'), digits(0, 16)).map(([a, b]) => a + b)),
    fc.option(digits(1, 12)), fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 3))),
  ).map(([minus, int, fraction, exponent]) => `${minus ? '-' : ''}${int}${fraction === null ? '' : `.${fraction}`}${exponent === null ? '' : exponent.join('')}`);

  it('is never longer than a literal that parses to the number', () => {
    fc.assert(
      fc.property(literal, (text) => {
        const value = JSON.parse(text) as number;
        if (Number.isFinite(value)) expect(minNumberLength(value)).toBeLessThanOrEqual(text.length);
      }),
      { seed: 17, numRuns: 10000 },
    );
  });

  it('is never longer than the shortest writings of any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const writings = [JSON.stringify(value), value.toExponential()];
        for (let k = 0; k <= 3; k++) if (Number(value.toFixed(k)) === value) writings.push(value.toFixed(k));
        for (const text of writings) expect(minNumberLength(value)).toBeLessThanOrEqual(text.replace('e+', 'e').length);
      }),
      { seed: 17, numRuns: 4000 },
    );
  });
});
