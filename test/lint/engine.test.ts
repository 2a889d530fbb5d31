import { describe, expect, it } from 'vitest';
import { lintCode } from './helpers.js';

const ORDER = `analytics.track('Order Completed', { order_id: 'o-1', total: 3 });`;

describe('the lint engine', () => {
  it('parses only the files the text prefilter lets through', async () => {
    const result = await lintCode({
      'src/web/a.ts': ORDER,
      'src/web/b.ts': `export const track = 1; // mentions track, but never calls it\n`,
      'src/web/c.ts': `export function add(a: number, b: number) { return a + b; }\n`,
    });
    expect(result.stats).toEqual({
      files: 3, parsed: 1, calls: 1, checker: false,
      projects: [{ tsconfig: null, checker: false, files: 3, filesWithCalls: ['src/web/a.ts'] }],
    });
  });

  it('starts the type checker only when a call needs it', async () => {
    const needs = await lintCode({ 'src/web/a.ts': `declare const total: number;\nanalytics.track('Order Completed', { order_id: 'o-1', total });` });
    expect(needs.stats.checker).toBe(true);
    const never = await lintCode({ 'src/web/a.ts': `declare const total: number;\nanalytics.track('Order Completed', { order_id: 'o-1', total });` }, { typeCheck: false });
    expect(never.stats.checker).toBe(false);
    expect(never.diagnostics).toEqual([]);
  });

  it('skips the generated modules themselves (their callers are what is linted)', async () => {
    const result = await lintCode({
      'generated/tracking.ts': `declare const client: any;\nexport function orderCompleted(p: object) { client.track('Order Completed', p); analytics.track('nope', {}); }\n`,
      'src/web/a.ts': ORDER,
    });
    expect(result.stats.parsed).toBe(1);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports nothing on a clean file and returns the texts of files with findings only', async () => {
    const result = await lintCode({ 'src/web/a.ts': ORDER, 'src/web/b.ts': `analytics.track('Nope', {});` });
    expect([...result.texts.keys()]).toEqual(['src/web/b.ts']);
  });
});
