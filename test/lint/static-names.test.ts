import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/lint/lint-sources.js';
import { lintCode } from './helpers.js';

/** Each finding as `line:column rule subject [related line:column...]`, for exact tables. */
function rows(result: LintResult): string[] {
  return result.diagnostics.map((d) => {
    const at = d.location && 'file' in d.location ? `${d.location.line}:${d.location.column}` : '';
    const subject = d.data?.['name'] ?? d.data?.['property'] ?? d.data?.['text'] ?? '';
    const related = (d.related ?? []).map((r) => ('file' in r ? ` ~${r.line}:${r.column}` : '')).join('');
    return `${at} ${d.ruleId} ${subject}${related}`;
  });
}

const ORDER_PROPS = `{ order_id: 'o-1', total: 1 }`;

describe('static names: templates, unions and concatenations (issue 14, items 6 and 7)', () => {
  it.each([
    {
      name: 'a template with a ternary: each name checked',
      code: `declare const b: boolean;\nanalytics.track(\`Order \${b ? 'Completed' : 'Lost'}\`, ${ORDER_PROPS});`,
      expected: ['2:17 unplanned-event Order Lost'],
    },
    {
      name: 'a string-literal union parameter, concatenated',
      code: `export function f(kind: 'Completed' | 'Voided') {\n  analytics.track('Order ' + kind, ${ORDER_PROPS});\n}`,
      expected: ['2:19 unplanned-event Order Voided'],
    },
    {
      name: 'a string-literal union parameter in a template, with a constant part after it',
      code: `export function f(kind: 'Comp' | 'Void') {\n  analytics.track(\`Order \${kind}leted\`, ${ORDER_PROPS});\n}`,
      expected: ['2:19 unplanned-event Order Voidleted'],
    },
    {
      name: 'two ternaries: every combination, each unplanned one once',
      code: `declare const a: boolean, b: boolean;\nanalytics.track(\`\${a ? 'Order' : 'Cart'} \${b ? 'Completed' : 'Completed'}\`, ${ORDER_PROPS});`,
      expected: ['2:17 unplanned-event Cart Completed'],
    },
    {
      name: 'an optional union parameter may be undefined: the name is dynamic',
      code: `export function f(kind?: 'Completed') {\n  analytics.track('Order ' + kind, ${ORDER_PROPS});\n}`,
      expected: ["2:19 dynamic-event-name 'Order ' + kind"],
    },
    {
      name: 'a name declared twice in the file is left alone (scopes differ)',
      code: `export function f(kind: 'Completed') {\n  analytics.track('Order ' + kind, ${ORDER_PROPS});\n}\nexport function g(kind: 'Lost') { return kind; }`,
      expected: ["2:19 dynamic-event-name 'Order ' + kind"],
    },
  ])('$name (without the checker)', async ({ code, expected }) => {
    expect(rows(await lintCode({ 'src/web/a.ts': code }, { typeCheck: false }))).toEqual(expected);
  });

  it('expands a union the checker knows (a type alias), in a template', async () => {
    const code = `type Kind = 'Completed' | 'Voided';\nexport function f(kind: Kind) {\n  analytics.track(\`Order \${kind}\`, ${ORDER_PROPS});\n}`;
    expect(rows(await lintCode({ 'src/web/a.ts': code }))).toEqual(['3:19 unplanned-event Order Voided']);
    expect(rows(await lintCode({ 'src/web/a.ts': code }, { typeCheck: false }))).toEqual(['3:19 dynamic-event-name `Order ${kind}`']);
  });

  it('gives up past 64 combinations: a computed name, not a handful of spelled-out ones', async () => {
    const letters = `'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i'`;
    const code = `export function f(x: ${letters}, y: ${letters}) {\n  analytics.track(x + y, {});\n}`;
    expect(rows(await lintCode({ 'src/web/a.ts': code }, { typeCheck: false }))).toEqual(['2:19 dynamic-event-name x + y']);
  });
});

describe('findings at the call (issue 14, items 5 and 8)', () => {
  it('a shared const: one finding per call, at the argument, the const related', async () => {
    const code = `const ctx = { order_id: 'o-1', total: 1, extra: 2 };\nanalytics.track('Order Completed', ctx);\nanalytics.track('Order Completed', ctx);`;
    expect(rows(await lintCode({ 'src/web/a.ts': code }, { typeCheck: false }))).toEqual([
      '2:36 unknown-property extra ~1:42',
      '3:36 unknown-property extra ~1:42',
    ]);
  });

  it('an inline object keeps its own places (nothing to relate)', async () => {
    const code = `analytics.track('Order Completed', { order_id: 'o-1', total: 1, extra: 2 });`;
    expect(rows(await lintCode({ 'src/web/a.ts': code }, { typeCheck: false }))).toEqual(['1:65 unknown-property extra']);
  });

  it('a Node SDK message held in a const: its name resolved, its problems at the call', async () => {
    const code = [
      `import { Analytics } from '@segment/analytics-node';`,
      `const client = new Analytics({ writeKey: 'k' });`,
      `const signed = { userId: 'u', event: 'Signed Up', properties: { referral: 'x' } };`,
      `client.track(signed);`,
      `const lost = { userId: 'u', event: 'Order Lost', properties: {} };`,
      `client.track(lost);`,
      `declare const step: string;`,
      `const built = { userId: 'u', event: \`\${step} - [CLI]\`, properties: {} };`,
      `client.track(built);`,
    ].join('\n');
    expect(rows(await lintCode({ 'src/server/a.ts': code }, { typeCheck: false }))).toEqual([
      '4:14 missing-required-property email ~3:63',
      '6:14 unplanned-event Order Lost ~5:36',
      '9:14 dynamic-event-name `${step} - [CLI]` ~8:37',
    ]);
  });

  it('a const in another file, reached through the checker, is related in that file', async () => {
    const result = await lintCode({
      'src/web/shared.ts': `export const ctx = { order_id: 'o-1', total: 1, extra: 2 };\n`,
      'src/web/a.ts': `import { ctx } from './shared';\nanalytics.track('Order Completed', ctx);`,
    });
    const [finding] = result.diagnostics;
    expect([finding?.location, finding?.related]).toEqual([
      { file: 'src/web/a.ts', line: 2, column: 36, endLine: 2, endColumn: 39 },
      [{ file: 'src/web/shared.ts', line: 1, column: 49, endLine: 1, endColumn: 54 }],
    ]);
    expect([...result.texts.keys()].sort()).toEqual(['src/web/a.ts', 'src/web/shared.ts']);
  });
});
