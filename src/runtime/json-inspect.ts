/**
 * What `JSON.parse` hides about a text: a key given twice (the parse keeps the last value only, so
 * a policy would judge one value and forward the other), nesting past a limit, and number literals
 * outside the range of doubles (`1e400` parses to Infinity, which JSON.stringify writes as `null`).
 *
 * The common case costs a walk over the parsed value and a native count in the text; the exact
 * scanner runs only when those disagree.
 */
export interface JsonFindings {
  /** JSON pointer of the first repeated key (to the key), relative to the inspected value. */
  duplicateKey?: string;
  /** The value nests deeper than the limit. */
  tooDeep?: boolean;
  /** Number literals that do not fit a double, by JSON pointer, as written. */
  bigNumbers?: Map<string, string>;
}

/** Members, depth and non-finite numbers of a parsed value (recursion stops at `maxDepth`: no stack overflow). */
export function measureValue(value: unknown, maxDepth: number): { keys: number; tooDeep: boolean; nonFinite: boolean } {
  // Recursion is the faster walk; past a few hundred levels (a raised --max-depth) the explicit stack is safe.
  if (maxDepth > RECURSION_LIMIT) return measureIteratively(value, maxDepth);
  const shape = { keys: 0, tooDeep: false, nonFinite: false };
  if (value !== null && typeof value === 'object') measureNode(value, 1, maxDepth, shape);
  else if (typeof value === 'number' && !Number.isFinite(value)) shape.nonFinite = true;
  return shape;
}

const RECURSION_LIMIT = 512;

function measureIteratively(value: unknown, maxDepth: number): { keys: number; tooDeep: boolean; nonFinite: boolean } {
  const shape = { keys: 0, tooDeep: false, nonFinite: false };
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const node = stack.pop();
    const depth = depths.pop()!;
    if (node === Infinity || node === -Infinity) shape.nonFinite = true;
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxDepth) return { ...shape, tooDeep: true };
    const items: unknown[] = Array.isArray(node) ? node : Object.values(node);
    if (!Array.isArray(node)) shape.keys += items.length;
    for (const item of items) {
      stack.push(item);
      depths.push(depth + 1);
    }
  }
  return shape;
}

function measureNode(node: object, depth: number, maxDepth: number, shape: { keys: number; tooDeep: boolean; nonFinite: boolean }): void {
  if (depth > maxDepth) {
    shape.tooDeep = true;
    return;
  }
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      if (typeof item === 'object' && item !== null) measureNode(item, depth + 1, maxDepth, shape);
      else if (item === Infinity || item === -Infinity) shape.nonFinite = true;
      if (shape.tooDeep) return;
    }
    return;
  }
  for (const key in node) {
    shape.keys++;
    const item = (node as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null) measureNode(item, depth + 1, maxDepth, shape);
    else if (item === Infinity || item === -Infinity) shape.nonFinite = true;
    if (shape.tooDeep) return;
  }
}

/**
 * The keys of a JSON text, counted natively: every `"` that ends a key is followed by `:`, and a
 * `":` inside a string has its quote escaped. Undefined when whitespace before a colon may hide a
 * key from this count (pretty-printed JSON): the exact scanner decides then.
 */
export function countTextKeys(text: string): number | undefined {
  let count = 0;
  for (let i = text.indexOf('":'); i !== -1; i = text.indexOf('":', i + 2)) {
    let slashes = 0;
    for (let k = i - 1; text.charCodeAt(k) === 92; k--) slashes++;
    if (slashes % 2 === 0) count++;
  }
  if (/[ \t\r\n]:/.test(text)) return undefined;
  return count;
}

/**
 * Inspects the text of a JSON value that `JSON.parse` accepted, with `parsed` its result. Only
 * what it finds is set: the usual answer is `{}`.
 */
export function inspectJson(text: string, parsed: unknown, maxDepth: number): JsonFindings {
  const shape = measureValue(parsed, maxDepth);
  if (shape.tooDeep) return { tooDeep: true };
  const textKeys = countTextKeys(text);
  if (textKeys === shape.keys && !shape.nonFinite) return {};
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
