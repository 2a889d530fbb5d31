/**
 * Just enough of a TypeScript scanner for the declarations json-schema-to-typescript prints
 * without prettier: brace depth per line, skipping strings and comments. It re-indents them
 * (formatting is off for speed) and splits them into top-level declarations.
 */
interface ScanState {
  depth: number;
  inComment: boolean;
}

/** Scans one line, updating the depth and whether a block comment runs on into the next line. */
function scanLine(line: string, state: ScanState): void {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (state.inComment) {
      if (ch === '*' && line[i + 1] === '/') {
        state.inComment = false;
        i++;
      }
    } else if (quote !== undefined) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
    } else if (ch === '/' && line[i + 1] === '*') {
      state.inComment = true;
      i++;
    } else if (ch === '/' && line[i + 1] === '/') {
      return;
    } else if (ch === '{' || ch === '(' || ch === '[') {
      state.depth++;
    } else if (ch === '}' || ch === ')' || ch === ']') {
      state.depth--;
    }
  }
}

/** Indents by nesting depth, two spaces a level; closing lines go one level out. */
export function indentDeclarations(code: string): string {
  const state: ScanState = { depth: 0, inComment: false };
  const out: string[] = [];
  for (const raw of code.split('\n')) {
    const wasComment = state.inComment;
    const line = raw.trim();
    const closes = !wasComment && /^[}\])]/.test(line);
    const level = Math.max(0, state.depth - (closes ? 1 : 0));
    // JSDoc body lines keep their one-space lead before `*`.
    const text = wasComment && line.startsWith('*') ? ` ${line}` : line;
    out.push(line === '' ? '' : '  '.repeat(level) + text);
    scanLine(line, state);
  }
  return out.join('\n');
}

export interface Declaration {
  name: string;
  /** The declaration with the JSDoc before it. */
  text: string;
}

const DECLARATION_HEAD = /^export (?:interface|type) ([\p{ID_Start}$_][\p{ID_Continue}$]*)/u;

/** Splits printed declarations (`export interface X {...}`, `export type Y = ...`) at the top level. */
export function splitDeclarations(code: string): Declaration[] {
  const state: ScanState = { depth: 0, inComment: false };
  const declarations: Declaration[] = [];
  let pending: string[] = [];
  let current: { name: string; lines: string[] } | undefined;
  for (const line of code.split('\n')) {
    const topLevel = state.depth === 0 && !state.inComment;
    const head = topLevel ? DECLARATION_HEAD.exec(line) : null;
    if (head) {
      current = { name: head[1]!, lines: [...pending, line] };
      pending = [];
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim() !== '') {
      pending.push(line);
    }
    scanLine(line, state);
    if (current && state.depth === 0 && !state.inComment) {
      declarations.push({ name: current.name, text: current.lines.join('\n') });
      current = undefined;
    }
  }
  if (current || pending.length > 0) throw new Error('internal error: unbalanced declarations from json-schema-to-typescript');
  return declarations;
}
