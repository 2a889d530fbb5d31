import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { runDocs, type DocsOptions } from '../../src/cli/docs.js';
import { captureIo } from '../helpers/catalog.js';
import { tempTree } from '../helpers/temp.js';

const git = promisify(execFile);
const PLAN = {
  'plans/plan.yaml': 'trackplan: 1\nid: shop\nname: Shop\nversion: 1.0.0\nsources:\n  web: { name: Web, sdk: rudderstack-js, paths: [src/**] }\n',
  'plans/events.yaml': 'events:\n  Order Completed:\n    description: Paid.\n    owner: checkout\n    sources: [web]\n    properties:\n      total: { type: number, required: true, minimum: 0, description: Amount paid. }\n',
};
const COVERAGE = {
  diagnostics: [],
  coverage: {
    events: [{ call: 'track', name: 'Order Completed', status: 'active', sources: ['web'], inCode: true, callSites: [{ file: 'src/app.ts', line: 7, column: 3, form: 'browser', sources: ['web'] }] }],
    unplanned: [], dynamic: [], sources: [], summary: { planned: 1, sent: 1, unsent: 0, callSites: 1, percent: 100 },
  },
};

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

describe('trackplan docs', () => {
  it('states its exit codes in --help', async () => {
    const io = captureIo(process.cwd());
    expect(await runCli(['docs', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/Exit codes:\n {2}0 .*\n {2}2 /);
  });

  it('writes the site: pages, assets, one page per call', async () => {
    const dir = await tempTree(PLAN);
    const io = captureIo(dir);
    expect(await runCli(['docs', '--out', 'site', '--history', '0'], io)).toBe(0);
    expect(await files(path.join(dir, 'site'))).toEqual([
      'assets/catalog.js', 'assets/minisearch.js', 'assets/search-index.js', 'assets/style.css',
      'changelog.html', 'coverage.html', 'events/track/order-completed.html', 'index.html', 'library.html', 'violations.html',
    ]);
    const html = await readFile(path.join(dir, 'site/index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it.each([
    ['a coverage file that is not JSON', { 'lint.json': '{' }, ['--coverage', 'lint.json'], 'lint.json: not JSON'],
    ['a lint file without coverage', { 'lint.json': '{"diagnostics":[]}' }, ['--coverage', 'lint.json'], 'lint.json: /coverage is missing'],
    ['a coverage event without call sites', { 'lint.json': JSON.stringify({ coverage: { ...COVERAGE.coverage, events: [{ call: 'track', name: 'x' }] } }) }, ['--coverage', 'lint.json'], 'lint.json: /coverage/events/0 must have'],
    ['a violations line that is not JSON', { 'v.ndjson': '{"violations":[]}\n\nnope\n' }, ['--violations', 'v.ndjson'], 'v.ndjson: line 3: not JSON'],
    ['a violations line that is not a record', { 'v.ndjson': '{"event":"x"}\n' }, ['--violations', 'v.ndjson'], 'v.ndjson: line 1: not a violation record'],
    ['a missing violations file', {}, ['--violations', 'gone.ndjson'], '--violations: cannot read gone.ndjson'],
    ['a negative --history', {}, ['--history', '-1'], '--history: expected a whole number'],
  ])('exits 2 on %s, naming the place, and writes nothing', async (_what, extra, args, message) => {
    const dir = await tempTree({ ...PLAN, ...extra });
    const io = captureIo(dir);
    expect(await runCli(['docs', '--out', 'site', ...args], io)).toBe(2);
    expect(io.err).toContain(message);
    expect(await files(path.join(dir, 'site'))).toEqual([]);
  });

  it('exits 2 on a plan with errors and writes nothing', async () => {
    const dir = await tempTree({ ...PLAN, 'plans/broken.yaml': 'events:\n  a:\n    properties:\n      p: strng\n' });
    const io = captureIo(dir);
    expect(await runCli(['docs', '--out', 'site'], io)).toBe(2);
    expect(io.err).toContain('plans/broken.yaml:4:10');
    expect(await files(path.join(dir, 'site'))).toEqual([]);
  });

  it('links call sites to the code host with --repo-url, else relative to the site', async () => {
    const dir = await tempTree({ ...PLAN, 'lint.json': JSON.stringify(COVERAGE) });
    await runCli(['docs', '--out', 'out/site', '--coverage', 'lint.json', '--history', '0', '--repo-url', 'https://code.example/acme/shop/blob/main/'], captureIo(dir));
    const hosted = await readFile(path.join(dir, 'out/site/events/track/order-completed.html'), 'utf8');
    expect(hosted).toContain('href="https://code.example/acme/shop/blob/main/src/app.ts#L7"');
    await runCli(['docs', '--out', 'out/site', '--coverage', 'lint.json', '--history', '0'], captureIo(dir));
    const local = await readFile(path.join(dir, 'out/site/events/track/order-completed.html'), 'utf8');
    expect(local).toContain('href="../../../../src/app.ts"');
  });

  it('shows the history of an event and the changelog between releases from git, breaking first', async () => {
    const dir = await tempTree(PLAN);
    const run = (...args: string[]) => git('git', args, { cwd: dir });
    await run('init', '-q');
    await run('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '.');
    await run('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'first plan');
    await writeFile(path.join(dir, 'plans/plan.yaml'), PLAN['plans/plan.yaml'].replace('1.0.0', '2.0.0'));
    await writeFile(path.join(dir, 'plans/events.yaml'), PLAN['plans/events.yaml'].replace('Paid.', 'Paid in full.').replace('minimum: 0', 'minimum: 1') + '      coupon: { type: string }\n');
    await run('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', 'tighten total');
    const io = captureIo(dir);
    expect(await runCli(['docs', '--out', 'site'], io)).toBe(0);
    const changelog = await readFile(path.join(dir, 'site/changelog.html'), 'utf8');
    const kinds = [...changelog.matchAll(/<li data-kind="(\w+)">/g)].map((m) => m[1]);
    expect(kinds).toEqual(['breaking', 'compatible', 'docs']);
    expect(changelog).toContain('v1.0.0 → v2.0.0');
    const page = await readFile(path.join(dir, 'site/events/track/order-completed.html'), 'utf8');
    expect(page).toContain('tighten total');
    expect(page).toContain('property &quot;total&quot;: minimum tightened from 0 to 1');
  });

  it('--watch serves the site on 127.0.0.1 and rebuilds when the plan changes', async () => {
    const dir = await tempTree(PLAN);
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = captureIo(dir);
    let onOutput: () => void = () => undefined;
    const write = io.stdout;
    io.stdout = (text) => {
      write(text);
      onOutput();
    };
    const output = (pattern: RegExp) => new Promise<RegExpMatchArray>((resolve) => {
      onOutput = () => {
        const match = io.out.match(pattern);
        if (match) resolve(match);
      };
      onOutput();
    });
    const options: DocsOptions = { plan: 'plans', out: 'site', history: 0, watch: true, port: '0' };
    const running = runDocs(options, io, () => stopped);
    const [, url] = await output(/serving site on (http:\/\/127\.0\.0\.1:\d+\/)/);
    const before = await (await fetch(`${url}events/track/order-completed.html`)).text();
    expect(before).toContain('Paid.');
    expect((await fetch(`${url}../../etc/passwd`)).status).toBe(404);
    await writeFile(path.join(dir, 'plans/events.yaml'), PLAN['plans/events.yaml'].replace('Paid.', 'Paid at the till.'));
    await output(/rebuilt in \d+ ms/);
    expect(await (await fetch(`${url}events/track/order-completed.html`)).text()).toContain('Paid at the till.');
    stop();
    expect(await running).toBe(0);
  });
});
