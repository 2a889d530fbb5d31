import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const NODE = `import Analytics from '@rudderstack/rudder-sdk-node';\nconst client = new Analytics('key');\n`;

const cases: RuleCase[] = [
  { name: 'an event sent from a planned source', code: `analytics.track('Order Completed', { order_id: 'o-1', total: 3 });`, expected: [] },
  { name: 'a server-only event sent from the web', code: `analytics.track('Signed Up', { email: 'a@b.co' });`, expected: [{ messageId: 'wrongSource', line: 1, column: 17, endLine: 1, endColumn: 28, data: { event: '"Signed Up"', planned: 'source server', actual: 'source web' } }] },
  {
    name: 'a server event from server code',
    files: { 'src/server/signup.ts': `${NODE}client.track({ userId: 'u', event: 'Signed Up', properties: { email: 'a@b.co' } });` },
    expected: [],
  },
  {
    name: 'a webhook event from server code',
    files: { 'src/server/hook.ts': `${NODE}client.track({ userId: 'u', event: 'Webhook Received', properties: {} });` },
    expected: [
      { messageId: 'wrongSource', file: 'src/server/hook.ts', line: 3, column: 36, endLine: 3, endColumn: 54, data: { event: '"Webhook Received"', planned: 'source webhook', actual: 'source server' } },
    ],
  },
  { name: 'a file of no source is not checked', files: { 'scripts/seed.ts': `analytics.track('Signed Up', { email: 'a@b.co' });` }, expected: [] },
  { name: 'a call planned for every source', code: `analytics.identify('u', { email: 'a@b.co' });`, expected: [] },
];

describe('wrong-source', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('wrong-source', testCase);
    expect(actual).toEqual(wanted);
  });
});
