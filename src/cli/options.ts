import { ConfigError } from '../core/errors.js';
import { parseSize } from '../runtime/http/size.js';

export interface NumberRange {
  min?: number;
  max?: number;
}

/**
 * The one parser of numeric flags: a whole number (`--workers 4`) or, with `size`, a byte size
 * (`--max-event-bytes 32KiB`, `--max-message-size 1MiB`; a bare number is bytes). A bad value
 * is a usage error naming the flag (exit 2).
 */
export function parseNumberOption(flag: string, text: string, kind: 'integer' | 'size', range: NumberRange = {}): number {
  const { min = kind === 'size' ? 1 : 0, max = Number.MAX_SAFE_INTEGER } = range;
  const value = kind === 'size' ? parseSize(text) : /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
  if (value !== undefined && value >= min && value <= max) return value;
  const expected = kind === 'size' ? 'a size like 32KiB or 1GiB' : 'a whole number';
  const upTo = max < Number.MAX_SAFE_INTEGER;
  const bounds = kind === 'size' ? (upTo ? ` up to ${describe(max, kind)}` : '') : upTo ? ` from ${min} to ${max}` : min > 0 ? ` of at least ${min}` : '';
  throw new ConfigError(`${flag}: expected ${expected}${bounds}, found "${text}"`);
}

/** A commander argument parser for a whole-number flag. */
export function integerOption(flag: string, range?: NumberRange): (text: string) => number {
  return (text) => parseNumberOption(flag, text, 'integer', range);
}

/** A commander argument parser for a size flag. */
export function sizeOption(flag: string, range?: NumberRange): (text: string) => number {
  return (text) => parseNumberOption(flag, text, 'size', range);
}

function describe(value: number, kind: 'integer' | 'size'): string {
  if (kind === 'integer') return String(value);
  for (const [unit, bytes] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (value >= bytes && value % bytes === 0) return `${value / bytes}${unit}`;
  }
  return `${value} bytes`;
}
