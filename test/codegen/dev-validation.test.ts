import path from 'node:path';
import { pathToFileURL } from 'node:url';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { compileRuntimePlan } from '../../src/core/compiled-plan.js';
import { createValidator } from '../../src/runtime/validator.js';
import type { Violation } from '../../src/runtime/types.js';
import { startCollector, type Collector } from './collector.js';
import { buildToTemp, loadFixturePlan } from './helpers.js';

type Fn = (...args: unknown[]) => void;
type ViolationError = Error & { violations: Violation[]; event: Record<string, unknown> };
type Tracking = Record<string, Fn> & {
  setTrackplanOptions(options: Record<string, unknown>): void;
  TrackplanViolationError: new (event: Record<string, unknown>, violations: Violation[]) => ViolationError;
};
type Validators = { validateEvent(event: unknown): Violation[] };

// A wrong call a JavaScript caller can make (TypeScript callers cannot compile it).
const WRONG_ORDER = { order_id: 7, total: -5, currency: 'GBP', coupon: null, gift: true };
const WRONG_ORDER_VIOLATIONS: Violation[] = [
  {
    type: 'Additional-Properties', property: 'gift', message: 'properties.gift is not in the plan',
    meta: { instancePath: '/properties', schemaPath: '#/properties/properties/additionalProperties', keyword: 'additionalProperties' },
  },
  {
    type: 'Datatype-Mismatch', property: 'order_id', message: 'properties.order_id must be string, got number',
    meta: { instancePath: '/properties/order_id', schemaPath: '#/properties/properties/properties/order_id/type', keyword: 'type' },
  },
  {
    type: 'Advance-Rules-Violation', property: 'total', message: 'properties.total must be >= 0',
    meta: { instancePath: '/properties/total', schemaPath: '#/properties/properties/properties/total/minimum', keyword: 'minimum' },
  },
  {
    type: 'Advance-Rules-Violation', property: 'currency', message: 'properties.currency must be equal to one of the allowed values: "EUR", "USD"',
    meta: { instancePath: '/properties/currency', schemaPath: '#/properties/properties/properties/currency/enum', keyword: 'enum' },
  },
];

describe('development-mode validation with the precompiled validators', async () => {
  const plan = await loadFixturePlan();
  const { dir } = await buildToTemp(plan);
  const load = async <T>(file: string) => (await import(pathToFileURL(path.join(dir, file)).href)) as T;
  const node = await load<Tracking>('tracking-node.js');
  const browser = await load<Tracking>('tracking.js');
  const { validateEvent } = await load<Validators>('validators.js');
  let collector: Collector;
  let rudder: RudderAnalytics;
  beforeAll(async () => {
    collector = await startCollector();
  });
  afterAll(async () => collector.close());
  afterEach(() => {
    collector.requests.length = 0;
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  const newClient = () => (rudder = new RudderAnalytics('write-key', { dataPlaneUrl: collector.url, flushAt: 100, flushInterval: 60_000, logLevel: 'error' }));

  it('runs under NODE_ENV=test here (the default handler throws only then)', () => {
    expect(process.env['NODE_ENV']).toBe('test');
  });

  it('calls onViolation with RudderStack-typed violations, then sends the event all the same', async () => {
    const onViolation = vi.fn();
    node.setTrackplanOptions({ client: newClient(), validate: validateEvent, onViolation });
    node['orderCompleted']!({ userId: 'u1', properties: WRONG_ORDER });
    await rudder.flush();
    expect(onViolation).toHaveBeenCalledTimes(1);
    const [event, violations] = onViolation.mock.calls[0]!;
    expect(violations).toEqual(WRONG_ORDER_VIOLATIONS);
    expect(event).toMatchObject({ type: 'track', event: 'Order Completed', userId: 'u1', properties: WRONG_ORDER, context: { trackplan: { id: 'shop-web', version: '2.1.0' } } });
    expect(collector.messages().map((m) => [m['event'], m['properties']])).toEqual([['Order Completed', WRONG_ORDER]]);
  });

  it('does not call onViolation for an event that follows the plan', async () => {
    const onViolation = vi.fn();
    node.setTrackplanOptions({ client: newClient(), validate: validateEvent, onViolation });
    node['orderCompleted']!({ userId: 'u1', properties: { order_id: 'o1', total: 5, currency: 'EUR' } });
    node['identify']!({ userId: 'u1', traits: { email: 'ada@example.com' } });
    node['page']!({ userId: 'u1', name: 'Home', properties: { path: '/' } });
    await rudder.flush();
    expect(onViolation).not.toHaveBeenCalled();
    expect(collector.messages()).toHaveLength(3);
  });

  it('by default throws TrackplanViolationError under test, before sending', async () => {
    node.setTrackplanOptions({ client: newClient(), validate: validateEvent });
    let thrown: unknown;
    try {
      node['identify']!({ userId: 'u1', traits: { email: 'not an email', plan: 'gold' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(node.TrackplanViolationError);
    const error = thrown as ViolationError;
    expect(error.violations.map((v) => [v.type, v.property, v.meta.instancePath])).toEqual([
      ['Advance-Rules-Violation', 'email', '/context/traits/email'],
      ['Advance-Rules-Violation', 'plan', '/context/traits/plan'],
    ]);
    expect(error.message).toBe([
      'identify does not follow tracking plan shop-web@2.1.0:',
      '  Advance-Rules-Violation: context.traits.email must match format "email"',
      '  Advance-Rules-Violation: context.traits.plan must be equal to one of the allowed values: "free", "pro", null',
    ].join('\n'));
    await rudder.flush();
    expect(collector.messages()).toEqual([]);
  });

  it('by default warns on the console outside tests, and sends', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    node.setTrackplanOptions({ client: newClient(), validate: validateEvent });
    node['page']!({ anonymousId: 'a1', name: 'Checkout', properties: {} });
    await rudder.flush();
    expect(warn.mock.calls).toEqual([[[
      '[trackplan] page does not follow tracking plan shop-web@2.1.0:',
      '  Unplanned-Event: page name "Checkout" is not in tracking plan shop-web@2.1.0 (planned: Home, Product)',
      '  Required-Missing: required property properties.path is missing',
    ].join('\n')]]);
    expect(collector.messages().map((m) => m['name'])).toEqual(['Checkout']);
  });

  it('in production (no validate) sends a wrong event as it is, without validating', async () => {
    const onViolation = vi.fn();
    node.setTrackplanOptions({ client: newClient(), onViolation });
    node['orderCompleted']!({ userId: 'u1', properties: WRONG_ORDER });
    await rudder.flush();
    expect(onViolation).not.toHaveBeenCalled();
    expect(collector.messages().map((m) => [m['event'], m['properties'], (m['context'] as Record<string, unknown>)['trackplan']]))
      .toEqual([['Order Completed', WRONG_ORDER, { id: 'shop-web', version: '2.1.0' }]]);
  });

  it('validates browser calls the same way, and passes the options on with context.trackplan', () => {
    const calls: unknown[][] = [];
    const client = { track: (...args: unknown[]) => calls.push(['track', ...args]) };
    const onViolation = vi.fn();
    browser.setTrackplanOptions({ client, validate: validateEvent, onViolation });
    browser['orderCompleted']!(WRONG_ORDER, { integrations: { All: false }, context: { ip: '127.0.0.1' } });
    expect(onViolation.mock.calls[0]![1]).toEqual(WRONG_ORDER_VIOLATIONS);
    expect(calls).toEqual([['track', 'Order Completed', WRONG_ORDER, {
      integrations: { All: false }, context: { ip: '127.0.0.1', trackplan: { id: 'shop-web', version: '2.1.0' } },
    }]]);
  });

  it('throws under test when no client was set', async () => {
    const fresh = await import(`${pathToFileURL(path.join(dir, 'tracking-node.js')).href}?fresh`) as Tracking;
    expect(() => fresh['cartViewed']!({ userId: 'u1' })).toThrow('trackplan: cart.viewed was not sent: call setTrackplanOptions({ client }) first');
  });

  describe('gives the same violations as the runtime validator', () => {
    const runtime = createValidator(compileRuntimePlan(plan));
    const cases: [string, unknown][] = [
      ['wrong track properties', { type: 'track', event: 'Order Completed', properties: WRONG_ORDER }],
      ['nested array item', { type: 'track', event: 'Order Completed', properties: { order_id: 'o', total: 1, currency: 'EUR', items: [{ sku: 'bad sku', quantity: 0, x: 1 }, 'no'] } }],
      ['nested object', { type: 'track', event: 'Order Completed', properties: { order_id: 'o', total: 1, currency: 'EUR', shipping: { gift_wrap: 'yes' } } }],
      ['open event', { type: 'track', event: 'Search Performed', properties: { 'query text': 5, anything: true } }],
      ['empty event with data', { type: 'track', event: 'cart.viewed', properties: { a: 1 } }],
      ['unplanned event', { type: 'track', event: 'Order Refunded', properties: {} }],
      ['identify in context.traits', { type: 'identify', context: { traits: { plan: 'gold' } }, traits: { email: 'x' } }],
      ['page without name', { type: 'page', properties: { path: '/' } }],
      ['group', { type: 'group', groupId: 'g', traits: {} }],
      ['properties not an object', { type: 'track', event: 'Order Completed', properties: [1] }],
      ['alias', { type: 'alias', previousId: 'a' }],
      ['no type', { event: 'x' }],
      ['unknown type', { type: 'purchase' }],
      ['not an object', 'track'],
      ['valid', { type: 'track', event: 'Order Completed', properties: { order_id: 'o', total: 0, currency: 'USD' } }],
    ];
    it.each(cases)('%s', (_name, event) => {
      expect(validateEvent(event)).toEqual(runtime.validate(event).violations);
    });
  });
});
