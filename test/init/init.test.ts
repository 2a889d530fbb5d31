import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { detectConvention } from '../../src/core/infer/naming.js';
import { detectSdks, planIdFrom } from '../../src/core/init/detect.js';
import { addGitignoreEntry, addScripts, workflowFor } from '../../src/core/init/templates.js';
import { tempTree } from '../helpers/temp.js';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')] as const)));
}

const SHOP_PACKAGE = JSON.stringify({ name: '@acme/shop', private: true, scripts: { test: 'vitest' }, dependencies: { '@segment/analytics-node': '^3.1.0' } }, null, 4);
const SHOP_CODE = `import { Analytics } from '@segment/analytics-node';
const analytics = new Analytics({ writeKey: 'k' });
export function pay(userId: string) {
  analytics.track({ userId, event: 'Order Completed', properties: { order_id: 'o1', total: 5 } });
  analytics.track({ userId, event: 'Checkout Started', properties: { cart_size: 2 } });
}
`;

describe('init: detection (pure)', () => {
  it.each([
    [{ dependencies: { '@segment/analytics-next': '1' } }, ['segment-js']],
    [{ dependencies: { '@rudderstack/rudder-sdk-node': '3' }, devDependencies: { '@rudderstack/analytics-js': '3' } }, ['rudderstack-js', 'rudderstack-node']],
    [{ dependencies: { '@segment/analytics-node': '3', express: '5' } }, ['segment-node']],
    [{ dependencies: { lodash: '4' } }, []],
    [undefined, []],
  ])('SDKs of %j', (pkg, sdks) => {
    expect(detectSdks(pkg)).toEqual(sdks);
  });

  it.each([
    [['Order Completed', 'Checkout Started'], 'Object Action'],
    [['order_completed', 'signup'], 'snake_case'],
    [['orderCompleted', 'signUp'], 'camelCase'],
    [['Signup', 'Order Completed'], 'Title Case'],
    [['Order Completed', 'order_completed'], 'any'],
    [[], 'snake_case'],
  ])('naming convention of %j', (names, convention) => {
    expect(detectConvention(names)).toBe(convention);
  });

  it.each([
    ['@acme/shop-web', 'acme-shop-web'],
    ['my app', 'my-app'],
    [undefined, 'tracking-plan'],
  ])('plan id of %j', (name, id) => {
    expect(planIdFrom(name)).toBe(id);
  });

  it.each([
    [undefined, "# trackplan: serve's spool\n.trackplan/\n"],
    ['node_modules/', "node_modules/\n# trackplan: serve's spool\n.trackplan/\n"],
    ['dist\n.trackplan\n', undefined],
    ['/.trackplan/\n', undefined],
  ])('.gitignore %j', (text, expected) => {
    expect(addGitignoreEntry(text)).toBe(expected);
  });

  it('adds only the missing scripts and keeps the indentation', () => {
    const text = '{\n    "name": "x",\n    "scripts": {\n        "trackplan:check": "mine"\n    }\n}\n';
    const result = addScripts(text, { 'trackplan:check': 'trackplan check', 'trackplan:build': 'trackplan build' });
    expect(result?.added).toEqual(['trackplan:build']);
    expect(result?.text).toBe('{\n    "name": "x",\n    "scripts": {\n        "trackplan:check": "mine",\n        "trackplan:build": "trackplan build"\n    }\n}\n');
    expect(addScripts(result!.text, { 'trackplan:build': 'x' })).toBeUndefined();
  });

  it('points the CI recipe at another plan folder', () => {
    expect(workflowFor('run: npx trackplan check --format github\nrun: npx trackplan build --check\n', 'tracking')).toBe('run: npx trackplan check --plan tracking --format github\nrun: npx trackplan build --plan tracking --check\n');
  });
});

describe('trackplan init in a project', () => {
  it('sets up a Segment-style shop so that its first check has no errors, and a second run changes nothing', async () => {
    const dir = await tempTree({ 'package.json': SHOP_PACKAGE, 'src/pay.ts': SHOP_CODE, '.gitignore': 'node_modules/\n' });
    const first = capture(dir);
    expect(await runCli(['init'], first)).toBe(0);
    expect(first.out.split('\n').filter((l) => l.startsWith('wrote ')).map((l) => l.split(':')[0])).toEqual([
      'wrote plans/plan.yaml', 'wrote plans/types.yaml', 'wrote .github/workflows/trackplan.yml', 'wrote .gitignore', 'wrote package.json',
    ]);
    const header = await readFile(path.join(dir, 'plans/plan.yaml'), 'utf8');
    expect(header).toContain('id: acme-shop\n');
    expect(header).toContain('  server:\n    name: Server (Segment)\n    sdk: segment-node\n');
    expect(header).toContain('    - events: Object Action\n      properties: snake_case\n');
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts).toEqual({ test: 'vitest', 'trackplan:check': 'trackplan check', 'trackplan:build': 'trackplan build', 'trackplan:lint': 'trackplan lint' });
    expect(await readFile(path.join(dir, '.github/workflows/trackplan.yml'), 'utf8')).toContain('npx trackplan build --check');

    // Events named as the code names them pass the naming rule the header chose.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, 'plans/events.yaml'), 'events:\n  Order Completed:\n    properties:\n      order_id: { type: string, required: true }\n');
    const check = capture(dir);
    expect(await runCli(['check', '--format', 'json'], check)).toBe(0);
    expect((JSON.parse(check.out) as { diagnostics: { severity: string; ruleId: string }[] }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const before = await snapshot(dir);
    const second = capture(dir);
    expect(await runCli(['init'], second)).toBe(0);
    expect(second.out).toContain('trackplan is already set up here: nothing changed\n');
    expect(second.out).not.toContain('wrote ');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('takes the SDK, source id and folder from flags, with no package.json', async () => {
    const dir = await tempTree({});
    const io = capture(dir);
    expect(await runCli(['init', '--yes', '--sdk', 'rudderstack-js', '--source', 'marketing-site', '--dir', 'tracking'], io)).toBe(0);
    expect(await readFile(path.join(dir, 'tracking/plan.yaml'), 'utf8')).toContain('  marketing-site:\n    name: Web (RudderStack)\n    sdk: rudderstack-js\n');
    expect(await readFile(path.join(dir, '.github/workflows/trackplan.yml'), 'utf8')).toContain('npx trackplan check --plan tracking');
    expect(io.out).toContain('kept package.json (none here: no scripts added)\n');
    const check = capture(dir);
    expect(await runCli(['check', '--plan', 'tracking'], check)).toBe(0);
  });

  it('never overwrites a plan, a workflow or scripts that exist', async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'x', scripts: { 'trackplan:check': 'a', 'trackplan:build': 'b', 'trackplan:lint': 'c' } }),
      'plans/mine.yaml': 'trackplan: 1\nid: mine\nname: Mine\nversion: 1.0.0\n',
      '.github/workflows/trackplan.yml': 'name: mine\n',
    };
    const dir = await tempTree(files);
    const io = capture(dir);
    expect(await runCli(['init'], io)).toBe(0);
    expect(io.out).toContain('kept plans/ (it already holds a plan)\n');
    const after = await snapshot(dir);
    for (const [file, text] of Object.entries(files)) expect(after[file]).toBe(text);
    expect(Object.keys(after).sort()).toEqual(['.github/workflows/trackplan.yml', '.gitignore', 'package.json', 'plans/mine.yaml']);
  });

  it('refuses an unknown SDK (exit 2)', async () => {
    const dir = await tempTree({});
    const io = capture(dir);
    expect(await runCli(['init', '--sdk', 'mixpanel'], io)).toBe(2);
    expect(io.err).toContain('--sdk: unknown SDK "mixpanel"');
    expect(await snapshot(dir)).toEqual({});
  });
});
