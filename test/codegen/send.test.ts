import path from 'node:path';
import { pathToFileURL } from 'node:url';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { Analytics as SegmentAnalytics } from '@segment/analytics-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type Collector } from './collector.js';
import { buildToTemp, loadFixturePlan } from './helpers.js';

/** The generated Node module as an app imports it (the compiled JavaScript of the build). */
type NodeTracking = Record<string, (...args: unknown[]) => void> & { setTrackplanOptions(options: Record<string, unknown>): void };

const PLAN = { id: 'shop-web', version: '2.1.0' };
const WHEN = new Date('2024-05-01T10:00:00.000Z');

interface SdkCase {
  name: string;
  /** What the SDK itself adds to an identify call whose traits travel in context.traits. */
  identifyAdds: Record<string, unknown>;
  create(url: string): { client: unknown; flush(): Promise<void> };
}

const SDKS: SdkCase[] = [
  {
    name: '@rudderstack/rudder-sdk-node',
    identifyAdds: {},
    create: (url) => {
      const client = new RudderAnalytics('write-key', { dataPlaneUrl: url, flushAt: 100, flushInterval: 60_000, logLevel: 'error' });
      return { client, flush: () => client.flush() };
    },
  },
  {
    name: '@segment/analytics-node',
    identifyAdds: { traits: {} },
    create: (url) => {
      const client = new SegmentAnalytics({ writeKey: 'write-key', host: url, path: '/v1/batch', flushInterval: 60_000, maxEventsInBatch: 100 });
      return { client, flush: () => client.closeAndFlush({ timeout: 10_000 }) };
    },
  },
];

/** The parts of a received message the generated functions decide (the SDKs add ids, library, ...). */
function essentials(message: Record<string, unknown>): Record<string, unknown> {
  const context = message['context'] as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of ['type', 'event', 'name', 'userId', 'anonymousId', 'groupId', 'properties', 'traits']) {
    if (message[key] !== undefined) picked[key] = message[key];
  }
  picked['context'] = Object.fromEntries(Object.entries(context).filter(([key]) => key !== 'library'));
  return picked;
}

describe('generated Node functions over the real SDK clients', async () => {
  const plan = await loadFixturePlan();
  const { dir } = await buildToTemp(plan);
  const tracking = (await import(pathToFileURL(path.join(dir, 'tracking-node.js')).href)) as NodeTracking;
  let collector: Collector;
  beforeAll(async () => {
    collector = await startCollector();
  });
  afterAll(async () => collector.close());
  afterEach(() => {
    collector.requests.length = 0;
  });

  it.each(SDKS)('sends exactly the planned payloads through $name', async (sdk) => {
    const { client, flush } = sdk.create(collector.url);
    tracking.setTrackplanOptions({ client });
    tracking['orderCompleted']!({
      userId: 'u1', timestamp: WHEN, context: { ip: '127.0.0.1' },
      properties: { order_id: 'o-1', total: 42.5, currency: 'EUR', coupon: null, items: [{ sku: 'A-1', quantity: 2 }] },
    });
    tracking['cartViewed']!({ anonymousId: 'a1' });
    tracking['identify']!({ userId: 'u1', traits: { email: 'ada@example.com', plan: 'pro' } });
    tracking['page']!({ anonymousId: 'a1', name: 'Product', properties: { path: '/p/1' } });
    tracking['screen']!({ userId: 'u1', name: 'Settings' });
    tracking['group']!({ userId: 'u1', groupId: 'g1', traits: { name: 'Acme' } });
    await flush();

    expect(collector.requests.every((r) => r.path === '/v1/batch' && r.user === 'write-key')).toBe(true);
    const messages = collector.messages();
    expect(messages.map(essentials)).toEqual([
      {
        type: 'track', event: 'Order Completed', userId: 'u1',
        properties: { order_id: 'o-1', total: 42.5, currency: 'EUR', coupon: null, items: [{ sku: 'A-1', quantity: 2 }] },
        context: { ip: '127.0.0.1', trackplan: PLAN },
      },
      { type: 'track', event: 'cart.viewed', anonymousId: 'a1', properties: {}, context: { trackplan: PLAN } },
      // The fixture plan puts identify traits in context.traits (identity_section).
      { type: 'identify', userId: 'u1', context: { trackplan: PLAN, traits: { email: 'ada@example.com', plan: 'pro' } }, ...sdk.identifyAdds },
      { type: 'page', anonymousId: 'a1', name: 'Product', properties: { path: '/p/1' }, context: { trackplan: PLAN } },
      { type: 'screen', userId: 'u1', name: 'Settings', properties: {}, context: { trackplan: PLAN } },
      { type: 'group', userId: 'u1', groupId: 'g1', traits: { name: 'Acme' }, context: { trackplan: PLAN } },
    ]);
    expect(messages[0]!['timestamp']).toBe(WHEN.toISOString());
  });
});
