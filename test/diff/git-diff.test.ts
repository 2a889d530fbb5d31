import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { loadPlanAtRef } from '../../src/sources/git-plan.js';
import { tempTree } from '../helpers/temp.js';

const HEADER = (version: string) => `trackplan: 1\nid: shop\nname: Shop\nversion: ${version}\n`;
const V1 = 'events:\n  order_completed:\n    description: Paid.\n    owner: checkout\n    properties:\n      total: { type: number, required: true }\n      coupon: string\n';
// v2 renames coupon (breaking) but only bumps minor: the bump is too small.
const V2 = V1.replace('coupon: string', 'coupon_code: string');
// The working tree: plus an optional property, version bumped to 2.0.0.
const V3 = `${V2}      currency: string\n`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

let repo: string;

beforeAll(async () => {
  repo = await tempTree({ 'plans/plan.yaml': HEADER('1.0.0'), 'plans/events/orders.yaml': V1, 'README.md': 'shop\n' });
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'v1');
  git(repo, 'tag', 'v1');
  await writeFile(path.join(repo, 'plans/plan.yaml'), HEADER('1.1.0'));
  await writeFile(path.join(repo, 'plans/events/orders.yaml'), V2);
  git(repo, 'commit', '-q', '-am', 'v2');
  await writeFile(path.join(repo, 'plans/plan.yaml'), HEADER('2.0.0'));
  await writeFile(path.join(repo, 'plans/events/orders.yaml'), V3);
});

describe('trackplan diff between git commits', () => {
  it('compares two commits without touching the working tree or the index', async () => {
    const status = git(repo, 'status', '--porcelain');
    const head = git(repo, 'rev-parse', 'HEAD');
    const io = capture(repo);
    expect(await runCli(['diff', 'v1', 'HEAD', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out) as Record<string, unknown>;
    expect(report).toEqual({
      base: { source: 'v1', id: 'shop', version: '1.0.0' },
      head: { source: 'HEAD', id: 'shop', version: '1.1.0' },
      summary: { breaking: 1, compatible: 1, docs: 0 },
      bump: {
        required: 'major', expected: 'major', actual: 'minor', ok: false, messageId: 'bumpTooSmall',
        message: 'version 1.0.0 -> 1.1.0 is a minor bump, but the changes need a major bump (to 2.0.0 or later)',
      },
      changes: [
        {
          kind: 'breaking', changeId: 'propertyRemoved', call: 'track', event: 'order_completed', property: 'coupon', before: ['string'],
          message: 'property "coupon" removed', side: 'base', file: 'plans/events/orders.yaml', line: 7, column: 7,
          hint: { rename: { from: 'coupon', to: 'coupon_code' }, message: 'property "coupon" -> "coupon_code" may be a rename: to its consumers a rename is a removal plus an addition. Keep the old name (deprecated) for a release, or bump major.' },
        },
        {
          kind: 'compatible', changeId: 'propertyAdded', call: 'track', event: 'order_completed', property: 'coupon_code', after: ['string'],
          message: 'optional property "coupon_code" added', side: 'head', file: 'plans/events/orders.yaml', line: 7, column: 7,
          hint: { rename: { from: 'coupon', to: 'coupon_code' }, message: 'property "coupon" -> "coupon_code" may be a rename: to its consumers a rename is a removal plus an addition. Keep the old name (deprecated) for a release, or bump major.' },
        },
      ],
    });
    expect(git(repo, 'status', '--porcelain')).toBe(status);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(await readFile(path.join(repo, 'plans/events/orders.yaml'), 'utf8')).toBe(V3);
  });

  it('compares a ref with the working tree by default, and passes a big enough bump', async () => {
    const io = capture(repo);
    expect(await runCli(['diff', 'v1'], io)).toBe(0);
    expect(io.out).toBe([
      'shop: v1 (1.0.0) -> working tree (2.0.0)',
      '',
      '  track order_completed',
      '    breaking    property "coupon" removed  plans/events/orders.yaml:7:7 (v1)',
      '                hint: property "coupon" -> "coupon_code" may be a rename: to its consumers a rename is a removal plus an addition. Keep the old name (deprecated) for a release, or bump major.',
      '    compatible  optional property "coupon_code" added  plans/events/orders.yaml:7:7',
      '                hint: property "coupon" -> "coupon_code" may be a rename: to its consumers a rename is a removal plus an addition. Keep the old name (deprecated) for a release, or bump major.',
      '    compatible  optional property "currency" added  plans/events/orders.yaml:8:7',
      '',
      '1 breaking, 2 compatible, 0 docs changes; they need a major bump',
      'ok: version 1.0.0 -> 2.0.0 (major) covers the changes (they need major)',
      '',
    ].join('\n'));
  });

  it('writes a pull-request comment in markdown: verdict, summary, breaking table, collapsed details', async () => {
    const io = capture(repo);
    expect(await runCli(['diff', 'v1', 'HEAD', '--format', 'markdown'], io)).toBe(1);
    const lines = io.out.split('\n');
    expect(lines.slice(0, 11)).toEqual([
      '<!-- trackplan-diff -->',
      '### Tracking plan `shop`: `1.0.0` → `1.1.0`',
      '',
      ':x: version 1.0.0 -> 1.1.0 is a minor bump, but the changes need a major bump (to 2.0.0 or later)',
      '',
      '**1 breaking, 1 compatible, 0 docs changes; they need a major bump** (v1 → HEAD)',
      '',
      '#### Breaking changes',
      '',
      '| Event | Change | Where |',
      '| --- | --- | --- |',
    ]);
    expect(lines[11]).toBe('| track `order_completed` | property "coupon" removed — _may be a rename: `coupon` → `coupon_code`_ | `plans/events/orders.yaml:7:7` (v1) |');
    expect(io.out).toContain('<details><summary>All 2 changes</summary>');
    expect(io.out.trimEnd().endsWith('</details>')).toBe(true);
    expect(io.out.indexOf('#### Breaking changes')).toBeLessThan(io.out.indexOf('<details>'));
  });

  it('reads the plan of a commit from a subfolder, with names relative to it', async () => {
    const sub = path.join(repo, 'plans', 'events');
    const loaded = await loadPlanAtRef('v1', '..', { cwd: sub });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.plan!.files).toEqual(['../plan.yaml', 'orders.yaml']);
    expect(loaded.plan!.version).toBe('1.0.0');
  });

  it('honours the header include globs at the ref', async () => {
    const other = await tempTree({
      'plans/plan.yaml': `${HEADER('1.0.0')}include: ["events/**/*.yaml"]\n`,
      'plans/events/orders.yaml': V1,
      'plans/drafts/wip.yaml': 'events:\n  half_done: {}\n',
    });
    git(other, 'init', '-q');
    git(other, 'add', '.');
    git(other, 'commit', '-q', '-m', 'one');
    const loaded = await loadPlanAtRef('HEAD', 'plans', { cwd: other });
    expect(loaded.plan!.events.map((e) => e.name)).toEqual(['order_completed']);
  });
});

describe('trackplan diff between folders and on errors', () => {
  it('compares two folders', async () => {
    const dir = await tempTree({
      'old/plan.yaml': HEADER('1.0.0'), 'old/events.yaml': V1,
      'new/plan.yaml': HEADER('1.0.1'), 'new/events.yaml': V1.replace('Paid.', 'Paid in full.'),
    });
    const io = capture(dir);
    expect(await runCli(['diff', 'old', 'new', '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out) as { summary: unknown; bump: { ok: boolean; expected: string }; changes: { changeId: string; file: string }[] };
    expect(report.summary).toEqual({ breaking: 0, compatible: 0, docs: 1 });
    expect(report.bump).toMatchObject({ ok: true, expected: 'patch' });
    expect(report.changes.map((c) => [c.changeId, c.file])).toEqual([['eventDescriptionChanged', 'new/events.yaml']]);
  });

  it('exits 1 when the version goes backwards', async () => {
    const dir = await tempTree({ 'old/plan.yaml': HEADER('1.2.0'), 'old/events.yaml': V1, 'new/plan.yaml': HEADER('1.1.0'), 'new/events.yaml': V1 });
    const io = capture(dir);
    expect(await runCli(['diff', 'old', 'new'], io)).toBe(1);
    expect(io.out).toContain('error: version goes backwards: 1.2.0 -> 1.1.0\n');
  });

  it('exits 2 on something that is neither a folder nor a ref, and on an unusable ref', async () => {
    const io = capture(repo);
    expect(await runCli(['diff', 'no-such-branch'], io)).toBe(2);
    expect(io.err).toContain('"no-such-branch" is neither a folder nor a git ref');
    const dash = capture(repo);
    expect(await runCli(['diff', '--', '--output=/tmp/x'], dash)).toBe(2);
    expect(dash.err).toContain('is neither a folder nor a git ref');
  });

  it('exits 2 when the plan does not exist at the ref', async () => {
    const io = capture(repo);
    expect(await runCli(['diff', 'v1', '--plan', 'nowhere'], io)).toBe(2);
    expect(io.err).toContain('plan not found at v1: nowhere');
  });

  it('exits 2, naming the places, when one side has errors', async () => {
    const dir = await tempTree({ 'old/plan.yaml': HEADER('1.0.0'), 'old/events.yaml': 'events:\n  a:\n    properties:\n      p: strng\n', 'plans/plan.yaml': HEADER('1.0.0'), 'plans/events.yaml': V1 });
    const io = capture(dir);
    expect(await runCli(['diff', 'old'], io)).toBe(2);
    expect(io.err).toContain('old/events.yaml:4:10  error  unknown type "strng"');
    expect(io.err).toContain('the plan at old has errors');
    await rm(path.join(dir, 'old'), { recursive: true });
  });
});
