import { mkdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectStats } from '../../src/core/lint-results.js';
import { defaultLintConfig } from '../../src/lint/config.js';
import { lintProject } from '../../src/lint/lint-project.js';
import { createProjectResolver } from '../../src/lint/project-runs.js';
import { findProjectBoundary, ProjectFinder } from '../../src/lint/projects.js';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';
import { lintSources } from '../../src/lint/lint-sources.js';
import { findings, FIXTURE_PLAN, fixturePlan, VIRTUAL_ROOT, type Finding } from './helpers.js';

// Each file's imports resolve with its own project's tsconfig: an event name imported through a
// `paths` alias (or from a .tsx file) resolves to an unplanned name, so `unplanned-event` at the
// call proves the import resolved; `dynamic-event-name` there means it did not.
const SEND = (name: string) => `analytics.track(${name}, { order_id: 'o-1', total: 1 });\n`;
const WORKSPACE = JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] });
const json = (value: object) => JSON.stringify(value, null, 2);

/** Two apps, each with its own `paths` alias, under a root tsconfig without `paths`. */
const TWO_APPS = {
  'package.json': WORKSPACE,
  'tsconfig.json': json({ compilerOptions: { strict: true } }),
  'apps/dash/tsconfig.json': json({ compilerOptions: { strict: true, paths: { '@/*': ['./src/*'] } }, include: ['src'] }),
  'apps/dash/src/utils/telemetry.ts': `export enum TelemetryEvent { Opened = 'Dash Opened' }\n`,
  'apps/dash/src/page.ts': `import { TelemetryEvent } from '@/utils/telemetry';\n${SEND('TelemetryEvent.Opened')}`,
  'apps/site/tsconfig.json': json({ compilerOptions: { strict: true, paths: { '~/*': ['./lib/*'] } } }),
  'apps/site/lib/names.ts': `export const HOME = 'Site Home';\n`,
  'apps/site/src/home.ts': `import { HOME } from '~/names';\n${SEND('HOME')}`,
  'scripts/seed.ts': SEND(`'Seeded'`),
};

interface ProjectCase {
  name: string;
  files: Record<string, string>;
  /** Symlinks to make (link -> target, relative to the tree), as a package manager links workspaces. */
  links?: Record<string, string>;
  paths?: string[];
  tsconfig?: string;
  expected: [ruleId: string, file: string, line: number, column: number][];
  projects: ProjectStats[];
}

const CASES: ProjectCase[] = [
  {
    name: 'a .tsx enum import resolves under a tsconfig that leaves jsx unset (TS6142)',
    files: {
      'tsconfig.json': json({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler' }, include: ['src'] }),
      'src/consts.tsx': `export enum E { ConfigureLater = 'Configure Later Click' }\nexport const View = () => <div />;\n`,
      'src/app.ts': `import { E } from './consts';\n${SEND('E.ConfigureLater')}`,
    },
    expected: [['unplanned-event', 'src/app.ts', 2, 17]],
    projects: [{ tsconfig: 'tsconfig.json', checker: true, files: 2, filesWithCalls: ['src/app.ts'] }],
  },
  {
    name: 'two apps with different paths both resolve under `lint .` from the root',
    files: TWO_APPS,
    expected: [
      ['unplanned-event', 'apps/dash/src/page.ts', 2, 17],
      ['unplanned-event', 'apps/site/src/home.ts', 2, 17],
      ['unplanned-event', 'scripts/seed.ts', 1, 17],
    ],
    projects: [
      { tsconfig: 'apps/dash/tsconfig.json', checker: true, files: 2, filesWithCalls: ['apps/dash/src/page.ts'] },
      { tsconfig: 'apps/site/tsconfig.json', checker: true, files: 2, filesWithCalls: ['apps/site/src/home.ts'] },
      { tsconfig: 'tsconfig.json', checker: false, files: 1, filesWithCalls: ['scripts/seed.ts'] },
    ],
  },
  {
    name: '--tsconfig overrides the projects for every file',
    files: TWO_APPS,
    tsconfig: 'apps/dash/tsconfig.json',
    expected: [
      ['unplanned-event', 'apps/dash/src/page.ts', 2, 17],
      ['dynamic-event-name', 'apps/site/src/home.ts', 2, 17],
      ['unplanned-event', 'scripts/seed.ts', 1, 17],
    ],
    projects: [{ tsconfig: 'apps/dash/tsconfig.json', checker: true, files: 5, filesWithCalls: ['apps/dash/src/page.ts', 'apps/site/src/home.ts', 'scripts/seed.ts'] }],
  },
  {
    name: 'a solution-style tsconfig hands each file to the referenced project that includes it',
    files: {
      'tsconfig.json': json({ files: [], references: [{ path: './tsconfig.app.json' }, { path: './server' }] }),
      'tsconfig.app.json': json({ compilerOptions: { strict: true, paths: { '@/*': ['./src/*'] } }, include: ['src'] }),
      'server/tsconfig.json': json({ compilerOptions: { strict: true, paths: { '@/*': ['./lib/*'] } }, include: ['.'] }),
      // Both projects map `@/names`, each to its own file: the wrong project would resolve the other name.
      'src/names.ts': `export const NAME = 'App Opened';\n`,
      'src/app.ts': `import { NAME } from '@/names';\n${SEND('NAME')}`,
      'server/lib/names.ts': `export const NAME = 'Order Completed';\n`,
      'server/index.ts': `import { NAME } from '@/names';\n${SEND('NAME')}`,
    },
    expected: [['unplanned-event', 'src/app.ts', 2, 17]],
    projects: [
      { tsconfig: 'server/tsconfig.json', checker: true, files: 2, filesWithCalls: ['server/index.ts'] },
      { tsconfig: 'tsconfig.app.json', checker: true, files: 2, filesWithCalls: ['src/app.ts'] },
    ],
  },
  {
    name: 'a jsconfig.json governs a JavaScript package',
    files: {
      'package.json': WORKSPACE,
      'apps/legacy/jsconfig.json': json({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
      'apps/legacy/src/names.js': `export const NAME = 'Legacy Opened';\n`,
      'apps/legacy/src/app.js': `import { NAME } from '@/names';\n${SEND('NAME')}`,
    },
    expected: [['unplanned-event', 'apps/legacy/src/app.js', 2, 17]],
    projects: [{ tsconfig: 'apps/legacy/jsconfig.json', checker: true, files: 2, filesWithCalls: ['apps/legacy/src/app.js'] }],
  },
  {
    name: 'extends of a workspace package linked in node_modules carries its paths',
    files: {
      'package.json': WORKSPACE,
      'packages/tsconfig/package.json': json({ name: '@acme/tsconfig', version: '1.0.0' }),
      'packages/tsconfig/base.json': json({ compilerOptions: { strict: true, paths: { '#app/*': ['${configDir}/src/*'] } } }),
      'apps/web/tsconfig.json': json({ extends: '@acme/tsconfig/base.json', include: ['src'] }),
      'apps/web/src/names.ts': `export const NAME = 'Web Opened';\n`,
      'apps/web/src/app.ts': `import { NAME } from '#app/names';\n${SEND('NAME')}`,
    },
    links: { 'node_modules/@acme/tsconfig': 'packages/tsconfig' },
    paths: ['apps'],
    expected: [['unplanned-event', 'apps/web/src/app.ts', 2, 17]],
    projects: [{ tsconfig: 'apps/web/tsconfig.json', checker: true, files: 2, filesWithCalls: ['apps/web/src/app.ts'] }],
  },
];

async function lintTree(testCase: Pick<ProjectCase, 'files' | 'links' | 'paths' | 'tsconfig'>, typeCheck = true) {
  const cwd = await tempTree(testCase.files, 'trackplan-projects-');
  for (const [link, target] of Object.entries(testCase.links ?? {})) {
    await mkdir(path.dirname(path.join(cwd, link)), { recursive: true });
    await symlink(path.join(cwd, target), path.join(cwd, link), 'dir');
  }
  const result = await lintProject({
    plan: await fixturePlan(),
    config: defaultLintConfig(),
    paths: testCase.paths ?? ['.'],
    cwd,
    typeCheck,
    ...(testCase.tsconfig !== undefined ? { tsconfig: testCase.tsconfig } : {}),
  });
  return { cwd, result };
}

const where = (list: Finding[]) => list.filter((f) => f.ruleId !== 'wrong-source').map((f) => [f.ruleId, f.file, f.line, f.column]);

describe('lint: each file checked with its own TypeScript project', () => {
  it.each(CASES)('$name', async (testCase) => {
    const { result } = await lintTree(testCase);
    expect(where(findings(result))).toEqual(testCase.expected);
    expect(result.stats.projects).toEqual(testCase.projects);
    expect(result.stats.checker).toBe(testCase.projects.some((p) => p.checker));
  });

  it('without the type checker names the projects but starts none', async () => {
    const { result } = await lintTree({ files: TWO_APPS }, false);
    expect(result.stats.checker).toBe(false);
    expect(result.stats.projects.map((p) => [p.tsconfig, p.checker, p.files])).toEqual([
      ['apps/dash/tsconfig.json', false, 2], ['apps/site/tsconfig.json', false, 2], ['tsconfig.json', false, 1],
    ]);
  });

  it('stops an `extends` that does not resolve with its place (exit 2), not with every name dynamic', async () => {
    const files = { 'package.json': WORKSPACE, 'apps/web/tsconfig.json': `{\n  "extends": "@acme/missing/base.json"\n}\n`, 'apps/web/a.ts': SEND(`'X'`) };
    await expect(lintTree({ files })).rejects.toThrow(/^apps\/web\/tsconfig\.json:2:14: .*@acme\/missing\/base\.json/);
  });
});

describe('resolveModule: a specifier resolved with the containing file\'s project', () => {
  const table: [specifier: string, from: string, resolved: string | undefined][] = [
    ['@/utils/telemetry', 'apps/dash/src/page.ts', 'apps/dash/src/utils/telemetry.ts'],
    ['~/names', 'apps/site/src/home.ts', 'apps/site/lib/names.ts'],
    ['~/names', 'apps/dash/src/page.ts', undefined],
    ['@/utils/telemetry', 'scripts/seed.ts', undefined],
    ['./utils/telemetry', 'apps/dash/src/page.ts', 'apps/dash/src/utils/telemetry.ts'],
  ];
  it('follows each package\'s paths', async () => {
    const cwd = await tempTree(TWO_APPS, 'trackplan-projects-');
    const resolveModule = createProjectResolver(cwd, new Map());
    const actual = table.map(([specifier, from]) => resolveModule(specifier, path.join(cwd, from)));
    expect(actual).toEqual(table.map(([, , resolved]) => (resolved === undefined ? undefined : path.join(cwd, resolved))));
  });

  it('sees files held in memory, in folders the disk does not have', async () => {
    const cwd = await tempTree({ 'package.json': '{}' }, 'trackplan-projects-');
    const texts = new Map([
      [path.join(cwd, 'only/in/memory/a.ts'), `import { E } from './names';\n`],
      [path.join(cwd, 'only/in/memory/names.ts'), `export const E = 'x';\n`],
    ]);
    const resolveModule = createProjectResolver(cwd, texts);
    expect(resolveModule('./names', path.join(cwd, 'only/in/memory/a.ts'))).toBe(path.join(cwd, 'only/in/memory/names.ts'));
  });
});

describe('lint reports name the projects', () => {
  function capture(cwd: string): Io & { out: string } {
    const io = { out: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: () => undefined };
    return io;
  }

  it('json: summary.checker and each project with its files', async () => {
    const cwd = await tempTree(TWO_APPS, 'trackplan-projects-');
    const io = capture(cwd);
    expect(await runCli(['lint', '--plan', FIXTURE_PLAN, '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out) as { summary: Record<string, unknown>; projects: ProjectStats[] };
    expect(report.summary).toEqual({ errors: 3, warnings: 0, files: 5, parsed: 3, calls: 3, checker: true });
    expect(report.projects).toEqual(CASES[1]!.projects);
  });

  it('sarif: the run\'s properties hold the projects, each result the tsconfig of its file', async () => {
    const cwd = await tempTree(TWO_APPS, 'trackplan-projects-');
    expect(await runCli(['lint', '--plan', FIXTURE_PLAN, '--format', 'sarif', '-o', 'out.sarif'], capture(cwd))).toBe(1);
    const log = JSON.parse(await readFile(path.join(cwd, 'out.sarif'), 'utf8')) as {
      runs: { properties: { checker: boolean; projects: ProjectStats[] }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties: object }[] }[];
    };
    const [run] = log.runs;
    expect(run!.properties).toEqual({ checker: true, projects: CASES[1]!.projects });
    expect(run!.results.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.properties])).toEqual([
      ['apps/dash/src/page.ts', { messageId: 'unplannedEvent', tsconfig: 'apps/dash/tsconfig.json' }],
      ['apps/site/src/home.ts', { messageId: 'unplannedEvent', tsconfig: 'apps/site/tsconfig.json' }],
      ['scripts/seed.ts', { messageId: 'unplannedEvent', tsconfig: 'tsconfig.json' }],
    ]);
  });

  it('pretty: the summary counts the projects', async () => {
    const cwd = await tempTree(TWO_APPS, 'trackplan-projects-');
    const io = capture(cwd);
    expect(await runCli(['lint', '--plan', FIXTURE_PLAN], io)).toBe(1);
    expect(io.out).toContain('3 errors, 0 warnings (5 files, 3 parsed, 3 analytics calls, 3 TypeScript projects)\n');
  });
});

describe('findProjectBoundary: where the search for a tsconfig stops', () => {
  const table: [name: string, files: Record<string, string>, cwd: string, boundary: string | null][] = [
    ['the repository root (.git) above the working folder', { 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/apps/web/a.ts': '' }, 'repo/apps/web', 'repo'],
    ['a worktree\'s .git file', { 'repo/.git': 'gitdir: /elsewhere\n', 'repo/a.ts': '' }, 'repo', 'repo'],
    ['outside git, a pnpm workspace root', { 'ws/pnpm-workspace.yaml': 'packages: [apps/*]\n', 'ws/apps/web/a.ts': '' }, 'ws/apps/web', 'ws'],
    ['outside git, a package.json with workspaces', { 'ws/package.json': WORKSPACE, 'ws/apps/web/package.json': '{}', 'ws/apps/web/a.ts': '' }, 'ws/apps/web', 'ws'],
    ['neither: the file system root', { 'plain/package.json': '{"name":"p"}', 'plain/a.ts': '' }, 'plain', null],
  ];
  it.each(table)('%s', async (_name, files, cwd, boundary) => {
    const dir = await tempTree(files, 'trackplan-boundary-');
    expect(findProjectBoundary(path.join(dir, cwd))).toBe(boundary === null ? path.parse(dir).root : path.join(dir, boundary));
  });

  it('leaves a tsconfig above the repository out of its projects', async () => {
    const dir = await tempTree({
      'tsconfig.json': json({ compilerOptions: { paths: { '@/*': ['./repo/src/*'] } } }),
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/src/a.ts': SEND(`'X'`),
    }, 'trackplan-boundary-');
    const cwd = path.join(dir, 'repo');
    const finder = new ProjectFinder(findProjectBoundary(cwd), cwd);
    expect(finder.projectOf(path.join(cwd, 'src/a.ts')).tsconfig).toBeUndefined();
  });
});

describe('a large package is checked in batches', () => {
  it('gives the findings of one program, files of one batch importing files of another', async () => {
    const files = {
      'src/web/names.ts': `export enum N { A = 'Order Complete' }\nexport const B = 'Signed Upp';\n${SEND('N.A')}`,
      'src/web/a.ts': `import { N } from './names';\nexport const go = 1;\n${SEND('N.A')}`,
      'src/web/b.ts': `import { B } from './names';\n${SEND('B')}`,
      'src/web/c.ts': `import { N } from './names';\nimport { go } from './a';\nvoid go;\n${SEND('N.A')}`,
    };
    const sources = Object.entries(files).map(([file, text]) => ({ file: path.join(VIRTUAL_ROOT, file), text }));
    const lint = async (checkerBatch?: number) => lintSources(sources, {
      plan: await fixturePlan(), config: defaultLintConfig(), cwd: VIRTUAL_ROOT, ...(checkerBatch !== undefined ? { checkerBatch } : {}),
    });
    const whole = where(findings(await lint()));
    expect(whole).toEqual([
      ['unplanned-event', 'src/web/a.ts', 3, 17],
      ['unplanned-event', 'src/web/b.ts', 2, 17],
      ['unplanned-event', 'src/web/c.ts', 4, 17],
      ['unplanned-event', 'src/web/names.ts', 3, 17],
    ]);
    expect(where(findings(await lint(1)))).toEqual(whole);
    expect(where(findings(await lint(3)))).toEqual(whole);
  });
});
