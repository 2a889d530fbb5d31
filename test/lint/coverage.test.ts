import { describe, expect, it } from 'vitest';
import { lintCode } from './helpers.js';

const NODE = `import Analytics from '@rudderstack/rudder-sdk-node';\nconst client = new Analytics('key');\n`;

describe('coverage', () => {
  it('lists call sites per planned call, what is never sent, unplanned and dynamic sites, and counts per source', async () => {
    const { coverage } = await lintCode({
      'src/web/checkout.ts': [
        `analytics.track('Order Completed', { order_id: 'o-1', total: 1 });`,
        `analytics.page('Home');`,
        `analytics.track('Order Complete', {});`,
        `declare const name: string;`,
        `analytics.track(name, {});`,
        `// trackplan-ignore-next-line counted all the same`,
        `analytics.track('Order Completed', { order_id: 1, total: 1 });`,
      ].join('\n'),
      'src/server/signup.ts': `${NODE}client.track({ userId: 'u', event: 'Signed Up', properties: { email: 'a@b.co' } });`,
    });
    const sent = coverage.events.map((e) => [e.call, e.name, e.inCode, e.callSites.map((s) => `${s.file}:${s.line}:${s.column}`)]);
    expect(sent).toEqual([
      ['track', 'Anything Goes', true, []],
      ['track', 'Old Signup', true, []],
      ['track', 'Order Completed', true, ['src/web/checkout.ts:1:1', 'src/web/checkout.ts:7:1']],
      ['track', 'Signed Up', true, ['src/server/signup.ts:3:1']],
      ['track', 'Webhook Received', false, []],
      ['identify', 'identify', true, []],
      ['page', 'page', true, ['src/web/checkout.ts:2:1']],
      ['group', 'group', true, []],
    ]);
    expect(coverage.unplanned.map((s) => [s.name, s.file, s.line])).toEqual([['Order Complete', 'src/web/checkout.ts', 3]]);
    expect(coverage.dynamic.map((s) => [s.file, s.line])).toEqual([['src/web/checkout.ts', 5]]);
    expect(coverage.sources).toEqual([
      { id: 'web', name: 'Web', linted: true, planned: 1, sent: 1, unsent: [], callSites: 5 },
      { id: 'server', name: 'Server', linted: true, planned: 2, sent: 1, unsent: ['Order Completed'], callSites: 1 },
      { id: 'webhook', name: 'Webhook', linted: false, planned: 1, sent: null, unsent: null, callSites: 0 },
    ]);
    expect(coverage.summary).toEqual({ planned: 7, sent: 3, unsent: 4, callSites: 6, percent: 42.9 });
  });
});
