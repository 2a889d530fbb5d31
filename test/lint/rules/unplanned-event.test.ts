import { describe, expect, it } from 'vitest';
import { runRuleCase, type RuleCase } from '../helpers.js';

const cases: RuleCase[] = [
  { name: 'a planned event is fine', code: `analytics.track('Webhook Received', {});`, expected: [] },
  { name: 'a typo gets a did-you-mean', code: `analytics.track('Order Complete', { order_id: 'o-1', total: 1 });`, expected: [['unplannedEvent', 1, 17]] },
  { name: 'screen is not planned', code: `analytics.screen('Home', {});`, expected: [['unplannedCall', 1, 1]] },
  { name: 'a page name outside the planned names', code: `analytics.page('Prices', { path: '/' });`, expected: [['unplannedName', 1, 16]] },
  { name: 'a planned page name', code: `analytics.page('Pricing', { path: '/pricing' });`, expected: [] },
  { name: 'a Node message without an event', files: { 'src/server/a.ts': `import Analytics from '@rudderstack/rudder-sdk-node';\nconst c = new Analytics('k');\nc.track({ userId: 'u', properties: {} } as never);` }, expected: [['missingName', 3, 1, 'src/server/a.ts']] },
];

describe('unplanned-event', () => {
  it.each(cases)('$name', async (testCase) => {
    const { actual, wanted } = await runRuleCase('unplanned-event', testCase);
    expect(actual).toEqual(wanted);
  });
});
