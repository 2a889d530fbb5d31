// A build of another commit's src/ (default: where this branch left main), for benches that report
// before/after in one run: `--before <git-ref>` picks the commit. Cached in bench/.data/base-<sha>.
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

/** The commit to compare with: `--before REF`, else the merge base with main (HEAD^ when HEAD is on main). */
export function beforeRef() {
  const i = process.argv.indexOf('--before');
  if (i > 0) return process.argv[i + 1];
  const base = git('merge-base', 'HEAD', 'main');
  return base === git('rev-parse', 'HEAD') ? 'HEAD^' : base;
}

/** Builds (once) the given commit's src/ with this checkout's node_modules; returns its folder (with dist/). */
export async function baseDist(ref) {
  const sha = git('rev-parse', ref);
  const dir = path.join(root, 'bench', '.data', `base-${sha.slice(0, 10)}`);
  if (!existsSync(path.join(dir, 'dist', 'runtime', 'validator.js'))) {
    await mkdir(dir, { recursive: true });
    process.stdout.write(`building ${ref} (${sha.slice(0, 10)}) into ${path.relative(root, dir)} for the before/after comparison ...\n`);
    execFileSync('sh', ['-c', `git archive ${sha} src tsconfig.json tsconfig.build.json package.json | tar -x -C '${dir}'`], { cwd: root });
    if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'ignore' });
    } catch {
      // Type errors still emit; what matters is the JavaScript.
    }
  }
  return { dir, sha: sha.slice(0, 10) };
}
