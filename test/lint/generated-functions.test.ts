import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';
import { FIXTURE_PLAN } from './helpers.js';

async function planFiles(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(FIXTURE_PLAN, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.join('plans', path.relative(FIXTURE_PLAN, full))] = await readFile(full, 'utf8');
  }
  return out;
}

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('the functions `trackplan build` generates', () => {
  it('are recognised by the names and flavours the code generator gives them', async () => {
    const dir = await tempTree({
      ...(await planFiles()),
      'src/web/analytics.ts': `export * from '../../generated/tracking.js';\n`,
      'src/web/checkout.ts': [
        `import { orderCompleted, identify, page } from '../../generated/tracking.js';`,
        `import * as tracking from './analytics.js';`,
        `orderCompleted({ order_id: 'o-1', total: 3 });`,
        `identify('u-1', { email: 'a@b.co' });`,
        `page('Pricing', { path: '/pricing' });`,
        `tracking.orderCompleted({ order_id: 'o-1', total: -3 });`,
        `tracking.oldSignup();`,
      ].join('\n'),
      'src/server/signup.ts': [
        `import { signedUp } from '../../generated/tracking-node.js';`,
        `signedUp({ userId: 'u-1', properties: { email: 'a@b.co', referral: 7 } });`,
      ].join('\n'),
    });
    expect(await runCli(['build'], capture(dir))).toBe(0);
    const io = capture(dir);
    expect(await runCli(['lint', 'src', '--format', 'json', '--coverage'], io)).toBe(1);
    const report = JSON.parse(io.out) as {
      diagnostics: { file: string; line: number; column: number; ruleId: string }[];
      coverage: { events: { name: string; callSites: { file: string; line: number; form: string }[] }[] };
    };
    expect(report.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId])).toEqual([
      ['src/server/signup.ts', 2, 68, 'property-type-mismatch'],
      ['src/web/checkout.ts', 6, 51, 'invalid-property-value'],
      ['src/web/checkout.ts', 7, 1, 'deprecated-event'],
    ]);
    const sites = (name: string) => report.coverage.events.find((e) => e.name === name)!.callSites.map((s) => [s.file, s.line, s.form]);
    expect(sites('Order Completed')).toEqual([['src/web/checkout.ts', 3, 'generated'], ['src/web/checkout.ts', 6, 'generated']]);
    expect(sites('Signed Up')).toEqual([['src/server/signup.ts', 2, 'generated']]);
    expect(sites('identify')).toEqual([['src/web/checkout.ts', 4, 'generated']]);
    expect(sites('page')).toEqual([['src/web/checkout.ts', 5, 'generated']]);
  });
});
