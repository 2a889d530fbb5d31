import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECEIVERS } from '../../src/lint/config.js';
import { createProjectResolver } from '../../src/lint/project-runs.js';
import { suggestWrappers, type SuggestedCall } from '../../src/lint/suggest-wrappers.js';
import { VIRTUAL_ROOT } from './helpers.js';

/** [file, line, column, function, sink kind, sink callee, sink detail, lint.calls entry] */
type Row = [string, number, number, string, string, string, string, SuggestedCall];

interface SuggestCase {
  name: string;
  files: Record<string, string>;
  expected: Row[];
}

const LIB = 'src/lib/analytics.ts';

const cases: SuggestCase[] = [
  {
    name: 'a browser SDK call, the name with a suffix',
    files: { [LIB]: 'export function track(name: string, props: object) {\n  window.analytics.track(`${name} - [WEB]`, props);\n}' },
    expected: [[LIB, 1, 17, 'track', 'sdk', 'window.analytics.track', 'browser', { callee: 'track', from: LIB, event: 0, properties: 1, name: { suffix: ' - [WEB]' } }]],
  },
  {
    name: 'a Node SDK field in a service class, userId second',
    files: {
      [LIB]: [
        `import { Analytics } from '@segment/analytics-node';`,
        `export class AnalyticsService {`,
        `  private segment = new Analytics({ writeKey: 'k' });`,
        `  track(event: string, userId: string, properties: object) {`,
        `    this.segment.track({ userId, event, properties });`,
        `  }`,
        `}`,
      ].join('\n'),
    },
    expected: [[LIB, 4, 3, 'AnalyticsService.track', 'sdk', 'this.segment.track', 'node', { callee: '*.track', from: LIB, event: 0, properties: 2 }]],
  },
  {
    name: 'a Node message passed on whole, and an identify wrapper',
    files: {
      [LIB]: [
        `import Analytics from '@rudderstack/rudder-sdk-node';`,
        `const client = new Analytics('k');`,
        `export const send = (message: object) => client.track({ ...message, context: { app: 'api' } });`,
        `export function identifyUser(id: string, traits: object) { analytics.identify(id, traits); }`,
      ].join('\n'),
    },
    expected: [
      [LIB, 3, 14, 'send', 'sdk', 'client.track', 'node', { callee: 'send', from: LIB, message: 0 }],
      [LIB, 4, 17, 'identifyUser', 'sdk', 'analytics.identify', 'browser', { callee: 'identifyUser', from: LIB, type: 'identify', properties: 1 }],
    ],
  },
  {
    name: 'mixpanel by import, jitsu by receiver name, posthog-node capture with a message',
    files: {
      'src/lib/mixpanel.ts': `import Mixpanel from 'mixpanel';\nexport class Tracker {\n  private mixpanel = Mixpanel.init('t');\n  send(name: string, props: object) { this.mixpanel.track(name, props); }\n}`,
      'src/lib/jitsu.ts': "import { jitsu } from './jitsu-client';\nexport async function trackEvent(name: string, props: object) {\n  await jitsu.track(`[CLI] ${name}`, props);\n}",
      'src/lib/posthog.ts': `import { PostHog } from 'posthog-node';\nconst ph = new PostHog('k');\nexport function capture(distinctId: string, event: string, properties: object) {\n  ph.capture({ distinctId, event, properties });\n}`,
    },
    expected: [
      ['src/lib/jitsu.ts', 2, 23, 'trackEvent', 'analytics-sdk', 'jitsu.track', 'jitsu', { callee: 'trackEvent', from: 'src/lib/jitsu.ts', event: 0, properties: 1, name: { prefix: '[CLI] ' } }],
      ['src/lib/mixpanel.ts', 4, 3, 'Tracker.send', 'analytics-sdk', 'this.mixpanel.track', 'mixpanel', { callee: '*.send', from: 'src/lib/mixpanel.ts', event: 0, properties: 1 }],
      ['src/lib/posthog.ts', 3, 17, 'capture', 'analytics-sdk', 'ph.capture', 'posthog', { callee: 'capture', from: 'src/lib/posthog.ts', event: 1, properties: 2 }],
    ],
  },
  {
    name: 'an analytics SDK client by the annotation of a parameter, amplitude logEvent',
    files: {
      'src/lib/ph.ts': `import type { PostHog } from 'posthog-node';\nexport function send(client: PostHog, event: string, properties: object) {\n  client.capture({ distinctId: 'd', event, properties });\n}`,
      'src/lib/amp.js': `import amplitude from 'amplitude-js';\nexport function log(name, props) { amplitude.getInstance().logEvent(name, props); }\nexport function logDirect(name, props) { amplitude.logEvent(name, props); }`,
    },
    expected: [
      ['src/lib/amp.js', 2, 17, 'log', 'analytics-sdk', 'amplitude.getInstance().logEvent', 'amplitude', { callee: 'log', from: 'src/lib/amp.js', event: 0, properties: 1 }],
      ['src/lib/amp.js', 3, 17, 'logDirect', 'analytics-sdk', 'amplitude.logEvent', 'amplitude', { callee: 'logDirect', from: 'src/lib/amp.js', event: 0, properties: 1 }],
      ['src/lib/ph.ts', 2, 17, 'send', 'analytics-sdk', 'client.capture', 'posthog', { callee: 'send', from: 'src/lib/ph.ts', event: 1, properties: 2 }],
    ],
  },
  {
    name: 'fetch, axios.post and api.post to collector paths',
    files: {
      'src/lib/http.ts': [
        'export async function track(event: string, properties: object) {',
        '  await fetch(`${HOST}/v1/track`, { method: "POST", body: JSON.stringify({ event, properties, userId: "u" }) });',
        '}',
        'export function batch(name: string, props: object) {',
        '  return axios.post("https://api.segment.io/v1/batch", { batch: [{ type: "track", event: name + " (server)", properties: props }] });',
        '}',
        'export const collector = {',
        '  send(payload: object) { return api.post("/collect?v=2", payload); },',
        '};',
      ].join('\n'),
    },
    expected: [
      ['src/lib/http.ts', 1, 23, 'track', 'collector', 'fetch', '*/v1/track', { callee: 'track', from: 'src/lib/http.ts', event: 0, properties: 1 }],
      ['src/lib/http.ts', 4, 17, 'batch', 'collector', 'axios.post', 'https://api.segment.io/v1/batch', { callee: 'batch', from: 'src/lib/http.ts', event: 0, properties: 1, name: { suffix: ' (server)' } }],
      ['src/lib/http.ts', 8, 3, 'collector.send', 'collector', 'api.post', '/collect?v=2', { callee: 'collector.send', from: 'src/lib/http.ts', message: 0 }],
    ],
  },
  {
    name: 'destructured parameters and a local const name',
    files: {
      [LIB]: 'export function track({ name, properties }: { name: string; properties: object }) {\n  const event = `App: ${name}`;\n  analytics.track(event, properties);\n}',
    },
    expected: [[LIB, 1, 17, 'track', 'sdk', 'analytics.track', 'browser', { callee: 'track', from: LIB, event: '0.name', properties: '0.properties', name: { prefix: 'App: ' } }]],
  },
  {
    name: 'not wrappers: fixed names, callbacks, other URLs, unrelated track methods',
    files: {
      'src/web/a.tsx': [
        `export const B = () => <button onClick={() => analytics.track('Clicked', {})} />;`,
        `export function save(user: object) { return fetch('/api/users', { method: 'POST', body: JSON.stringify(user) }); }`,
        `export function signup(props: object) { analytics.track('Signed Up', props); }`,
        `export function all(events: { name: string }[]) { events.forEach((e) => analytics.track(e.name, {})); }`,
        `export function move(name: string) { router.track(name); }`,
      ].join('\n'),
    },
    expected: [],
  },
];

describe('lint --suggest-wrappers', () => {
  it.each(cases)('$name', ({ files, expected }) => {
    const sources = Object.entries(files).map(([file, text]) => ({ file: path.join(VIRTUAL_ROOT, file), text }));
    const texts = new Map(sources.map((s) => [s.file, s.text]));
    const result = suggestWrappers(sources, { cwd: VIRTUAL_ROOT, receivers: DEFAULT_RECEIVERS, resolveModule: createProjectResolver(VIRTUAL_ROOT, texts) });
    const rows = result.suggestions.map((s) => [s.file, s.line, s.column, s.function, s.sink.kind, s.sink.callee, s.sink.detail, s.entry]);
    expect(rows).toEqual(expected);
  });
});
