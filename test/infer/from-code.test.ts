import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

// Every call form lint knows: a Node SDK message, a browser receiver, a configured wrapper.
const APP = {
  'package.json': JSON.stringify({ name: 'shop', dependencies: { '@segment/analytics-node': '^3' } }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, skipLibCheck: true }, include: ['src'] }),
  'src/server.ts': `import { Analytics } from '@segment/analytics-node';
const client = new Analytics({ writeKey: 'k' });
type Plan = 'free' | 'pro';
export function pay(userId: string, total: number, plan: Plan, coupon?: string) {
  client.track({ userId, event: 'Order Completed', properties: { total, currency: 'USD', coupon, plan, items: [{ sku: 'a', qty: 1 }] } });
  client.identify({ userId, traits: { email: 'a@example.com', plan } });
}
export function refund(userId: string, total: number, plan: Plan) {
  client.track({ userId, event: 'Order Completed', properties: { total, currency: 'EUR', plan, items: [] } });
  const name = \`\${userId} viewed\`;
  client.track({ userId, event: name, properties: {} });
}
`,
  'src/browser.ts': `declare const analytics: { track(event: string, properties?: object): void; page(name?: string, properties?: object): void };
export function view(sku: string) {
  analytics.track('Product Viewed', { sku, price: 9.5 });
  analytics.page('Product', { path: '/p' });
}
`,
  'src/wrapper.ts': `export function trackEvent(name: string, props: Record<string, unknown>) { void name; void props; }
export function signup() {
  trackEvent('Signed Up', { method: 'github', first_login: true });
}
`,
};

describe('trackplan infer --from-code', () => {
  it('drafts one event per static name from every call form; the plan checks clean and the code lints clean against it', async () => {
    const dir = await tempTree(APP);
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const io = capture(dir);
    expect(await runCli(['infer', '--from-code', 'src', '--call', 'trackEvent'], io)).toBe(0);
    expect(io.err).toContain('src/server.ts:11:3  warning  client.track(name, ...): the event name is not a literal, so no event was drafted for it  infer-dynamic-name\n');
    expect(io.err).toContain('trackplan infer: 5 new planned calls (Order Completed, Product Viewed, Signed Up, identify, page); written to plans/plan.yaml, plans/events.yaml\n');

    // The report: per property, at how many call sites it is passed.
    expect(io.out).toContain('  Order Completed: 2 call sites\n    coupon: 1 of 2 (optional at 1), string\n    currency: 2 of 2, string, required, enum of 2\n');
    const text = await readFile(path.join(dir, 'plans/events.yaml'), 'utf8');
    expect(text).toContain('  # drafted by trackplan infer from 2 call sites: src/server.ts:5:3, src/server.ts:9:3\n  Order Completed:\n');
    const plan = parse(text) as { events: Record<string, { properties: Record<string, unknown> }>; identify: { traits: Record<string, unknown> } };
    expect(plan.events['Order Completed']!.properties).toEqual({
      coupon: { type: 'string' },                                  // optional parameter: not always given
      currency: { type: 'string', required: true, enum: ['EUR', 'USD'] }, // a literal at every site
      items: { type: 'array', required: true, items: { type: 'object', properties: { qty: { type: 'integer', required: true }, sku: { type: 'string', required: true, enum: ['a'] } } } },
      plan: { type: 'string', required: true, enum: ['free', 'pro'] }, // from the type checker
      total: { type: 'number', required: true },
    });
    expect(plan.events['Signed Up']!.properties).toEqual({ first_login: { type: 'boolean', required: true }, method: { type: 'string', required: true, enum: ['github'] } });
    expect(plan.identify.traits).toEqual({ email: { type: 'string', required: true, format: 'email', pii: true }, plan: { type: 'string', required: true, enum: ['free', 'pro'] } });
    const header = await readFile(path.join(dir, 'plans/plan.yaml'), 'utf8');
    expect(header).toContain('    - events: Object Action\n      properties: snake_case\n');

    const check = capture(dir);
    expect(await runCli(['check', '--format', 'json'], check)).toBe(0);
    expect((JSON.parse(check.out) as { diagnostics: { severity: string }[] }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const lint = capture(dir);
    expect(await runCli(['lint', 'src', '--call', 'trackEvent', '--format', 'json'], lint)).toBe(0);
    const findings = (JSON.parse(lint.out) as { diagnostics: { ruleId: string; severity: string }[] }).diagnostics;
    expect(findings.map((d) => [d.ruleId, d.severity])).toEqual([['dynamic-event-name', 'warning']]);
  });

  it('adds only new events to a folder that holds a plan, in a new file', async () => {
    const dir = await tempTree({
      ...APP,
      'plans/plan.yaml': 'trackplan: 1\nid: shop\nname: Shop\nversion: 1.0.0\nrules:\n  require-owner: warn\n  naming-convention: [error, { events: Object Action }]\n',
      'plans/events.yaml': 'events:\n  Product Viewed:\n    properties:\n      sku: { type: string, required: true }\n      price: number\n',
    });
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const io = capture(dir);
    expect(await runCli(['infer', '--from-code', 'src', '--no-type-check'], io)).toBe(0);
    expect(io.err).toContain('trackplan infer: 3 new planned calls (Order Completed, identify, page); 1 already planned (compare with --merge); written to plans/inferred.yaml\n');
    expect(await readFile(path.join(dir, 'plans/events.yaml'), 'utf8')).toBe('events:\n  Product Viewed:\n    properties:\n      sku: { type: string, required: true }\n      price: number\n');
    const check = capture(dir);
    expect(await runCli(['check'], check)).toBe(0);
  });
});
