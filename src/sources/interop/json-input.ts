import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { FileLocation } from '../../core/location.js';
import { InteropInputError } from './errors.js';
import type { InputFile } from './types.js';

/** A parsed JSON input that can say where any JSON pointer of it stands (file:line:col). */
export interface JsonInput {
  file: string;
  data: unknown;
  locate: (pointer: string) => FileLocation;
}

/**
 * Parses a JSON input file. `JSON.parse` does the work (it is several times faster); only on
 * failure, and only when a warning needs a place, is the text parsed again with positions.
 */
export function parseJsonInput(input: InputFile): JsonInput {
  if (input.text.trim() === '') throw new InteropInputError(input.path, 'the file is empty: expected a JSON document');
  let data: unknown;
  try {
    data = JSON.parse(input.text);
  } catch {
    const errors: ParseError[] = [];
    parse(input.text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const at = first ? offsetLocation(input.text, first.offset, input.path) : undefined;
    const where = at ? `${at.file}:${at.line}:${at.column}` : input.path;
    throw new InteropInputError(where, `not valid JSON: ${first ? printParseErrorCode(first.error) : 'unreadable'}`);
  }
  return { file: input.path, data, locate: createJsonLocator(input) };
}

/** `file:line:col` of the value at a JSON pointer (the nearest existing parent when it is absent). */
export function createJsonLocator(input: InputFile): (pointer: string) => FileLocation {
  let tree: Node | undefined;
  let lines: number[] | undefined;
  return (pointer) => {
    tree ??= parseTree(input.text) ?? { type: 'null', offset: 0, length: 0 };
    let segments = parsePointer(pointer);
    let node = findNodeAtLocation(tree, segments);
    while (!node && segments.length > 0) {
      segments = segments.slice(0, -1);
      node = findNodeAtLocation(tree, segments);
    }
    // The key of a property is the place an editor should jump to; fall back to the value.
    const target = node?.parent?.type === 'property' ? node.parent : node;
    lines ??= lineStarts(input.text);
    const start = toLineColumn(lines, target?.offset ?? 0);
    const end = toLineColumn(lines, (target?.offset ?? 0) + (target?.length ?? 0));
    return { file: input.path, line: start[0], column: start[1], endLine: end[0], endColumn: end[1] };
  };
}

/** The segments of a JSON pointer (`/a~1b/0` → `['a/b', 0]`), numbers for array indexes. */
export function parsePointer(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '#') return [];
  return pointer.replace(/^#/, '').split('/').slice(1).map((part) => {
    const text = part.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9]\d*)$/.test(text) ? Number(text) : text;
  });
}

/** A pointer one level down: escapes `~` and `/` in the key. */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function offsetLocation(text: string, offset: number, file: string): FileLocation {
  const [line, column] = toLineColumn(lineStarts(text), offset);
  return { file, line, column, endLine: line, endColumn: column };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function toLineColumn(starts: number[], offset: number): [number, number] {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return [low + 1, offset - starts[low]! + 1];
}
