import { Parser } from 'yaml';

/** CST node kinds that open with a character and must be closed by another. */
const OPENERS = new Set(['double-quoted-scalar', 'single-quoted-scalar', 'flow-collection']);
const WALKED = ['items', 'key', 'value', 'sep', 'start', 'end', 'props'] as const;

interface CstNode {
  type?: string;
  offset?: number;
  source?: string;
  end?: { source?: string }[];
  [key: string]: unknown;
}

/**
 * Where the broken token of a syntax error starts. The parser reports an unterminated quote or
 * bracket where it gave up (often the end of the file); the user needs the opening quote or
 * bracket. Returns the offset of the last unclosed opener at or before the error, if any.
 */
export function findUnclosedOpener(text: string, errorOffset: number): number | undefined {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const cst = node as CstNode;
    if (cst.type !== undefined && OPENERS.has(cst.type) && typeof cst.offset === 'number' && cst.offset <= errorOffset && isUnclosed(cst)) {
      if (found === undefined || cst.offset > found) found = cst.offset;
    }
    for (const key of WALKED) if (key in cst) visit(cst[key]);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return found;
}

function isUnclosed(node: CstNode): boolean {
  if (node.type === 'flow-collection') return !(node.end ?? []).some((token) => token.source === ']' || token.source === '}');
  const source = node.source ?? '';
  const quote = source[0];
  if (source.length < 2 || !source.endsWith(quote!)) return true;
  // `"abc\"` ends with an escaped quote: count the backslashes before it.
  if (quote === '"') return /(?:^|[^\\])(?:\\\\)*\\"$/.test(source.slice(1));
  return false;
}
