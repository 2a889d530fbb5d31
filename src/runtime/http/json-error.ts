/**
 * Says where a JSON text stops being valid: V8 names the position for some errors only, and a
 * client needs line and column to find the mistake in a batch it built by hand.
 */
export function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  // V8 quotes the whole input after the reason ('..., "{...}" is not valid JSON'): drop the quote.
  const reason = raw.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  const at = /at position (\d+)/.exec(raw);
  const offset = at ? Number(at[1]) : findJsonErrorOffset(text);
  const { line, column } = lineColumn(text, offset);
  return `${reason} at line ${line}, column ${column}`;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

/** Offset of the first character that makes `text` invalid JSON (iterative: deep nesting is fine). */
export function findJsonErrorOffset(text: string): number {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const skip = () => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const eat = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  // Each turn parses one value, then the separators after it up to the next value.
  for (;;) {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      skip();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else if (c === '{') {
        if (!eat(STRING)) return i;
        skip();
        if (text[i] !== ':') return i;
        i++;
        continue;
      } else continue;
    } else if (!(eat(STRING) || eat(NUMBER) || eat(LITERAL))) return i;
    // After a value: close containers or move to the next member.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? i : text.length;
      const c2 = text[i];
      if (c2 === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        continue;
      }
      if (c2 !== ',') return i;
      i++;
      if (top === '{') {
        skip();
        if (!eat(STRING)) return i;
        skip();
        if (text[i] !== ':') return i;
        i++;
      }
      break;
    }
  }
}
