import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../core/diagnostics.js';
import type { FileLocation } from '../core/location.js';
import { planError } from '../core/plan-errors.js';
import type { RawEntry, RawFile, RawNode } from '../core/raw.js';
import { Reader } from '../core/normalize/reader.js';

/** Aliases could expand a small file into a huge tree (a "billion laughs"); stop well before. */
const MAX_NODES = 1_000_000;
/** A plan file is a few hundred KiB at most; past this it is refused before parsing (memory and time). */
export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;

/** Thrown inside the conversion when aliases expand past MAX_NODES; becomes a located diagnostic. */
class ExpansionLimit extends Error {
  constructor(readonly count: number, readonly at: FileLocation) {
    super('alias expansion limit');
  }
}

export interface ParsedYaml {
  file: RawFile;
  diagnostics: Diagnostic[];
}

/** Parses one YAML file into the located tree the normalizer reads; syntax errors carry line and column. */
export function parseYamlFile(name: string, text: string): ParsedYaml {
  if (text.length > MAX_PLAN_FILE_BYTES / 3 && Buffer.byteLength(text) > MAX_PLAN_FILE_BYTES) {
    const start = { file: name, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { file: { name, root: undefined }, diagnostics: [planError('fileTooLarge', start, { size: Buffer.byteLength(text), limit: MAX_PLAN_FILE_BYTES })] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const locate = (start: number, end: number): FileLocation => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(start, end));
    return { file: name, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  };
  const reader = new Reader();
  const errors = doc.errors;
  for (const error of errors) {
    const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    reader.report(planError('yamlSyntax', locate(error.pos[0], error.pos[1]), { detail }));
  }
  if (errors.length > 0) return { file: { name, root: undefined }, diagnostics: reader.diagnostics };
  let count = 0;
  // Anchors by name as the walk meets them (document order: an alias follows its anchor), and each
  // aliased node converted once: every later alias reuses it and only adds its size to the count.
  // yaml's own Alias.resolve searches the whole document per alias: quadratic in the aliases.
  const anchors = new Map<string, Node>();
  const converted = new Map<Node, { raw: RawNode; size: number }>();
  let expanding = 0;
  const open = new Set<Node>();
  const convert = (node: Node | null, fallback: number): RawNode => {
    count++;
    if (node === null) return { kind: 'scalar', value: null, location: locate(fallback, fallback) };
    const [start, valueEnd] = node.range ?? [fallback, fallback];
    const location = locate(start, valueEnd);
    if (isAlias(node)) return convertAlias(node.source, start, location);
    if (node.anchor && expanding === 0) anchors.set(node.anchor, node);
    if (node.anchor && !open.has(node)) {
      open.add(node);
      try {
        return convertNode(node, start, location);
      } finally {
        open.delete(node);
      }
    }
    return convertNode(node, start, location);
  };
  const convertNode = (node: Node, start: number, location: FileLocation): RawNode => {
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
  const convertAlias = (source: string, start: number, location: FileLocation): RawNode => {
    const target = anchors.get(source);
    // An alias inside its own anchor would expand for ever: it stands for nothing.
    if (!target || open.has(target)) return convert(null, start);
    let done = converted.get(target);
    if (!done) {
      const before = count;
      expanding++;
      open.add(target);
      const raw = convert(target, start);
      open.delete(target);
      expanding--;
      done = { raw, size: count - before };
      converted.set(target, done);
    } else count += done.size;
    if (count > MAX_NODES) throw new ExpansionLimit(count, location);
    return done.raw;
  };
  let root: RawNode | undefined;
  try {
    root = doc.contents === null ? undefined : convert(doc.contents as Node, 0);
  } catch (error) {
    if (!(error instanceof ExpansionLimit)) throw error;
    reader.report(planError('aliasExpansion', error.at, { count: error.count, limit: MAX_NODES }));
    return { file: { name, root: undefined }, diagnostics: reader.diagnostics };
  }
  if (count > MAX_NODES) {
    // Without aliases the size cap keeps a file far below this; with them, the check above fires first.
    reader.report(planError('aliasExpansion', locate(0, 0), { count, limit: MAX_NODES }));
    return { file: { name, root: undefined }, diagnostics: reader.diagnostics };
  }
  return { file: { name, root }, diagnostics: reader.diagnostics };
}
