import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const IMPORT = /(?:from|import)\s+'(\.{1,2}\/[^']+)'/g;

/**
 * Compiles an entry file and every local module it imports to plain ESM in a temp folder (type
 * stripping only, like the build minus the type check), so a test can run the current source in
 * a real child process without a full `tsc` build of the project.
 */
export async function buildChild(entry: string): Promise<{ dir: string; main: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trackplan-child-'));
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const seen = new Set<string>();
  const queue = [path.resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) queue.push(path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, '.ts')));
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    });
    const out = path.join(dir, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, outputText);
  }
  return { dir, main: path.join(dir, path.relative(ROOT, entry)).replace(/\.ts$/, '.js') };
}
