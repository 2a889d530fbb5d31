import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultLintConfig, mergeLintConfig, type WrapperCall } from '../../src/lint/config.js';
import { lintSources } from '../../src/lint/lint-sources.js';
import { tempTree } from '../helpers/temp.js';
import { findings, fixturePlan, lintCode } from './helpers.js';

/** [form, call, event or page name ('' when none, values joined by |), line, column of the callee, file] */
type CallRow = [string, string, string, number, number, string];
/** [ruleId, messageId, line, column, file] */
type FindingRow = [string, string, number, number, string];

interface ScopeCase {
  name: string;
  calls: WrapperCall[];
  files: Record<string, string>;
  typeCheck?: boolean;
  /** Written to a temp folder and read from there (imports resolve on disk, as in a real project). */
  onDisk?: boolean;
  expectedCalls: CallRow[];
  expectedFindings?: FindingRow[];
}

const ORDER = `{ order_id: 'o-1', total: 3 }`;
const wrapper = (callee: string, extra: Partial<WrapperCall> = {}): WrapperCall => ({ callee, call: 'track', event: { index: 0 }, properties: { index: 1 }, ...extra });
const SEGMENT_SERVICE = [
  `import { Analytics } from '@segment/analytics-node';`,
  `export class Billing {`,
  `  private segment = new Analytics({ writeKey: 'k' });`,
  `  charge(userId: string): void {`,
  `    this.segment.track({ userId, event: 'Known', properties: { b: 1 } });`,
  `  }`,
  `}`,
].join('\n');
const UNRELATED_TRACK = `async function track({ clientKey, events }: { clientKey: string; events: unknown[] }) { return [clientKey, events]; }\nvoid track({ clientKey: 'k', events: [] });`;
const LIB = `export function track(name: string, properties: object): void { void name; void properties; }\ntrack('Order Completed', ${ORDER});`;
const USES_LIB = (specifier: string) => `import { track } from '${specifier}';\ntrack('Order Completed', { order_id: 'o-1' });`;

const cases: ScopeCase[] = [
  // Item 3: a wrapper named like an SDK instance is the SDK.
  {
    name: 'segment.track on a Node SDK field is the SDK, not the wrapper',
    calls: [wrapper('segment.track')],
    files: { 'src/server/billing.ts': SEGMENT_SERVICE, 'src/server/other.ts': `import { segment } from './segment-wrapper.js';\nsegment.track('Signed Up', { email: 'a@b.co' });` },
    expectedCalls: [['node', 'track', 'Known', 5, 5, 'src/server/billing.ts'], ['wrapper', 'track', 'Signed Up', 2, 1, 'src/server/other.ts']],
    expectedFindings: [['unplanned-event', 'unplannedEvent', 5, 41, 'src/server/billing.ts']],
  },
  {
    name: 'segment.track on an SDK instance of another file (type checker) is the SDK',
    calls: [wrapper('segment.track')],
    files: {
      'src/server/client.ts': `import { Analytics } from '@segment/analytics-node';\nexport const segment = new Analytics({ writeKey: 'k' });`,
      'src/server/a.ts': `import { segment } from './client.js';\nsegment.track({ userId: 'u', event: 'Signed Up', properties: { email: 'a@b.co' } });`,
    },
    expectedCalls: [['node', 'track', 'Signed Up', 2, 1, 'src/server/a.ts']],
  },
  // Item 4: a bare wrapper name, with and without `from:`.
  {
    name: 'without from, a local track of an unrelated file matches',
    calls: [wrapper('track')],
    files: { 'src/web/a.ts': USES_LIB('@/lib/analytics'), 'src/web/keys.ts': UNRELATED_TRACK },
    expectedCalls: [['wrapper', 'track', 'Order Completed', 2, 1, 'src/web/a.ts'], ['wrapper', 'track', '', 2, 6, 'src/web/keys.ts']],
    expectedFindings: [
      ['missing-required-property', 'missingProperty', 2, 26, 'src/web/a.ts'],
      ['dynamic-event-name', 'dynamicName', 2, 12, 'src/web/keys.ts'],
    ],
  },
  {
    name: 'from an import specifier: the import matches, the local track does not',
    calls: [wrapper('track', { from: '@/lib/analytics' })],
    files: { 'src/web/a.ts': USES_LIB('@/lib/analytics'), 'src/web/keys.ts': UNRELATED_TRACK, 'src/web/b.ts': USES_LIB('@/lib/other') },
    expectedCalls: [['wrapper', 'track', 'Order Completed', 2, 1, 'src/web/a.ts']],
    expectedFindings: [['missing-required-property', 'missingProperty', 2, 26, 'src/web/a.ts']],
  },
  {
    name: 'from a require, a namespace import with *.track, and a default import',
    calls: [wrapper('track', { from: '@/lib/analytics' }), wrapper('*.track', { from: '@/lib/analytics' }), wrapper('send', { from: '@/lib/analytics' })],
    files: {
      'src/web/a.js': `const { track } = require('@/lib/analytics');\ntrack('Order Completed', ${ORDER});`,
      'src/web/b.ts': `import * as lib from '@/lib/analytics';\nlib.track('Order Completed', ${ORDER});\nother.track('Order Completed', {});`,
      'src/web/c.ts': `import send from '@/lib/analytics';\nsend('Order Completed', ${ORDER});`,
    },
    expectedCalls: [['wrapper', 'track', 'Order Completed', 2, 1, 'src/web/a.js'], ['wrapper', 'track', 'Order Completed', 2, 1, 'src/web/b.ts'], ['wrapper', 'track', 'Order Completed', 2, 1, 'src/web/c.ts']],
  },
  {
    name: 'from a path glob: imports resolving to it and its own calls match',
    onDisk: true,
    calls: [wrapper('track', { from: 'src/lib/*.ts' })],
    files: { 'src/lib/analytics.ts': LIB, 'src/web/a.ts': USES_LIB('../lib/analytics.js'), 'src/web/keys.ts': UNRELATED_TRACK, 'src/web/b.ts': USES_LIB('@/lib/other') },
    expectedCalls: [['wrapper', 'track', 'Order Completed', 2, 1, 'src/lib/analytics.ts'], ['wrapper', 'track', 'Order Completed', 2, 1, 'src/web/a.ts']],
    expectedFindings: [['missing-required-property', 'missingProperty', 2, 26, 'src/web/a.ts']],
  },
  {
    name: 'from a path without extension, through a barrel (type checker)',
    onDisk: true,
    calls: [wrapper('track', { from: 'src/lib/analytics' })],
    files: { 'src/lib/analytics.ts': LIB, 'src/lib/index.ts': `export * from './analytics.js';`, 'src/web/a.ts': USES_LIB('../lib/index.js') },
    expectedCalls: [['wrapper', 'track', 'Order Completed', 2, 1, 'src/lib/analytics.ts'], ['wrapper', 'track', 'Order Completed', 2, 1, 'src/web/a.ts']],
    expectedFindings: [['missing-required-property', 'missingProperty', 2, 26, 'src/web/a.ts']],
  },
  {
    name: 'from on a service method: the field class is imported from the module',
    onDisk: true,
    calls: [wrapper('analyticsService.track', { from: 'src/lib/analytics-service.ts', properties: { index: 2 } })],
    files: {
      'src/lib/analytics-service.ts': `export class AnalyticsService { track(e: string, u: string, p: object): void { void [e, u, p]; } }`,
      'src/server/auth.ts': `import { AnalyticsService } from '../lib/analytics-service.js';\nexport class Auth {\n  constructor(private analyticsService: AnalyticsService) {}\n  login(u: string) { this.analyticsService.track('Signed Up', u, { email: 1 }); }\n}`,
      'src/server/other.ts': `import { AnalyticsService } from './local-service.js';\nexport class Other {\n  private analyticsService = new AnalyticsService();\n  go() { this.analyticsService.track('Nope', 'u', {}); }\n}`,
    },
    expectedCalls: [['wrapper', 'track', 'Signed Up', 4, 22, 'src/server/auth.ts']],
    expectedFindings: [['property-type-mismatch', 'typeMismatch', 4, 75, 'src/server/auth.ts']],
  },
  {
    name: 'a suggested class-method entry: *.track from the class file, through fields and parameters of any name',
    onDisk: true,
    calls: [wrapper('*.track', { from: 'src/lib/analytics-service.ts', properties: { index: 2 } })],
    files: {
      'src/lib/analytics-service.ts': [
        `import { Analytics } from '@segment/analytics-node';`,
        `export class AnalyticsService {`,
        `  private segment = new Analytics({ writeKey: 'k' });`,
        `  // trackplan-ignore-next-line its callers are linted`,
        `  track(e: string, u: string, p: object): void { this.segment.track({ userId: u, event: e, properties: p }); }`,
        `}`,
      ].join('\n'),
      'src/server/auth.ts': `import { AnalyticsService } from '../lib/analytics-service';\nexport class Auth {\n  constructor(private readonly events: AnalyticsService) {}\n  login(u: string) { this.events.track('Signed Up', u, { email: 'a@b.co' }); }\n}`,
      'src/server/handler.ts': `import type { AnalyticsService } from '../lib/analytics-service';\nimport tracker = require('../lib/other');\nexport function handle(svc: AnalyticsService) {\n  svc.track('Signed Upp', 'u', {});\n  router.track('x');\n  tracker.track('y');\n}`,
    },
    expectedCalls: [
      ['node', 'track', '', 5, 50, 'src/lib/analytics-service.ts'],
      ['wrapper', 'track', 'Signed Up', 4, 22, 'src/server/auth.ts'],
      ['wrapper', 'track', 'Signed Upp', 4, 3, 'src/server/handler.ts'],
    ],
    expectedFindings: [['unplanned-event', 'unplannedEvent', 4, 13, 'src/server/handler.ts']],
  },
  // `message:`: one Node-style message object.
  {
    name: 'message wrappers of track and identify, message first or second',
    calls: [
      { callee: 'sendEvent', call: 'track', message: 0 },
      { callee: 'identifyUser', call: 'identify', message: 0 },
      { callee: 'forward', call: 'track', message: 1 },
    ],
    files: {
      'src/server/a.ts': [
        `sendEvent({ userId: 'u', event: 'Signed Up', properties: { email: 7 } });`,
        `identifyUser({ userId: 'u', traits: { name: 'Ada' } });`,
        `forward(ctx, { anonymousId: 'a', event: 'Signed Upp', properties: {} });`,
      ].join('\n'),
    },
    expectedCalls: [['wrapper', 'track', 'Signed Up', 1, 1, 'src/server/a.ts'], ['wrapper', 'identify', '', 2, 1, 'src/server/a.ts'], ['wrapper', 'track', 'Signed Upp', 3, 1, 'src/server/a.ts']],
    expectedFindings: [
      ['property-type-mismatch', 'typeMismatch', 1, 67, 'src/server/a.ts'],
      ['missing-required-property', 'missingProperty', 2, 37, 'src/server/a.ts'],
      ['unplanned-event', 'unplannedEvent', 3, 41, 'src/server/a.ts'],
    ],
  },
  // Item 10: `name:` transforms, so the linted name is the sent name.
  {
    name: 'suffix, prefix, both, and a regular expression',
    calls: [
      wrapper('withSuffix', { name: { suffix: ' Completed' } }),
      wrapper('withPrefix', { name: { prefix: 'Order ' } }),
      wrapper('withBoth', { name: { prefix: 'Order ', suffix: 'd' } }),
      wrapper('withPattern', { name: { pattern: '^\\[(\\w+)\\] (.*)$', replace: '$2' } }),
    ],
    files: {
      'src/web/a.ts': [
        `withSuffix('Order', ${ORDER});`,
        `withPrefix(flag ? 'Completed' : 'Complete', ${ORDER});`,
        `withBoth('Complete', ${ORDER});`,
        `withPattern('[web] Order Completed', ${ORDER});`,
        `withPattern('Order Completed', ${ORDER});`,
        `withSuffix('Order Completed', ${ORDER});`,
      ].join('\n'),
    },
    expectedCalls: [
      ['wrapper', 'track', 'Order Completed', 1, 1, 'src/web/a.ts'],
      ['wrapper', 'track', 'Order Completed|Order Complete', 2, 1, 'src/web/a.ts'],
      ['wrapper', 'track', 'Order Completed', 3, 1, 'src/web/a.ts'],
      ['wrapper', 'track', 'Order Completed', 4, 1, 'src/web/a.ts'],
      ['wrapper', 'track', 'Order Completed', 5, 1, 'src/web/a.ts'],
      ['wrapper', 'track', 'Order Completed Completed', 6, 1, 'src/web/a.ts'],
    ],
    expectedFindings: [['unplanned-event', 'unplannedEvent', 2, 12, 'src/web/a.ts'], ['unplanned-event', 'unplannedEvent', 6, 12, 'src/web/a.ts']],
  },
];

describe('scoped wrappers', () => {
  it.each(cases)('$name', async (testCase) => {
    const result = testCase.onDisk
      ? await lintOnDisk(testCase.files, testCase.calls)
      : await lintCode(testCase.files, { config: { calls: testCase.calls }, ...(testCase.typeCheck !== undefined ? { typeCheck: testCase.typeCheck } : {}) });
    const calls = result.calls.map((c) => {
      const name = c.name?.kind === 'static' ? c.name.values.join('|') : '';
      return [c.form, c.call, name, c.span.line, c.span.column, c.file];
    });
    expect(calls).toEqual(testCase.expectedCalls);
    const actual = findings(result).map((f) => [f.ruleId, f.messageId, f.line, f.column, f.file]);
    expect(actual).toEqual(testCase.expectedFindings ?? []);
  });
});

async function lintOnDisk(files: Record<string, string>, calls: WrapperCall[]) {
  const dir = await tempTree(files);
  const sources = Object.keys(files).map((file) => ({ file: path.join(dir, file), text: readFileSync(path.join(dir, file), 'utf8') }));
  return lintSources(sources, { plan: await fixturePlan(), config: mergeLintConfig(defaultLintConfig(), { calls }), cwd: dir });
}

describe('scoped wrappers and the type checker', () => {
  it.each([
    ['a service field of a class the file names', `import { AnalyticsService } from './service';\nexport class A {\n  constructor(private analyticsService: AnalyticsService) {}\n  go() { this.analyticsService.track('Signed Up', 'u', { email: 'a@b.co' }); }\n}`, false],
    ['a bare wrapper', `import { track } from '@/lib/analytics';\ntrack('Signed Up', 'u', { email: 'a@b.co' });`, false],
    ['an imported receiver, which may be an SDK client', `import { analyticsService } from './service';\nanalyticsService.track('Signed Up', 'u', { email: 'a@b.co' });`, true],
  ])('%s: checker started %s', async (_name, code, started) => {
    const calls = [wrapper('analyticsService.track', { properties: { index: 2 } }), wrapper('track', { from: '@/lib/analytics', properties: { index: 2 } })];
    const result = await lintCode({ 'src/server/a.ts': code }, { config: { calls } });
    expect(result.calls.map((c) => [c.form, c.name?.kind === 'static' ? c.name.values : []])).toEqual([['wrapper', ['Signed Up']]]);
    expect(result.stats.checker).toBe(started);
  });
});
