import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/temp.js';
import { startUpstream } from '../serve/helpers.js';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const NPM = { env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, env: { ...NPM.env, ...env }, maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 2, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const trackplan = (cwd: string, ...args: string[]) => run(cwd, process.execPath, [path.join(cwd, 'node_modules/trackplan/bin/trackplan.js'), ...args]);

// The code a shop already has: raw Segment calls, which infer turns into a plan.
const RAW = `import { Analytics } from '@segment/analytics-node';

export const analytics = new Analytics({ writeKey: 'wk', host: 'http://127.0.0.1:9', flushAt: 1 });

export function checkout(userId: string, total: number, coupon?: string) {
  analytics.track({ userId, event: 'Order Completed', properties: { order_id: 'o-1', total, currency: 'USD', coupon } });
}
export function signup(userId: string) {
  analytics.identify({ userId, traits: { email: 'ada@example.com', plan: 'pro' } });
}
`;

// The same calls through the generated functions, with development validation on.
const MAIN = `import { Analytics } from '@segment/analytics-node';
import { identify, orderCompleted, setTrackplanOptions } from '../generated/tracking.js';
import { validateEvent } from '../generated/validators.js';

const client = new Analytics({ writeKey: 'wk', host: process.argv[2]!, flushAt: 1 });
const violations: string[] = [];
setTrackplanOptions({ client, validate: validateEvent, onViolation: (_event, list) => void violations.push(...list.map((v) => v.type)) });
orderCompleted({ userId: 'u1', properties: { order_id: 'o-1', total: 12.5, currency: 'USD' } });
identify({ userId: 'u1', traits: { email: 'ada@example.com', plan: 'pro' } });
await client.closeAndFlush();
console.log(JSON.stringify({ violations }));
`;

describe('the first hour, from an empty project (npm pack, install, init, infer, build, tsc, run, lint)', () => {
  it('works with nothing but the registry', { timeout: 180_000 }, async () => {
    // dist/ is built by `npm test`'s pretest (and by prepack when publishing): pack what is there.
    const packDir = await tempTree({}, 'trackplan-pack-');
    const pack = await run(ROOT, 'npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir]);
    expect(pack.code).toBe(0);
    const [{ filename, files }] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    const packed = files.map((f) => f.path);
    expect(packed).toContain('dist/cli/index.js');
    expect(packed).toContain('examples/github/trackplan.yml');
    expect(packed.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);

    const app = await tempTree({
      'package.json': JSON.stringify({ name: 'acme-shop', private: true, type: 'module' }, null, 2),
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, skipLibCheck: true, types: ['node'], rootDir: '.', outDir: 'dist' }, include: ['src', 'generated'] }, null, 2),
      'src/raw.ts': RAW,
    }, 'trackplan-first-hour-');
    const install = await run(app, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(packDir, filename), '@segment/analytics-node@3', 'typescript@~6.0.3', '@types/node@20']);
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.code).toBe(0);
    // googleapis is an optional peer: not installed, and sheets says how to add it.
    expect(await readdir(path.join(app, 'node_modules')).then((names) => names.includes('googleapis'))).toBe(false);

    expect((await run(app, 'npx', ['--no-install', 'trackplan', '--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const sheets = await trackplan(app, 'sheets', 'pull', '--spreadsheet', 'abc', '--access-token', 't');
    expect([sheets.code, sheets.stderr]).toEqual([2, expect.stringContaining('npm install googleapis@171')]);

    const init = await trackplan(app, 'init');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('wrote plans/plan.yaml: the plan header (segment-node; event names Object Action, properties snake_case)');

    const infer = await trackplan(app, 'infer', '--from-code', 'src');
    expect([infer.code, infer.stderr]).toEqual([0, expect.stringContaining('2 new planned calls (Order Completed, identify)')]);
    const check = await trackplan(app, 'check');
    expect([check.code, check.stdout]).toEqual([0, expect.stringContaining('acme-shop@0.1.0: 2 planned calls, no errors')]);
    const build = await trackplan(app, 'build');
    expect([build.code, build.stderr]).toEqual([0, '']);

    await writeFile(path.join(app, 'src/main.ts'), MAIN);
    const tsc = await run(app, process.execPath, [path.join(app, 'node_modules/typescript/bin/tsc'), '-p', '.']);
    expect(tsc.stdout).toBe('');
    expect(tsc.code).toBe(0);

    const recorder = await startUpstream();
    try {
      const started = await run(app, process.execPath, ['dist/src/main.js', recorder.url]);
      expect(started.stderr).toBe('');
      expect(JSON.parse(started.stdout)).toEqual({ violations: [] });
      const messages = recorder.messages();
      expect(messages.map((m) => [m['type'], m['event'] ?? null])).toEqual([['track', 'Order Completed'], ['identify', null]]);
      expect(messages[0]!['properties']).toEqual({ order_id: 'o-1', total: 12.5, currency: 'USD' });
      expect((messages[0]!['context'] as Record<string, unknown>)['trackplan']).toEqual({ id: 'acme-shop', version: '0.1.0' });
      expect(recorder.accepted[0]!.headers.authorization).toBe(`Basic ${Buffer.from('wk:').toString('base64')}`);
    } finally {
      await recorder.close();
    }

    const lint = await trackplan(app, 'lint', 'src');
    expect([lint.code, lint.stdout]).toEqual([0, 'no problems (2 files, 2 parsed, 4 analytics calls)\n']);
    expect(await readFile(path.join(app, '.gitignore'), 'utf8')).toContain('.trackplan/');
  });
});

// A git URL installs the dev dependencies in npm's clone to build dist/ (prepare): about two
// minutes, so it runs when asked: TRACKPLAN_GIT_INSTALL=1 npx vitest run test/e2e
describe.runIf(process.env['TRACKPLAN_GIT_INSTALL'])('install from a git URL', () => {
  it('installs HEAD of this repository with nothing but the registry, and the bin runs', { timeout: 600_000 }, async () => {
    const app = await tempTree({ 'package.json': '{ "name": "from-git", "private": true }' }, 'trackplan-git-');
    const head = (await run(ROOT, 'git', ['rev-parse', 'HEAD'])).stdout.trim();
    const install = await run(app, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `git+file://${ROOT}#${head}`]);
    expect(install.code).toBe(0);
    expect((await trackplan(app, '--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
