import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, {
  cwd, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
});

const PLAN = {
  'plans/plan.yaml': 'trackplan: 1\nid: com.acme\nname: Acme\nversion: 1.0.0\n',
  'plans/events.yaml': 'events:\n  viewed: { properties: { id: { type: string, required: true } } }\n  clicked: { properties: { id: { type: string } } }\n',
};

describe('trackplan export iglu | mparticle | csv', () => {
  it('iglu --base <git-ref>: SchemaVer bumps from the plan diff against the committed plan', async () => {
    const dir = await tempTree(PLAN);
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'v1');
    await writeFile(path.join(dir, 'plans/plan.yaml'), PLAN['plans/plan.yaml'].replace('1.0.0', '1.1.0'));
    await writeFile(path.join(dir, 'plans/events.yaml'), 'events:\n  viewed: { properties: { id: { type: string, required: true }, ref: { type: string } } }\n  clicked: { properties: { id: { type: string } } }\n');
    const io = capture(dir);
    expect(await runCli(['export', 'iglu', '--base', 'HEAD', '--out', 'registry'], io)).toBe(1);
    const files = (await readdir(path.join(dir, 'registry'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
      .map((e) => path.relative(path.join(dir, 'registry'), path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
    expect(files).toEqual(['schemas/com.acme/clicked/jsonschema/1-0-0', 'schemas/com.acme/viewed/jsonschema/1-0-1']);
    // The plan name has no place in Iglu, and 1.1.0 is not the highest SchemaVer (1-0-1).
    expect(io.out).toContain('plans/plan.yaml:1:1  warning  Iglu cannot hold the plan name (Acme)');
    expect(io.out).toContain('Iglu cannot hold the plan version (1.1.0)');
  });

  it.each([
    { format: 'mparticle', out: 'plan.json', exit: 0, first: '{\n  "version": 1,\n  "data_plan_id": "com.acme",' },
    { format: 'csv', out: 'plan.csv', exit: 1, first: 'Version,Event Type,Event Name,Property Name,Description,Labels,Property Data Type,Enum Values,Required\r\n1,Track,clicked' },
  ])('$format writes one file', async ({ format, out, exit, first }) => {
    const dir = await tempTree(PLAN);
    const io = capture(dir);
    expect(await runCli(['export', format, '--out', out], io)).toBe(exit);
    expect(await readFile(path.join(dir, out), 'utf8')).toMatch(new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
