import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { FileLocation } from '../../core/location.js';
import { InteropInputError } from './errors.js';
import { parsePointer } from './json-input.js';
import type { InputFile } from './types.js';

/** A parsed YAML input: plain data plus the place (file:line:col) of any path in it. */
export interface YamlInput {
  file: string;
  data: unknown;
  /** Where a JSON pointer of the data stands (the nearest existing parent when it is absent). */
  locate: (pointer: string) => FileLocation;
}

/** Parses a YAML input file; a syntax error stops the import with its line and column (exit 2). */
export function parseYamlInput(input: InputFile): YamlInput {
  if (input.text.trim() === '') throw new InteropInputError(input.path, 'the file is empty: expected a YAML document');
  const lineCounter = new LineCounter();
  const doc = parseDocument(input.text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): [number, number] => {
    const pos = lineCounter.linePos(offset);
    return [pos.line, pos.col];
  };
  const error = doc.errors[0];
  if (error) {
    const [line, column] = at(error.pos[0]);
    throw new InteropInputError(`${input.path}:${line}:${column}`, `not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const locate = (pointer: string): FileLocation => {
    let node: Node | null = doc.contents as Node | null;
    let keyNode: Node | null = null;
    for (const segment of parsePointer(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        keyNode = null;
        node = node.items[segment] as Node;
      } else break;
    }
    const target = keyNode ?? node;
    const [start, end] = target?.range ?? [0, 0];
    const [line, column] = at(start);
    const [endLine, endColumn] = at(end);
    return { file: input.path, line, column, endLine, endColumn };
  };
  return { file: input.path, data: doc.toJS({ maxAliasCount: 100 }), locate };
}
