import { describe, expect, it } from 'vitest';
import type { LintConfig } from '../../src/lint/config.js';
import { findings, lintCode } from './helpers.js';

/** [form, call, event or page name ('' when none), line, column of the callee] */
type CallRow = [string, string, string, number, number];
/** [ruleId, messageId, line, column, file] */
type FindingRow = [string, string, number, number, string];

interface FormCase {
  name: string;
  files: Record<string, string>;
  config?: Partial<LintConfig>;
  calls: CallRow[];
  findings?: FindingRow[];
}

const ORDER = `{ order_id: 'o-1', total: 3 }`;
const BAD_ORDER = `{ order_id: 'o-1', totl: 3 }`;
const RUDDER_NODE = `import Analytics from '@rudderstack/rudder-sdk-node';\n`;
const GENERATED = `export function orderCompleted(properties: object): void { void properties; }\nexport function identify(userId: string | undefined, traits: object): void { void userId; void traits; }\n`;

const cases: FormCase[] = [
  // Browser SDK calls on the known receivers, in TypeScript and JavaScript.
  { name: 'analytics.track (TS)', files: { 'src/web/a.ts': `analytics.track('Order Completed', ${ORDER});` }, calls: [['browser', 'track', 'Order Completed', 1, 1]] },
  { name: 'rudderanalytics.track (JS)', files: { 'src/web/a.js': `rudderanalytics.track('Order Completed', ${ORDER});` }, calls: [['browser', 'track', 'Order Completed', 1, 1]] },
  { name: 'window.analytics.track (JSX)', files: { 'src/web/a.jsx': `export const A = () => <button onClick={() => window.analytics.track('Order Completed', ${ORDER})} />;` }, calls: [['browser', 'track', 'Order Completed', 1, 47]] },
  { name: 'window.rudderanalytics.track (MJS)', files: { 'src/web/a.mjs': `window.rudderanalytics.track('Order Completed', ${ORDER});` }, calls: [['browser', 'track', 'Order Completed', 1, 1]] },
  { name: 'optional chaining (TS)', files: { 'src/web/a.ts': `declare const analytics: any;\nanalytics?.track('Order Completed', ${ORDER});\nwindow.rudderanalytics?.track('Order Completed', ${ORDER});` }, calls: [['browser', 'track', 'Order Completed', 2, 1], ['browser', 'track', 'Order Completed', 3, 1]] },
  {
    name: 'an alias of a receiver (JS), wrong property',
    files: { 'src/web/a.js': `const a = window.analytics;\nconst b = a;\nb.track('Order Completed', ${BAD_ORDER});` },
    calls: [['browser', 'track', 'Order Completed', 3, 1]],
    findings: [['missing-required-property', 'missingProperty', 3, 28, 'src/web/a.js'], ['unknown-property', 'unknownProperty', 3, 47, 'src/web/a.js']],
  },
  {
    name: 'an alias with optional chaining (TS)',
    files: { 'src/web/a.ts': `const r = window.rudderanalytics;\nr?.track('Order Completed', ${ORDER});` },
    calls: [['browser', 'track', 'Order Completed', 2, 1]],
  },
  {
    name: 'browser overloads of page, identify and group',
    files: {
      'src/web/a.ts': [
        `analytics.page('Home', { path: '/' });`,
        `analytics.page('Docs', 'Pricing', { path: '/docs/pricing' });`,
        `analytics.page({ path: '/' });`,
        `analytics.identify({ email: 'a@b.co' });`,
        `analytics.identify('user-1', { email: 'a@b.co', name: 'Ada' });`,
        `analytics.group('acme', { name: 'Acme' });`,
      ].join('\n'),
    },
    calls: [['browser', 'page', 'Home', 1, 1], ['browser', 'page', 'Pricing', 2, 1], ['browser', 'page', '', 3, 1], ['browser', 'identify', '', 4, 1], ['browser', 'identify', '', 5, 1], ['browser', 'group', '', 6, 1]],
  },
  {
    name: 'a RudderStack JS SDK instance under any name',
    files: { 'src/web/a.ts': `import { RudderAnalytics } from '@rudderstack/analytics-js';\nconst rs = new RudderAnalytics();\nrs.track('Order Completed', ${BAD_ORDER});` },
    calls: [['browser', 'track', 'Order Completed', 3, 1]],
    findings: [['missing-required-property', 'missingProperty', 3, 29, 'src/web/a.ts'], ['unknown-property', 'unknownProperty', 3, 48, 'src/web/a.ts']],
  },
  {
    name: 'a Segment analytics-next instance from AnalyticsBrowser.load',
    files: { 'src/web/a.ts': `import { AnalyticsBrowser } from '@segment/analytics-next';\nexport const seg = AnalyticsBrowser.load({ writeKey: 'k' });\nseg.track('Order Completed', ${ORDER});` },
    calls: [['browser', 'track', 'Order Completed', 3, 1]],
  },
  // Node SDKs: one message object, on instances however they are named.
  {
    name: 'RudderStack Node SDK, default import',
    files: { 'src/server/a.ts': `${RUDDER_NODE}const c = new Analytics('k');\nc.track({ userId: 'u', event: 'Order Completed', properties: ${ORDER} });` },
    calls: [['node', 'track', 'Order Completed', 3, 1]],
  },
  {
    name: 'Segment Node SDK, named import, identify and page',
    files: { 'src/server/a.ts': `import { Analytics } from '@segment/analytics-node';\nconst s = new Analytics({ writeKey: 'k' });\ns.identify({ userId: 'u', traits: { email: 'a@b.co' } });\ns.page({ anonymousId: 'x', name: 'Home', properties: { path: '/' } });` },
    calls: [['node', 'identify', '', 3, 1], ['node', 'page', 'Home', 4, 1]],
  },
  {
    name: 'a Node SDK instance exported from another file, found by the type checker',
    files: {
      'src/server/client.ts': `${RUDDER_NODE}export const tracker = new Analytics('k');`,
      'src/server/a.ts': `import { tracker } from './client.js';\ntracker.track({ userId: 'u', event: 'Signed Up', properties: { email: 'a@b.co', referal: 'x' } });`,
    },
    calls: [['node', 'track', 'Signed Up', 2, 1]],
    findings: [['unknown-property', 'unknownProperty', 2, 81, 'src/server/a.ts']],
  },
  {
    name: 'a Node SDK instance returned by a function (type checker)',
    files: { 'src/server/a.ts': `import { Analytics } from '@segment/analytics-node';\nfunction client() { return new Analytics({ writeKey: 'k' }); }\nclient().track({ userId: 'u', event: 'Signed Up', properties: { email: 'a@b.co' } });` },
    calls: [['node', 'track', 'Signed Up', 3, 1]],
  },
  {
    name: 'a class field and an injected parameter',
    files: {
      'src/server/a.ts': [
        RUDDER_NODE.trim(),
        `export class Signups {`,
        `  private client = new Analytics('k');`,
        `  constructor(private readonly injected: Analytics) {}`,
        `  record(): void {`,
        `    this.client.track({ userId: 'u', event: 'Signed Up', properties: { email: 'a@b.co' } });`,
        `    this.injected.identify({ userId: 'u', traits: { email: 'a@b.co' } });`,
        `  }`,
        `}`,
      ].join('\n'),
    },
    calls: [['node', 'track', 'Signed Up', 6, 5], ['node', 'identify', '', 7, 5]],
  },
  {
    name: 'an instance assigned in another method (JS)',
    files: { 'src/server/a.js': `import Analytics from '@rudderstack/rudder-sdk-node';\nexport class Signups {\n  init(key) {\n    if (key) this.client = new Analytics(key);\n  }\n  record() {\n    this.client.track({ userId: 'u', event: 'Signed Up', properties: { email: 'a@b.co' } });\n  }\n}` },
    calls: [['node', 'track', 'Signed Up', 7, 5]],
  },
  {
    name: 'CommonJS require of both Node SDKs (CJS)',
    files: {
      'src/server/a.cjs': `const Analytics = require('@rudderstack/rudder-sdk-node');\nconst { Analytics: Segment } = require('@segment/analytics-node');\nconst r = new Analytics('k');\nconst s = new Segment({ writeKey: 'k' });\nr.track({ userId: 'u', event: 'Signed Up', properties: { email: 'a@b.co' } });\ns.track({ userId: 'u', event: 'Signed Up', properties: { email: 7 } });`,
    },
    calls: [['node', 'track', 'Signed Up', 5, 1], ['node', 'track', 'Signed Up', 6, 1]],
    findings: [['property-type-mismatch', 'typeMismatch', 6, 65, 'src/server/a.cjs']],
  },
  {
    name: 'a Node message on a variable called analytics',
    files: { 'src/server/a.js': `analytics.track({ userId: 'u', event: 'Signed Up', properties: { email: 'a@b.co' } });` },
    calls: [['node', 'track', 'Signed Up', 1, 1]],
  },
  // Generated functions of generated/tracking (browser) and generated/tracking-node (Node).
  {
    name: 'generated functions, named imports (browser flavour)',
    files: { 'src/web/a.ts': `import { orderCompleted, identify } from '../../generated/tracking.js';\norderCompleted(${ORDER});\nidentify('u', { name: 'Ada' });` },
    calls: [['generated', 'track', 'Order Completed', 2, 1], ['generated', 'identify', '', 3, 1]],
    findings: [['missing-required-property', 'missingProperty', 3, 15, 'src/web/a.ts']],
  },
  {
    name: 'generated functions, namespace and renamed imports (JS)',
    files: { 'src/web/a.js': `import * as tracking from '../../generated/tracking.js';\nimport { orderCompleted as sendOrder } from '../../generated/tracking.js';\ntracking.orderCompleted(${ORDER});\nsendOrder(${BAD_ORDER});` },
    calls: [['generated', 'track', 'Order Completed', 3, 1], ['generated', 'track', 'Order Completed', 4, 1]],
    findings: [['missing-required-property', 'missingProperty', 4, 11, 'src/web/a.js'], ['unknown-property', 'unknownProperty', 4, 30, 'src/web/a.js']],
  },
  {
    name: 'generated functions, Node flavour',
    files: { 'src/server/a.ts': `import { signedUp } from '../../generated/tracking-node.js';\nsignedUp({ userId: 'u', properties: { email: 'a@b.co' } });` },
    calls: [['generated', 'track', 'Signed Up', 2, 1]],
  },
  {
    name: 'generated functions through a barrel file (type checker)',
    files: {
      'generated/tracking.ts': GENERATED,
      'src/web/analytics.ts': `export * from '../../generated/tracking.js';`,
      'src/web/a.ts': `import { orderCompleted } from './analytics.js';\norderCompleted(${ORDER});`,
    },
    calls: [['generated', 'track', 'Order Completed', 2, 1]],
  },
  // Wrappers declared in the plan's lint.calls or with --call.
  {
    name: 'a bare track(event, properties) helper',
    config: { calls: [{ callee: 'track', call: 'track', event: { index: 0 }, properties: { index: 1 } }] },
    files: { 'src/web/a.ts': `import { track } from './helpers.js';\ntrack('Order Completed', ${ORDER});\ntrack('Order Complete', ${ORDER});` },
    calls: [['wrapper', 'track', 'Order Completed', 2, 1], ['wrapper', 'track', 'Order Complete', 3, 1]],
    findings: [['unplanned-event', 'unplannedEvent', 3, 7, 'src/web/a.ts']],
  },
  {
    name: 'a service method with the properties third',
    config: { calls: [{ callee: 'analyticsService.track', call: 'track', event: { index: 0 }, properties: { index: 2 } }] },
    files: { 'src/server/a.ts': `export class Auth {\n  constructor(private analyticsService: { track(e: string, u: string, p: object): void }) {}\n  login(userId: string) {\n    this.analyticsService.track('Signed Up', userId, { email: 1 });\n  }\n}` },
    calls: [['wrapper', 'track', 'Signed Up', 4, 5]],
    findings: [['property-type-mismatch', 'typeMismatch', 4, 63, 'src/server/a.ts']],
  },
  {
    name: 'a wrapper taking one message object, any receiver',
    config: { calls: [{ callee: '*.logEvent', call: 'track', event: { index: 0, key: 'name' }, properties: { index: 0, key: 'data' } }] },
    files: { 'src/server/a.js': `services.events.logEvent({ name: 'Signed Up', data: { email: 'a@b.co' } });\nlogEvent({ name: 'Nope', data: {} });` },
    calls: [['wrapper', 'track', 'Signed Up', 1, 1]],
  },
  {
    name: 'an identify wrapper',
    config: { calls: [{ callee: 'identifyUser', call: 'identify', properties: { index: 1 } }] },
    files: { 'src/web/a.ts': `declare function identifyUser(id: string, traits: object): void;\nidentifyUser('u', { email: 'a@b.co' });` },
    calls: [['wrapper', 'identify', '', 2, 1]],
  },
  {
    name: 'a parameter that shadows an SDK instance of the same name',
    files: { 'src/server/a.ts': `${RUDDER_NODE}const client = new Analytics('k');\nexport function send(client: { track(m: object): void }) {\n  client.track({ event: 'Nope' });\n}\nclient.track({ userId: 'u', event: 'Signed Up', properties: { email: 'a@b.co' } });` },
    calls: [['node', 'track', 'Signed Up', 6, 1]],
  },
  // Not analytics calls: no finding, no call.
  {
    name: 'modules named like Object.prototype members',
    files: { 'src/web/a.js': `import ctor from 'constructor';\nconst proto = require('__proto__');\nproto.track('x');\nctor.page('y');` },
    calls: [],
  },
  {
    name: 'other objects with track methods',
    files: { 'src/web/a.ts': `declare const mixpanel: { track(e: string, p?: object): void };\ndeclare const router: { page(n: number): void };\nmixpanel.track('Whatever', {});\nrouter.page(2);\nfunction track(e: string) { return e; }\ntrack('Whatever');` },
    calls: [],
  },
];

describe('call forms', () => {
  it.each(cases)('$name', async (testCase) => {
    const result = await lintCode(testCase.files, testCase.config ? { config: testCase.config } : {});
    const calls = result.calls.map((c) => {
      const name = c.eventName ?? (c.name?.kind === 'static' ? c.name.values.join('|') : '');
      return [c.form, c.call, name, c.span.line, c.span.column];
    });
    expect(calls).toEqual(testCase.calls);
    const actual = findings(result).map((f) => [f.ruleId, f.messageId, f.line, f.column, f.file]);
    expect(actual).toEqual(testCase.findings ?? []);
  });
});
