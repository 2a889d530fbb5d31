import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';

const PLAN = {
  'plans/plan.yaml': 'trackplan: 1\nid: shop\nname: Shop\nversion: 1.0.0\nrules:\n  naming-convention: [error, { events: Object Action }]\n',
  'plans/events.yaml': 'events:\n  Order Completed:\n    description: Paid.\n    owner: checkout\n    properties:\n      total: { type: number, required: true, description: Amount paid. }\n',
};

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('trackplan build', () => {
  it('writes the schemas and plan.json, then --check passes', async () => {
    const dir = await tempTree(PLAN);
    const io = capture(dir);
    expect(await runCli(['build'], io)).toBe(0);
    expect(await listTree(path.join(dir, 'generated'))).toEqual(['plan.json', 'schemas/track/order-completed.json', 'tracking.d.ts', 'tracking.js', 'tracking.ts', 'validators.d.ts', 'validators.js', 'validators.ts']);
    const check = capture(dir);
    expect(await runCli(['build', '--check'], check)).toBe(0);
  });

  it('exits 2 on a broken plan, prints every error with its place and writes nothing', async () => {
    const dir = await tempTree({
      ...PLAN,
      'plans/broken.yaml': 'events:\n  a:\n    properties:\n      p: strng\n  b:\n    descripton: x\n',
    });
    const io = capture(dir);
    expect(await runCli(['build'], io)).toBe(2);
    expect(io.err).toContain('plans/broken.yaml:4:10  error  unknown type "strng" (did you mean "string"?)');
    expect(io.err).toContain('plans/broken.yaml:6:5  error  unknown key "descripton"');
    // A code frame points at the place.
    expect(io.err).toContain('> 4 |       p: strng\n    |          ^^^^^\n');
    expect(await listTree(dir)).toEqual(['plans/broken.yaml', 'plans/events.yaml', 'plans/plan.yaml']);
  });

  it('leaves the previous output untouched when the plan breaks', async () => {
    const dir = await tempTree(PLAN);
    expect(await runCli(['build'], capture(dir))).toBe(0);
    const before = await readFile(path.join(dir, 'generated/schemas/track/order-completed.json'), 'utf8');
    await writeFile(path.join(dir, 'plans/events.yaml'), 'events:\n  Order Completed: { properties: { total: nope } }\n');
    expect(await runCli(['build'], capture(dir))).toBe(2);
    expect(await readFile(path.join(dir, 'generated/schemas/track/order-completed.json'), 'utf8')).toBe(before);
  });

  it('--check names stale, missing and leftover files and exits 1', async () => {
    const dir = await tempTree(PLAN);
    expect(await runCli(['build'], capture(dir))).toBe(0);
    await writeFile(
      path.join(dir, 'plans/events.yaml'),
      'events:\n  Order Completed:\n    properties:\n      total: { type: integer, required: true }\n  Cart Viewed: {}\n',
    );
    const io = capture(dir);
    expect(await runCli(['build', '--check'], io)).toBe(1);
    expect(io.out.split('\n').filter((l) => l.startsWith('stale'))).toEqual([
      'stale: generated/plan.json',
      'stale: generated/schemas/track/cart-viewed.json',
      'stale: generated/schemas/track/order-completed.json',
      'stale: generated/tracking.d.ts',
      'stale: generated/tracking.js',
      'stale: generated/tracking.ts',
      'stale: generated/validators.js',
      'stale: generated/validators.ts',
    ]);
    await writeFile(path.join(dir, 'plans/events.yaml'), 'events:\n  Cart Viewed: {}\n');
    expect(await runCli(['build'], capture(dir))).toBe(0);
    expect(await listTree(path.join(dir, 'generated'))).toEqual(['plan.json', 'schemas/track/cart-viewed.json', 'tracking.d.ts', 'tracking.js', 'tracking.ts', 'validators.d.ts', 'validators.js', 'validators.ts']);
  });

  it('keeps hand-written files in the output folder and refuses to overwrite one', async () => {
    const dir = await tempTree({ ...PLAN, 'generated/README.md': '# notes\n' });
    expect(await runCli(['build'], capture(dir))).toBe(0);
    expect(await readFile(path.join(dir, 'generated/README.md'), 'utf8')).toBe('# notes\n');
    await mkdir(path.join(dir, 'generated/schemas/track'), { recursive: true });
    await writeFile(path.join(dir, 'generated/schemas/track/order-completed.json'), '{"mine": true}\n');
    const io = capture(dir);
    expect(await runCli(['build'], io)).toBe(2);
    expect(io.err).toContain('order-completed.json was not written by trackplan');
    expect(await readFile(path.join(dir, 'generated/schemas/track/order-completed.json'), 'utf8')).toBe('{"mine": true}\n');
  });

  it('exits 2 with a clear message for a missing plan folder', async () => {
    const dir = await tempTree({});
    const io = capture(dir);
    expect(await runCli(['build', '--plan', 'nowhere'], io)).toBe(2);
    expect(io.err).toBe('trackplan: plan not found: nowhere (expected a folder of *.yaml files)\n');
  });

  it('exits 2 when the plan is not YAML', async () => {
    const dir = await tempTree({ 'README.md': '# notes\n' });
    const io = capture(dir);
    expect(await runCli(['build', '--plan', 'README.md'], io)).toBe(2);
    expect(io.err).toBe('trackplan: not a plan: README.md (expected a folder of *.yaml files, or one .yaml file)\n');
  });

  it('exits 2 on an unknown option', async () => {
    const io = capture(process.cwd());
    expect(await runCli(['build', '--nope'], io)).toBe(2);
    expect(io.err).toContain("unknown option '--nope'");
  });
});

describe('trackplan check', () => {
  it('is clean on a clean plan and exits 2 with located json diagnostics on a broken one', async () => {
    const dir = await tempTree(PLAN);
    expect(await runCli(['check'], capture(dir))).toBe(0);
    await writeFile(path.join(dir, 'plans/more.yaml'), 'events:\n  x:\n    sources: [nowhere]\n');
    const io = capture(dir);
    expect(await runCli(['check', '--format', 'json'], io)).toBe(2);
    const report = JSON.parse(io.out) as { diagnostics: Record<string, unknown>[] };
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ file: 'plans/more.yaml', line: 3, column: 15, ruleId: 'unknown-source', messageId: 'unknownSource', severity: 'error' }),
    ]);
  });

  it('prints GitHub annotations', async () => {
    const dir = await tempTree({ ...PLAN, 'plans/more.yaml': 'events:\n  x:\n    owner: [a, b]\n' });
    const io = capture(dir);
    expect(await runCli(['check', '--format', 'github'], io)).toBe(2);
    expect(io.out).toBe('::error file=plans/more.yaml,line=3,col=12,endLine=3,endColumn=18,title=invalid-value::events.x.owner: expected a string, found a list\n');
  });
});
