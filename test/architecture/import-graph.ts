import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every .ts file under a folder, as paths relative to the repository root. */
function listFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(root, rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

/** The relative imports (and re-exports, type-only ones too) of each source file, resolved to files. */
export function importGraph(root: string, dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of listFiles(root, dir)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
    graph.set(file, importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => path.posix.join(path.posix.dirname(file), name).replace(/\.js$/, '.ts')));
  }
  return graph;
}

/**
 * The graph between folders: an edge for every import from a file in one folder to a file in
 * another. A folder and its own subfolders count as one unit (a registry such as `lint/rules/index.ts`
 * imports its rules, and they import the types of their parent), so no edge joins them.
 */
export function folderGraph(files: Map<string, string[]>): Map<string, string[]> {
  const folders = new Map<string, Set<string>>();
  for (const [file, imports] of files) {
    const from = path.posix.dirname(file);
    const edges = folders.get(from) ?? new Set<string>();
    for (const target of imports) {
      const to = path.posix.dirname(target);
      if (!contains(from, to) && !contains(to, from)) edges.add(to);
    }
    folders.set(from, edges);
  }
  return new Map([...folders].map(([folder, edges]) => [folder, [...edges].sort()]));
}

function contains(folder: string, other: string): boolean {
  return other === folder || other.startsWith(`${folder}/`);
}

/** The cycles of a graph: its strongly connected components with more than one node (Tarjan). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
