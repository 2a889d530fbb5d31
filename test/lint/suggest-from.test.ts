import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProjectResolver } from '../../src/lint/project-runs.js';
import { createAliasFinder } from '../../src/lint/suggest-from.js';
import { tempTree } from '../helpers/temp.js';

const LIB = 'src/lib/analytics.ts';
const WRAPPER = 'export function track(name: string) { return name; }';

const cases: { name: string; files: Record<string, string>; target: string; expected: string | undefined }[] = [
  { name: 'every importer uses the alias', files: { [LIB]: WRAPPER, 'src/a.ts': `import { track } from '@/lib/analytics';`, 'src/b/c.ts': `const { track } = require('@/lib/analytics');` }, target: LIB, expected: '@/lib/analytics' },
  { name: 'a relative importer too', files: { [LIB]: WRAPPER, 'src/a.ts': `import { track } from '@/lib/analytics';`, 'src/lib/b.ts': `import { track } from './analytics';` }, target: LIB, expected: undefined },
  { name: 'two aliases', files: { [LIB]: WRAPPER, 'src/a.ts': `import { track } from '@/lib/analytics';`, 'src/b.ts': `import { track } from '~/lib/analytics';` }, target: LIB, expected: undefined },
  { name: 'an alias of another module with the same name', files: { [LIB]: WRAPPER, 'src/a.ts': `import { track } from '@/other/analytics';`, 'src/other/analytics.ts': WRAPPER }, target: LIB, expected: undefined },
  { name: 'the entry of a workspace package', files: { 'packages/analytics/src/index.ts': WRAPPER, 'apps/web/a.ts': `import { track } from '@acme/analytics';` }, target: 'packages/analytics/src/index.ts', expected: '@acme/analytics' },
  { name: 'no importer', files: { [LIB]: WRAPPER }, target: LIB, expected: undefined },
];

describe('the from: of a suggestion', () => {
  it.each(cases)('$name', async ({ files, target, expected }) => {
    const tsconfig = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'], '~/*': ['./src/*'] } } });
    const dir = await tempTree({ ...files, 'tsconfig.json': tsconfig, 'package.json': '{"name":"root"}' });
    const sources = Object.entries(files).map(([file, text]) => ({ file: path.join(dir, file), text }));
    const resolveModule = createProjectResolver(dir, new Map());
    const aliasOf = createAliasFinder(sources, { resolveModule, packageNameOf: (file) => (file.includes('packages/analytics') ? '@acme/analytics' : undefined) });
    expect(aliasOf(path.join(dir, target))).toBe(expected);
  });
});
