/**
 * A text test that lets through only files that may hold an analytics call, so that most files of
 * a large code base are never parsed: `.track(`, `.identify(`, ..., or a wrapper or generated
 * function name followed by `(`, or an import of the generated module (`substrings`). It also
 * tells where in a file those calls may be, so that the scanner can skip the rest.
 */
export interface Prefilter {
  test(text: string): boolean;
  /** Offsets of every possible call, ascending. */
  positions(text: string): number[];
}

export function buildPrefilter(methodNames: Iterable<string>, functionNames: Iterable<string>, substrings: readonly string[] = []): Prefilter {
  const methods = [...new Set(methodNames)].map(escape);
  const functions = [...new Set(functionNames)].map(escape);
  const parts = [`\\.\\s*(?:${methods.join('|')})\\s*\\(`];
  if (functions.length > 0) parts.push(`(?<![\\w$])(?:${functions.join('|')})\\s*\\(`);
  const source = parts.join('|');
  const pattern = new RegExp(source);
  const all = new RegExp(source, 'g');
  return {
    test: (text) => pattern.test(text) || substrings.some((s) => text.includes(s)),
    positions: (text) => [...text.matchAll(all)].map((m) => m.index),
  };
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
