/**
 * The fewest characters a JSON number literal can have and still parse to `x`: a lower bound
 * over every way of writing it (`1000`, `1e3`, `10E2`, `1000.0`, ...), for finite `x`. With the
 * lengths of strings and keys (never shorter than parsed: an escape only adds characters) it
 * bounds the text of a parsed value from below, and whatever a text holds beyond that bound is
 * room for members the parse dropped (see `inspectJson`).
 */
export function minNumberLength(x: number): number {
  let sign = 0;
  let n = x;
  if (n < 0) {
    sign = 1;
    n = -n;
  }
  // Zero, and magnitudes where the reasoning below is not worth it: one character is always true.
  if (n === 0 || !(n < 1e12)) return 1 + sign;
  // Integers; an exponent form is shorter only past two trailing zeros (`1e3` for 1000, `11e2`
  // ties 1100). Small ones first, with integer arithmetic (a float modulo is a library call).
  if ((n | 0) === n) return ((n | 0) % 1000 !== 0 ? countDigits(n) : minIntegerLength(n)) + sign;
  if (Number.isInteger(n)) return minIntegerLength(n) + sign;
  // Not an integer: `d.f` or an exponent form. The fraction needs k digits, where k is the fewest
  // with which a decimal parses to n: Math.round(n * 10^k) / 10^k === n exactly when one does
  // (below 1e12 the product is within far less than 0.5 of that decimal's digits).
  const k = Math.round(n * 10) / 10 === n ? 1 : Math.round(n * 100) / 100 === n ? 2 : 3;
  // At least 1: the digits of the integer part, a dot, k digits; an exponent form carries at least
  // those digits plus `e` and one digit. Below 1 (`0.` then k digits), `5e-1` has 4.
  return (n < 1 ? Math.min(2 + k, 4) : countDigits(n) + 1 + k) + sign;
}

/**
 * A positive integer below 1e12: its digits, unless trailing zeros make a shorter exponent form
 * (`1e3` for 1000, `15e5`). No other literal comes closer than 0.5 to an integer this size.
 */
function minIntegerLength(n: number): number {
  const digits = countDigits(n);
  if (n % 1000 !== 0) return digits;
  let significant = digits;
  for (let m = n; m % 10 === 0; m /= 10) significant--;
  return Math.min(digits, significant + 1 + countDigits(digits - significant));
}

/** Digits of the integer part of `n` (1 <= n < 1e12; n < 1 counts one, for its `0`). */
function countDigits(n: number): number {
  if (n < 1e6) return n < 10 ? 1 : n < 100 ? 2 : n < 1e3 ? 3 : n < 1e4 ? 4 : n < 1e5 ? 5 : 6;
  return n < 1e7 ? 7 : n < 1e8 ? 8 : n < 1e9 ? 9 : n < 1e10 ? 10 : n < 1e11 ? 11 : 12;
}
