import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const PLAN = `trackplan: 1\nid: p\nname: P\nversion: 1.0.0\nevents:\n  Signed Up - [WEB]:\n    properties:\n      email: { type: string, required: true }\n`;

/** A package with a `@/*` alias, its wrapper appending ` - [WEB]`, a caller, and an unrelated local `track`. */
const PROJECT = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }),
  'src/lib/analytics.ts': 'export function track(name: string, props: object) {\n  window.analytics.track(`${name} - [WEB]`, props);\n}\n',
  'src/app/signup.ts': `import { track } from '@/lib/analytics';\ntrack('Signed Up', { plan: 'pro' });\n`,
  'src/app/keys.ts': `async function track({ clientKey }: { clientKey: string }) { return clientKey; }\nvoid track({ clientKey: 'k' });\n`,
  'plans/plan.yaml': PLAN,
};

interface JsonReport {
  suggestions: { file: string; line: number; column: number; function: string; sink: { kind: string; callee: string }; entry: Record<string, unknown> }[];
  summary: { files: number; parsed: number; suggestions: number };
}

describe('trackplan lint --suggest-wrappers', () => {
  it('prints a lint.calls entry that, pasted into the plan, lints the callers by the sent name', async () => {
    const dir = await tempTree(PROJECT);
    const io = capture(dir);
    expect(await runCli(['lint', '--suggest-wrappers', '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out) as JsonReport;
    expect(report.summary).toEqual({ files: 3, parsed: 3, suggestions: 1 });
    expect(report.suggestions.map((s) => [s.file, s.line, s.column, s.function, s.sink.kind, s.sink.callee, s.entry])).toEqual([
      ['src/lib/analytics.ts', 1, 17, 'track', 'sdk', 'window.analytics.track', { callee: 'track', from: '@/lib/analytics', event: 0, properties: 1, name: { suffix: ' - [WEB]' } }],
    ]);

    const entry = report.suggestions[0]!.entry;
    await writeFile(path.join(dir, 'plans/plan.yaml'), `${PLAN}lint:\n  calls:\n    - ${JSON.stringify(entry)}\n`);
    const lint = capture(dir);
    expect(await runCli(['lint', 'src/app', '--format', 'json'], lint)).toBe(1);
    const findings = (JSON.parse(lint.out) as { diagnostics: { file: string; line: number; column: number; ruleId: string }[] }).diagnostics;
    expect(findings.map((d) => [d.file, d.line, d.column, d.ruleId])).toEqual([['src/app/signup.ts', 2, 20, 'missing-required-property'], ['src/app/signup.ts', 2, 22, 'unknown-property']]);
  });

  it('--call takes the same entry on the command line', async () => {
    const dir = await tempTree(PROJECT);
    const io = capture(dir);
    expect(await runCli(['lint', 'src/app', '--format', 'json', '--call', 'track:from=@/lib/analytics,suffix= - [WEB]'], io)).toBe(1);
    const findings = (JSON.parse(io.out) as { diagnostics: { file: string; line: number; column: number; ruleId: string }[] }).diagnostics;
    expect(findings.map((d) => [d.file, d.line, d.column, d.ruleId])).toEqual([['src/app/signup.ts', 2, 20, 'missing-required-property'], ['src/app/signup.ts', 2, 22, 'unknown-property']]);
  });

  it('prints a YAML snippet ready to paste', async () => {
    const dir = await tempTree(PROJECT);
    const io = capture(dir);
    expect(await runCli(['lint', 'src', '--suggest-wrappers'], io)).toBe(0);
    expect(io.out).toBe([
      '# 1 wrapper found in 3 files; paste under `lint:` in the plan header',
      'calls:',
      '  # src/lib/analytics.ts:1:17 track -> window.analytics.track (browser SDK, line 2)',
      '  - callee: track',
      '    from: "@/lib/analytics"',
      '    event: 0',
      '    properties: 1',
      '    name:',
      '      suffix: " - [WEB]"',
      '',
    ].join('\n'));
  });

  it('writes the report to a file with -o', async () => {
    const dir = await tempTree(PROJECT);
    const io = capture(dir);
    expect(await runCli(['lint', '--suggest-wrappers', '--format', 'json', '-o', 'out/wrappers.json'], io)).toBe(0);
    expect(io.out).toBe('');
    expect(io.err).toBe('trackplan lint: 1 wrapper suggested; written to out/wrappers.json\n');
    const report = JSON.parse(await readFile(path.join(dir, 'out/wrappers.json'), 'utf8')) as JsonReport;
    expect(report.suggestions.map((s) => s.entry['callee'])).toEqual(['track']);
  });

  it('exits 0 without suggestions, and works without a plan folder', async () => {
    const dir = await tempTree({ 'src/a.ts': `export const x = 1;\n` });
    const io = capture(dir);
    expect(await runCli(['lint', '--suggest-wrappers'], io)).toBe(0);
    expect(io.out).toBe('# no wrappers found in 1 files\n');
  });

  it.each([
    ['a format it does not print', ['--format', 'sarif'], {}],
    ['a missing path', ['nope'], {}],
    ['bad lint: settings in the plan', [], { 'plans/plan.yaml': `${PLAN}lint:\n  calls:\n    - { callee: t, event: 0, message: 0 }\n` }],
  ])('exits 2 on %s', async (_name, args, files) => {
    const dir = await tempTree({ ...PROJECT, ...files });
    const io = capture(dir);
    expect(await runCli(['lint', '--suggest-wrappers', ...args], io)).toBe(2);
    expect(io.out).toBe('');
  });
});
