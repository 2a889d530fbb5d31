import { ts } from 'ts-morph';
import type { FileLocation } from '../core/location.js';

/** The 1-based span of a node, without its leading trivia (parent pointers are not needed). */
export function spanOf(node: ts.Node, sourceFile: ts.SourceFile, file: string): FileLocation {
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd());
  return { file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
