import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const NODE = `import Analytics from '@rudderstack/rudder-sdk-node';\nconst client = new Analytics('key');\n`;

const cases: RuleCase[] = [
  { name: 'all required properties given', code: `analytics.track('Order Completed', { order_id: 'o-1', total: 3 });`, expected: [] },
  { name: 'a required property left out', code: `analytics.track('Order Completed', { order_id: 'o-1' });`, expected: [{ messageId: 'missingProperty', line: 1, column: 36, endLine: 1, endColumn: 55, data: { property: 'total', event: '"Order Completed"' } }] },
  { name: 'no properties at all', code: `analytics.track('Signed Up');`, expected: [{ messageId: 'missingProperty', line: 1, column: 1, endLine: 1, endColumn: 16, data: { property: 'email', event: '"Signed Up"' } }] },
  {
    name: 'a required property of a nested object',
    code: `analytics.track('Order Completed', {\n  order_id: 'o-1',\n  total: 3,\n  shipping: { express: true },\n});`,
    expected: [{ messageId: 'missingProperty', line: 4, column: 13, endLine: 4, endColumn: 30, data: { property: 'shipping.method', event: '"Order Completed"' } }],
  },
  {
    name: 'a required property of an array item',
    code: `analytics.track('Order Completed', { order_id: 'o-1', total: 3, items: [{ sku: 'a' }, { price: 2 }] });`,
    expected: [{ messageId: 'missingProperty', line: 1, column: 87, endLine: 1, endColumn: 99, data: { property: 'items[1].sku', event: '"Order Completed"' } }],
  },
  { name: 'a spread of unknown shape may hold it', code: `declare const extra: any;\nanalytics.track('Signed Up', { ...extra });`, expected: [] },
  { name: 'a conditional spread may hold it', code: `declare const c: boolean;\nanalytics.track('Signed Up', { ...(c ? { email: 'a@b.co' } : {}) });`, expected: [] },
  {
    name: 'a conditional spread without it on either side',
    code: `declare const c: boolean;\nanalytics.track('Signed Up', { ...(c ? { referral: 'a' } : undefined) });`,
    expected: [{ messageId: 'missingProperty', line: 2, column: 30, endLine: 2, endColumn: 72, data: { property: 'email', event: '"Signed Up"' } }],
  },
  { name: 'a spread of a const object that holds it', code: `const base = { email: 'a@b.co' };\nanalytics.track('Signed Up', { ...base, referral: 'x' });`, expected: [] },
  {
    name: 'a typed variable with the property optional is not reported',
    code: `declare const props: { order_id: string; total?: number };\nanalytics.track('Order Completed', props);`,
    expected: [],
  },
  {
    name: 'a typed variable without the property (type checker)',
    code: `declare const props: { order_id: string };\nanalytics.track('Order Completed', props);`,
    expected: [{ messageId: 'missingProperty', line: 2, column: 36, endLine: 2, endColumn: 41, data: { property: 'total', event: '"Order Completed"' } }],
  },
  { name: 'browser page calls: the SDK fills path', code: `analytics.page('Home');\nrudderanalytics.page();`, expected: [] },
  { name: 'Node page calls must send path', code: `${NODE}client.page({ userId: 'u', name: 'Home', properties: {} });`, expected: [{ messageId: 'missingProperty', line: 3, column: 54, endLine: 3, endColumn: 56, data: { property: 'path', event: 'page' } }] },
  {
    name: 'generated Node page functions must send path',
    files: { 'src/server/a.ts': `import { page } from '../../generated/tracking-node.js';\npage({ userId: 'u', name: 'Home', properties: {} });` },
    expected: [{ messageId: 'missingProperty', file: 'src/server/a.ts', line: 2, column: 47, endLine: 2, endColumn: 49, data: { property: 'path', event: 'page' } }],
  },
  { name: 'generated browser page functions: the SDK fills path', code: `import { page } from '../../generated/tracking.js';\npage('Home', {});`, expected: [] },
  { name: 'browser identify without traits sends stored traits', code: `analytics.identify('user-1');`, expected: [] },
  { name: 'browser identify with traits must hold the required ones', code: `analytics.identify('user-1', { name: 'Ada' });`, expected: [{ messageId: 'missingProperty', line: 1, column: 30, endLine: 1, endColumn: 45, data: { property: 'email', event: 'identify' } }] },
  { name: 'Node identify traits', code: `${NODE}client.identify({ userId: 'u', traits: { name: 'Ada' } });`, expected: [{ messageId: 'missingProperty', line: 3, column: 40, endLine: 3, endColumn: 55, data: { property: 'email', event: 'identify' } }] },
];

describe('missing-required-property', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('missing-required-property', testCase);
    expect(actual).toEqual(wanted);
  });
});
