import { ts } from 'ts-morph';
import type { FileBindings } from './evaluate.js';

/** `const` and `enum` declarations of a file the checker led to (an import of a linted file). */
export function collectBindings(sourceFile: ts.SourceFile, file: string): FileBindings {
  const consts = new Map<string, ts.Expression | null>();
  const enums = new Map<string, ts.EnumDeclaration | null>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const) {
      for (const d of node.declarations) if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, consts.has(d.name.text) ? null : d.initializer);
    } else if (ts.isEnumDeclaration(node)) enums.set(node.name.text, enums.has(node.name.text) ? null : node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { file, consts, enums, params: new Map() };
}
