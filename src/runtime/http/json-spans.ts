const QUOTE = 34;
const BACKSLASH = 92;

/**
 * The raw text of each element of the top-level `"batch"` array of a JSON text that already
 * parsed, so that messages the proxy does not change are forwarded as the client wrote them
 * instead of being serialized again (which costs about as much as parsing them).
 * Undefined when the text is not laid out so (no such key, an escaped key at the top level).
 */
export function findBatchElements(text: string, keyCounts?: number[]): string[] | undefined {
  const n = text.length;
  // Each colon outside a string ends exactly one key: counted per element on the way (nearly free
  // here), so the duplicate-key check need not scan each element's text again.
  let keys = 0;
  let depth = 0;
  let expectKey = false;
  let lastKeyIsBatch = false;
  let start = -1;
  let found: string[] | undefined;
  let current: string[] | undefined;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (depth === 1 && expectKey) {
        if (text.slice(i + 1, end).includes('\\')) return undefined;
        lastKeyIsBatch = end - i === 6 && text.startsWith('batch', i + 1);
        expectKey = false;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      depth++;
      if (depth === 1) expectKey = c === 123;
      else if (depth === 2 && c === 91 && lastKeyIsBatch && !expectKey) {
        current = [];
        start = i + 1;
        if (keyCounts) keyCounts.length = 0;
        keys = 0;
      }
    } else if (c === 125 || c === 93) {
      if (depth === 2 && current && c === 93) {
        const last = text.slice(start, i).trim();
        if (last !== '' || current.length > 0) {
          current.push(last);
          keyCounts?.push(keys);
        }
        found = current;
        current = undefined;
      }
      depth--;
    } else if (c === 44) {
      if (depth === 1) expectKey = true;
      else if (depth === 2 && current) {
        current.push(text.slice(start, i).trim());
        keyCounts?.push(keys);
        keys = 0;
        start = i + 1;
      }
    } else if (c === 58) {
      if (depth === 1) expectKey = false;
      else if (current) keys++;
    }
  }
  return found;
}

/** Index of the quote that closes the string opening at `open`. */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end !== -1 && text.charCodeAt(end - 1) === BACKSLASH) {
    let slashes = 0;
    for (let k = end - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) break;
    end = text.indexOf('"', end + 1);
  }
  return end === -1 ? text.length : end;
}

/**
 * Adds members in front of a JSON object's raw text (`pairs` is `"key":value,...`). Only used
 * for keys the object does not have, so no key is ever doubled.
 */
export function prependMembers(raw: string, pairs: string): string {
  if (pairs === '') return raw;
  const rest = raw.slice(1);
  return /^\s*\}/.test(rest) ? `{${pairs}}` : `{${pairs},${rest}`;
}

/** Raw newlines can only be whitespace between tokens in valid JSON; a spool line must have none. */
export function flattenLines(raw: string): string {
  return raw.replace(/[\r\n]+/g, ' ');
}
