import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { DIFF_COMMENT_MARKER } from '../../src/report/markdown.js';
import { tempTree } from '../helpers/temp.js';

const root = path.join(import.meta.dirname, '../..');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  id?: string;
  with?: Record<string, unknown>;
}

async function workflow(): Promise<{ on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> }> {
  return parse(await readFile(path.join(root, 'examples/github/trackplan.yml'), 'utf8')) as never;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** The arguments of each `npx trackplan ...` line, with shell quoting and redirections dropped. */
function trackplanCommands(steps: Step[]): string[][] {
  return steps.flatMap((s) => (s.run ?? '').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line.startsWith('npx trackplan '))
    .map((line) => line.replace(/\s*>.*$/, '').split(/\s+/).slice(2).map((arg) => arg.replace(/^"|"$/g, '')));
}

describe('the GitHub Actions recipe (examples/github/trackplan.yml)', () => {
  it('runs check, diff (commented on the PR), build --check and lint with a SARIF upload on pull requests', async () => {
    const file = await workflow();
    expect(Object.keys(file.on)).toEqual(['pull_request']);
    expect(file.permissions).toMatchObject({ 'pull-requests': 'write', 'security-events': 'write' });
    const steps = Object.values(file.jobs)[0]!.steps;
    expect(trackplanCommands(steps)).toEqual([
      ['check', '--format', 'github'],
      ['diff', '$BASE', '--format', 'markdown'],
      ['build', '--check'],
      ['lint', '--format', 'sarif'],
    ]);
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with).toMatchObject({ 'fetch-depth': 0 });
    expect(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toBe(true);
    const comment = steps.find((s) => s.uses?.startsWith('actions/github-script'));
    expect(String(comment?.with?.['script'])).toContain(`const marker = '${DIFF_COMMENT_MARKER}';`);
  });

  it('its check, diff and build commands work as written on a pull-request branch', async () => {
    const header = (version: string) => `trackplan: 1\nid: shop\nname: Shop\nversion: ${version}\nsources:\n  web: { name: Web, sdk: segment-js }\n`;
    const events = 'events:\n  order_completed:\n    description: Paid.\n    owner: checkout\n    properties:\n      total: { type: number, required: true, description: Sum. }\n';
    const repo = await tempTree({ 'plans/plan.yaml': header('1.0.0'), 'plans/events.yaml': events });
    expect(await runCli(['build'], capture(repo))).toBe(0);
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'branch', 'base-branch');
    // The pull request adds an optional property and bumps minor.
    await writeFile(path.join(repo, 'plans/plan.yaml'), header('1.1.0'));
    await writeFile(path.join(repo, 'plans/events.yaml'), `${events}      coupon: { type: string, description: Code. }\n`);
    expect(await runCli(['build'], capture(repo))).toBe(0);

    const steps = Object.values((await workflow()).jobs)[0]!.steps;
    const expected: Record<string, number> = { check: 0, diff: 0, build: 0 };
    for (const args of trackplanCommands(steps)) {
      if (!(args[0]! in expected)) continue; // lint belongs to the code linter's tests
      const io = capture(repo);
      const code = await runCli(args.map((a) => (a === '$BASE' ? 'base-branch' : a)), io);
      expect([args[0], code, io.err]).toEqual([args[0], expected[args[0]!], '']);
      if (args[0] === 'diff') expect(io.out.startsWith(`${DIFF_COMMENT_MARKER}\n`)).toBe(true);
    }
  });
});
