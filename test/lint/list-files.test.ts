import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSourceFiles } from '../../src/lint/list-files.js';
import { tempTree } from '../helpers/temp.js';

const CALL = `analytics.track('x', {});\n`;

async function project() {
  return tempTree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'dist/\n*.generated.ts\n',
    'src/a.ts': CALL,
    'src/b.js': CALL,
    'src/c.cjs': CALL,
    'src/d.mjs': CALL,
    'src/e.tsx': CALL,
    'src/f.jsx': CALL,
    'src/g.mts': CALL,
    'src/types.d.ts': 'export {};\n',
    'src/api.generated.ts': CALL,
    'src/nested/.gitignore': 'local.ts\n',
    'src/nested/local.ts': CALL,
    'src/nested/kept.ts': CALL,
    'src/notes.md': 'analytics.track()\n',
    'dist/bundle.js': CALL,
    'node_modules/pkg/index.js': CALL,
    'src/node_modules/inner/index.js': CALL,
  });
}

const relative = (root: string, files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

describe('listing the files to lint', () => {
  it('takes every JS/TS flavour, skips node_modules, declarations and what .gitignore files exclude', async () => {
    const root = await project();
    const { files, missing } = await listSourceFiles(['.'], root, []);
    expect(missing).toEqual([]);
    expect(relative(root, files)).toEqual(['src/a.ts', 'src/b.js', 'src/c.cjs', 'src/d.mjs', 'src/e.tsx', 'src/f.jsx', 'src/g.mts', 'src/nested/kept.ts']);
  });

  it('applies the .gitignore of the folders above a linted subfolder, up to the repository root', async () => {
    const root = await project();
    const { files } = await listSourceFiles(['src/nested', 'src'], root, []);
    expect(relative(root, files)).not.toContain('src/api.generated.ts');
    expect(relative(root, files)).toContain('src/nested/kept.ts');
  });

  it('leaves out the ignore globs, lints a file named explicitly, and reports missing paths', async () => {
    const root = await project();
    const { files, missing } = await listSourceFiles(['src', 'dist/bundle.js', 'nowhere'], root, ['src/*.js', '**/*.tsx']);
    expect(relative(root, files)).toEqual(['dist/bundle.js', 'src/a.ts', 'src/c.cjs', 'src/d.mjs', 'src/f.jsx', 'src/g.mts', 'src/nested/kept.ts']);
    expect(missing).toEqual(['nowhere']);
  });
});

describe('a folder named explicitly', () => {
  it('is linted even when a .gitignore above it leaves it out, with the rest of that .gitignore dropped', async () => {
    const root = await tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'scratch/\n',
      'scratch/a.ts': CALL,
      'src/a.ts': CALL,
    });
    expect(relative(root, (await listSourceFiles(['scratch'], root, [])).files)).toEqual(['scratch/a.ts']);
    expect(relative(root, (await listSourceFiles(['.'], root, [])).files)).toEqual(['src/a.ts']);
  });
});
