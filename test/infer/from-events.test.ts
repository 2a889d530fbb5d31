import { writeFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** A small deterministic generator (mulberry32): the same file on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;

function orderCompleted(next: () => number, i: number): Record<string, unknown> {
  const hex = (n: number) => Math.floor(next() * 16 ** n).toString(16).padStart(n, '0');
  return {
    type: 'track', event: 'Order Completed', userId: `u${i}`, messageId: `m${i}`,
    properties: {
      order_id: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
      total: i % 10 === 0 ? 20 : Math.round(next() * 10000) / 100,
      quantity: 1 + Math.floor(next() * 5),
      currency: CURRENCIES[i % 2]!,
      placed_at: new Date(1_700_000_000_000 + i * 60_000).toISOString(),
      ...(i % 4 === 0 ? { coupon: i % 8 === 0 ? null : `C${i % 7}` } : {}),
      products: [{ sku: `sku-${i % 50}`, price: 1.5 }],
      shipping: { method: ['ground', 'air'][i % 2]!, express: i % 3 === 0 },
    },
  };
}

/** 100,000 events: orders, product views, identify, page and group calls. */
function generate(): string {
  const next = random(42);
  const lines: string[] = [];
  for (let i = 0; lines.length < 100_000; i++) {
    lines.push(JSON.stringify(orderCompleted(next, i)));
    lines.push(JSON.stringify({ type: 'track', event: 'Product Viewed', anonymousId: `a${i}`, properties: { sku: `sku-${i % 50}`, url: `https://shop.example.com/p/${i % 50}`, rating: i % 5 === 0 ? null : 1 + (i % 5) } }));
    if (i % 5 === 0) lines.push(JSON.stringify({ type: 'identify', userId: `u${i}`, traits: { email: `user${i}@example.com`, plan: ['free', 'pro'][i % 2], created_at: '2024-01-02T03:04:05Z' } }));
    if (i % 3 === 0) lines.push(JSON.stringify({ type: 'page', anonymousId: `a${i}`, name: 'Product', properties: { path: `/p/${i % 50}`, title: 'Shop' } }));
    if (i % 50 === 0) lines.push(JSON.stringify({ type: 'group', userId: `u${i}`, groupId: `g${i % 3}`, traits: { name: `Company ${i % 3}`, employees: 10 * (i % 3) } }));
  }
  return `${lines.slice(0, 100_000).join('\n')}\n`;
}

describe('trackplan infer --from-events', () => {
  it('drafts a plan that every input event validates against, and that catches mutated events', async () => {
    const dir = await tempTree({ 'package.json': '{"name":"shop"}' });
    await writeFile(path.join(dir, 'events.ndjson'), generate());
    const io = capture(dir);
    expect(await runCli(['infer', '--from-events', 'events.ndjson'], io)).toBe(0);
    expect(io.err).toMatch(/trackplan infer: 5 new planned calls \(Order Completed, Product Viewed, identify, page, group\); written to plans\/plan\.yaml, plans\/events\.yaml\n$/);
    // Per property: how many samples it was seen in.
    expect(io.out).toMatch(/^ {4}coupon: [\d,]+ of [\d,]+, string, nullable, enum of 7$/m);
    expect(io.out).toMatch(/^ {4}order_id: ([\d,]+) of \1, string, required, format uuid$/m);

    const plan = parse(await readFile(path.join(dir, 'plans/events.yaml'), 'utf8')) as { events: Record<string, { properties: Record<string, Record<string, unknown>> }>; identify: { traits: Record<string, Record<string, unknown>> } };
    const order = plan.events['Order Completed']!.properties;
    expect(order['total']).toEqual({ type: 'number', required: true });
    expect(order['quantity']).toEqual({ type: 'integer', required: true });
    expect(order['currency']).toEqual({ type: 'string', required: true, enum: ['EUR', 'USD'] });
    expect(order['placed_at']).toEqual({ type: 'string', required: true, format: 'date-time' });
    expect(order['coupon']).toMatchObject({ type: 'string', nullable: true });
    expect(order['coupon']).not.toHaveProperty('required');
    expect(order['products']).toMatchObject({ type: 'array', required: true, items: { type: 'object', properties: { sku: { type: 'string', required: true }, price: { type: 'number', required: true } } } });
    expect(order['shipping']).toMatchObject({ type: 'object', required: true, properties: { method: { enum: ['air', 'ground'] }, express: { type: 'boolean', required: true } } });
    expect(plan.events['Product Viewed']!.properties['url']).toEqual({ type: 'string', required: true, format: 'uri' });
    expect(plan.identify.traits['email']).toEqual({ type: 'string', required: true, format: 'email', pii: true });

    const check = capture(dir);
    expect(await runCli(['check', '--format', 'json'], check)).toBe(0);
    expect((JSON.parse(check.out) as { diagnostics: { severity: string }[] }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const validate = capture(dir);
    expect(await runCli(['validate', 'events.ndjson', '--format', 'json'], validate)).toBe(0);
    expect(validate.err).toBe('100000 events, 0 with violations (shop@0.1.0)\n');

    const base = orderCompleted(random(7), 1);
    const props = base['properties'] as Record<string, unknown>;
    const mutations: [string, Record<string, unknown>, string][] = [
      ['a wrong type', { ...props, total: 'twenty' }, 'Datatype-Mismatch'],
      ['an integer that is not whole', { ...props, quantity: 1.5 }, 'Datatype-Mismatch'],
      ['a missing required property', { ...props, currency: undefined }, 'Required-Missing'],
      ['an unknown enum value', { ...props, currency: 'JPY' }, 'Advance-Rules-Violation'],
      ['a value outside the format', { ...props, placed_at: 'yesterday' }, 'Advance-Rules-Violation'],
      ['an unplanned property', { ...props, gift: true }, 'Additional-Properties'],
      ['a nested wrong type', { ...props, shipping: { method: 'air', express: 'yes' } }, 'Datatype-Mismatch'],
    ];
    await writeFile(path.join(dir, 'mutated.ndjson'), mutations.map(([, properties]) => JSON.stringify({ ...base, properties })).join('\n'));
    const flagged = capture(dir);
    expect(await runCli(['validate', 'mutated.ndjson', '--format', 'json'], flagged)).toBe(1);
    const records = flagged.out.trim().split('\n').map((l) => JSON.parse(l) as { line: number; violations: { type: string }[] });
    expect(records.map((r) => [mutations[r.line - 1]![0], r.violations.map((v) => v.type)])).toEqual(mutations.map(([name, , type]) => [name, [type]]));
  });

  it('--merge adds new properties, reports disagreements (exit 1) and changes nothing planned', async () => {
    const header = 'trackplan: 1\nid: shop\nname: Shop\nversion: 1.0.0\nrules:\n  require-owner: warn\n  naming-convention: [error, { events: Object Action }]\n';
    const events = 'events:\n  # kept as written\n  Order Completed:\n    properties:\n      total: { type: integer, required: true }\n      currency: { type: string, enum: [USD] }\n      coupon: { type: string, required: true }\n';
    const dir = await tempTree({ 'plans/plan.yaml': header, 'plans/events.yaml': events });
    const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ type: 'track', event: 'Order Completed', properties: { total: i + 0.5, currency: ['USD', 'EUR'][i % 2], ...(i % 2 ? { coupon: 'X' } : {}), gift: i % 3 === 0 } }));
    lines.push(JSON.stringify({ type: 'track', event: 'Cart Viewed', properties: { items: 2 } }));
    await writeFile(path.join(dir, 'events.ndjson'), lines.join('\n'));
    const io = capture(dir);
    expect(await runCli(['infer', '--from-events', 'events.ndjson', '--merge', 'plans'], io)).toBe(1);
    expect(io.out.split('\n').filter((l) => l.includes('infer-'))).toEqual([
      'plans/events.yaml:5:7  Order Completed.total: the plan says integer, the samples have number  infer-type',
      'plans/events.yaml:6:7  Order Completed.currency: the plan says enum ["USD"], the samples have values outside it: ["EUR"]  infer-enum',
      'plans/events.yaml:7:7  Order Completed.coupon: the plan says required, the samples have in 15 of 30 samples  infer-required',
    ]);
    expect(io.err).toContain('trackplan infer: 1 new planned call (Cart Viewed); 1 new property; 3 disagreements with the plan (left as planned); written to plans/events.yaml, plans/inferred.yaml\n');
    const merged = await readFile(path.join(dir, 'plans/events.yaml'), 'utf8');
    expect(merged).toBe(`${events}      gift: { type: boolean, required: true }\n`);
    expect(await readFile(path.join(dir, 'plans/inferred.yaml'), 'utf8')).toBe('events:\n  # drafted by trackplan infer from 1 event\n  Cart Viewed:\n    properties:\n      items: { type: integer, required: true }\n');
  });

  it('--stdout prints the draft and writes nothing; a broken line is skipped with its number', async () => {
    const dir = await tempTree({});
    await writeFile(path.join(dir, 'e.ndjson'), '{"type":"identify","traits":{"email":"a@b.co"}}\nnot json\n{"type":"alias"}\n');
    const io = capture(dir);
    expect(await runCli(['infer', '--from-events', 'e.ndjson', '--stdout'], io)).toBe(0);
    expect(io.out).toContain('# plans/events.yaml\n# drafted by trackplan infer from 1 event\nidentify:\n  traits:\n    email: { type: string, required: true, format: email, pii: true }\n');
    expect(io.err).toContain('e.ndjson: 1 lines are not JSON events (lines 2); skipped\n');
    expect(io.err).toContain('e.ndjson: 1 events skipped (other-call)\n');
    expect(await readdir(dir)).toEqual(['e.ndjson']);
  });

  it('refuses to run without a source, or with both (exit 2)', async () => {
    const dir = await tempTree({});
    const io = capture(dir);
    expect(await runCli(['infer'], io)).toBe(2);
    expect(io.err).toBe('trackplan: give one of --from-code <dir> and --from-events <file|->\n');
  });
});
