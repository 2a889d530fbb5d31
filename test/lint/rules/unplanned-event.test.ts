import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const cases: RuleCase[] = [
  { name: 'a planned event is fine', code: `analytics.track('Webhook Received', {});`, expected: [] },
  { name: 'a typo gets a did-you-mean', code: `analytics.track('Order Complete', { order_id: 'o-1', total: 1 });`, expected: [{ messageId: 'unplannedEvent', line: 1, column: 17, endLine: 1, endColumn: 33, data: { name: 'Order Complete', hint: ' (did you mean "Order Completed"?)' } }] },
  { name: 'screen is not planned', code: `analytics.screen('Home', {});`, expected: [{ messageId: 'unplannedCall', line: 1, column: 1, endLine: 1, endColumn: 17, data: { call: 'screen' } }] },
  { name: 'a page name outside the planned names', code: `analytics.page('Prices', { path: '/' });`, expected: [{ messageId: 'unplannedName', line: 1, column: 16, endLine: 1, endColumn: 24, data: { call: 'page', name: 'Prices', hint: '', expected: 'Home, Pricing' } }] },
  { name: 'a planned page name', code: `analytics.page('Pricing', { path: '/pricing' });`, expected: [] },
  { name: 'a Node message without an event', files: { 'src/server/a.ts': `import Analytics from '@rudderstack/rudder-sdk-node';\nconst c = new Analytics('k');\nc.track({ userId: 'u', properties: {} } as never);` }, expected: [{ messageId: 'missingName', file: 'src/server/a.ts', line: 3, column: 1, endLine: 3, endColumn: 8, data: { callee: 'c.track' } }] },
];

describe('unplanned-event', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('unplanned-event', testCase);
    expect(actual).toEqual(wanted);
  });
});
