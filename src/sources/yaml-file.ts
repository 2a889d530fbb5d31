import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../core/diagnostics.js';
import type { FileLocation } from '../core/location.js';
import { planError } from '../core/plan-errors.js';
import type { RawEntry, RawFile, RawNode } from '../core/raw.js';
import { Reader } from '../core/normalize/reader.js';
import { findUnclosedOpener } from './yaml-syntax-start.js';

/** Aliases could expand a small file into a huge tree (a "billion laughs"); stop well before. */
const MAX_NODES = 1_000_000;

export interface ParsedYaml {
  file: RawFile;
  diagnostics: Diagnostic[];
}

/** Parses one YAML file into the located tree the normalizer reads; syntax errors carry line and column. */
export function parseYamlFile(name: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const locate = (start: number, end: number): FileLocation => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(start, end));
    return { file: name, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  };
  const reader = new Reader();
  const errors = doc.errors;
  // The first error only: later ones are usually the same mistake seen again further down.
  const error = errors[0];
  if (error) {
    const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const opener = findUnclosedOpener(text, error.pos[0]);
    const where = locate(error.pos[0], error.pos[1]);
    if (opener === undefined) reader.report(planError('yamlSyntax', where, { detail }));
    else reader.report(planError('yamlSyntax', locate(opener, opener + 1), { detail }, [where]));
  }
  if (errors.length > 0) return { file: { name, root: undefined }, diagnostics: reader.diagnostics };
  let count = 0;
  const convert = (node: Node | null, fallback: number): RawNode => {
    if (++count > MAX_NODES) throw new Error(`${name}: more than ${MAX_NODES} YAML nodes after alias expansion`);
    if (node === null) return { kind: 'scalar', value: null, location: locate(fallback, fallback) };
    const [start, valueEnd] = node.range ?? [fallback, fallback];
    const location = locate(start, valueEnd);
    if (isAlias(node)) return convert(node.resolve(doc as Document) ?? null, start);
    if (isScalar(node)) {
      const value = node.value;
      const plain = value === null || ['string', 'number', 'boolean'].includes(typeof value) ? (value as string | number | boolean | null) : String(value);
      return { kind: 'scalar', value: plain, location };
    }
    if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => convert(item as Node | null, start)), location };
    if (isMap(node)) {
      const entries: RawEntry[] = [];
      const seen = new Map<string, RawEntry>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyRange = keyNode?.range ?? [start, start];
        const keyLocation = locate(keyRange[0], keyRange[1]);
        if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
          reader.report(planError('invalidValue', keyLocation, { where: 'mapping key', expected: 'a plain name', found: 'a complex key' }));
          continue;
        }
        const entry: RawEntry = { key: String(keyNode.value), keyLocation, value: convert(pair.value as Node | null, keyRange[1]) };
        const first = seen.get(entry.key);
        if (first) reader.duplicate('key', entry.key, first, entry);
        else {
          seen.set(entry.key, entry);
          entries.push(entry);
        }
      }
      return { kind: 'map', entries, location };
    }
    return { kind: 'scalar', value: null, location };
  };
  const root = doc.contents === null ? undefined : convert(doc.contents as Node, 0);
  return { file: { name, root }, diagnostics: reader.diagnostics };
}
