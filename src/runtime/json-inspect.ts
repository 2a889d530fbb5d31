import { measureValue } from './json-measure.js';

export { measureValue, type ValueShape } from './json-measure.js';

/**
 * What `JSON.parse` hides about a text: a key given twice (the parse keeps the last value only, so
 * a policy would judge one value and forward the other), nesting past a limit, and number literals
 * outside the range of doubles (`1e400` parses to Infinity, which JSON.stringify writes as `null`).
 *
 * The common case costs one walk over the parsed value, which also bounds the length of any text
 * of it from below; the key count in the text runs only when the text is longer than that bound
 * allows, and the exact scanner only when the counts disagree.
 */
export interface JsonFindings {
  /** JSON pointer of the first repeated key (to the key), relative to the inspected value. */
  duplicateKey?: string;
  /** The value nests deeper than the limit. */
  tooDeep?: boolean;
  /** Number literals that do not fit a double, by JSON pointer, as written. */
  bigNumbers?: Map<string, string>;
}

/**
 * The key occurrences of a JSON text that `JSON.parse` accepted, or more: never fewer. Outside
 * strings a colon follows exactly one key, with only JSON whitespace between the key's closing
 * quote and the colon, and that quote has an even run of backslashes before it (an odd run means
 * an escaped quote inside a string). So each key is counted once, at its own colon; a colon inside
 * a string adds one only when the string starts with whitespace and that colon. A count equal to
 * the parsed keys (which miss one per repeat) therefore proves no key was repeated. One native
 * search per colon: about a fifth of `JSON.parse` (see docs/hardening.md).
 */
export function countTextKeys(text: string): number {
  let count = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    let k = i - 1;
    let c = text.charCodeAt(k);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(--k);
    if (c !== QUOTE) continue;
    // An odd run of backslashes escapes the quote: inside a string, never the end of a key.
    let slashes = 0;
    while (text.charCodeAt(--k) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) count++;
  }
  return count;
}

const QUOTE = 34;
const BACKSLASH = 92;

/** The usual answer, shared (one allocation less per message): read it, never change it. */
const NOTHING_FOUND: JsonFindings = Object.freeze({});

/** `"":0,`: the shortest member a repeat can leave behind, with its comma. */
const MIN_DROPPED_MEMBER = 5;

/**
 * Inspects the text of a JSON value that `JSON.parse` accepted, with `parsed` its result (not
 * changed since: a member added to it would hide one the parse dropped). Only what it finds is
 * set: the usual answer is an empty, frozen object.
 */
export function inspectJson(text: string, parsed: unknown, maxDepth: number): JsonFindings {
  const shape = measureValue(parsed, maxDepth);
  if (shape.tooDeep) return { tooDeep: true };
  if (!shape.nonFinite) {
    // Each member the parse dropped for a repeat left at least 5 characters in the text (`"":0` and
    // a comma) beyond what the parsed value needs: a text shorter than that has no repeat.
    if (text.length - shape.minLength < MIN_DROPPED_MEMBER) return NOTHING_FOUND;
    // Spaces, escapes or long numbers: the text count is never below the keys it holds, the parsed
    // count is below them by the repeats: equal counts mean no repeat.
    if (countTextKeys(text) === shape.keys) return NOTHING_FOUND;
  }
  return scanJson(text);
}

const WS = new Set([32, 9, 10, 13]);

interface Frame {
  /** Keys seen in an object; undefined for an array. */
  keys: Set<string> | undefined;
  /** The current key or index, as a pointer token. */
  token: string;
  index: number;
}

/** The exact, linear scan: repeated keys and out-of-range numbers with their pointers. */
export function scanJson(text: string): JsonFindings {
  const findings: JsonFindings = {};
  const stack: Frame[] = [];
  const pointer = (last?: string) => {
    const tokens = stack.map((frame) => frame.token);
    if (last !== undefined) tokens[tokens.length - 1] = last;
    return tokens.map((token) => `/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
  };
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (WS.has(c) || c === 58) continue;
    const top = stack[stack.length - 1];
    if (c === 34) {
      const end = stringEnd(text, i);
      if (expectKey && top?.keys) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          key = text.slice(i + 1, end);
        }
        if (top.keys.has(key)) findings.duplicateKey ??= pointer(key);
        top.keys.add(key);
        top.token = key;
        expectKey = false;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      stack.push({ keys: c === 123 ? new Set() : undefined, token: c === 91 ? '0' : '', index: 0 });
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === 44) {
      if (top && !top.keys) top.token = String(++top.index);
      expectKey = Boolean(top?.keys);
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let end = i + 1;
      while (end < text.length && /[0-9eE.+-]/.test(text[end]!)) end++;
      const literal = text.slice(i, end);
      if (!Number.isFinite(Number(literal))) (findings.bigNumbers ??= new Map()).set(pointer(), literal);
      i = end - 1;
    }
  }
  return findings;
}

function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i;
  }
  return text.length;
}

const NONCE = `\u0000n${Math.random().toString(36).slice(2)}:`;

/**
 * JSON text of a (possibly changed) message with the number literals that do not fit a double
 * written as the client wrote them, instead of `null`. `bigNumbers` holds pointers relative to
 * `value`; a pointer the change removed is skipped.
 */
export function stringifyKeeping(value: unknown, bigNumbers: ReadonlyMap<string, string> | undefined): string {
  if (!bigNumbers || bigNumbers.size === 0) return JSON.stringify(value);
  const literals: string[] = [];
  let marked = value;
  for (const [pointer, literal] of bigNumbers) {
    const next = setAt(marked, pointer.split('/').slice(1).map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~')), 0, `${NONCE}${literals.length}`);
    if (next !== undefined) {
      marked = next;
      literals.push(literal);
    }
  }
  const text = JSON.stringify(marked);
  return text.replace(new RegExp(`"${JSON.stringify(NONCE).slice(1, -1).replaceAll('\\', '\\\\')}(\\d+)"`, 'g'), (_, index: string) => literals[Number(index)]!);
}

/** A copy of `node` with the value at `path` replaced (copy-on-write); undefined when there is no such value. */
function setAt(node: unknown, path: readonly string[], index: number, replacement: string): unknown {
  if (index === path.length) return typeof node === 'number' && !Number.isFinite(node) ? replacement : undefined;
  if (node === null || typeof node !== 'object') return undefined;
  const key = path[index]!;
  if (!Object.hasOwn(node, key)) return undefined;
  const child = setAt((node as Record<string, unknown>)[key], path, index + 1, replacement);
  if (child === undefined) return undefined;
  const copy: Record<string, unknown> = Array.isArray(node) ? (node.slice() as unknown as Record<string, unknown>) : { ...(node as Record<string, unknown>) };
  Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true });
  return copy;
}
