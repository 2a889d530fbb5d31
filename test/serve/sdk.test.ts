import { readFile } from 'node:fs/promises';
import path from 'node:path';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { Analytics as SegmentAnalytics } from '@segment/analytics-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/runtime/http/server.js';
import { tempTree } from '../helpers/temp.js';
import { loadTestValidator, startUpstream, waitFor, type Upstream } from './helpers.js';

let upstream: Upstream;
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  upstream = await startUpstream();
  dir = await tempTree({}, 'trackplan-serve-sdk-');
  server = await startServer({
    validator: await loadTestValidator(),
    port: 0,
    writeKeys: ['rudder-key', 'segment-key'],
    forward: { url: upstream.url, lingerMs: 1, spool: { dir: path.join(dir, 'spool') } },
    violationsFile: path.join(dir, 'violations.ndjson'),
  });
});

afterAll(async () => {
  await server?.close({ drainTimeoutMs: 2000 });
  await upstream?.close();
});

function byMessageId(): Map<string, Record<string, unknown>> {
  return new Map(upstream.messages().map((message) => [String(message['messageId']), message]));
}

function writeKeyOf(messageId: string): string {
  const request = upstream.accepted.find((r) => r.body.batch.some((message) => message['messageId'] === messageId));
  return Buffer.from(request!.headers.authorization!.replace(/^Basic /, ''), 'base64').toString().replace(/:$/, '');
}

async function violationRecords(): Promise<Record<string, unknown>[]> {
  const text = await readFile(path.join(dir, 'violations.ndjson'), 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the real SDKs, pointed at serve', () => {
  it('@rudderstack/rudder-sdk-node: gzip batches pass; violating events arrive with the violations attached', async () => {
    const client = new RudderAnalytics('rudder-key', { dataPlaneUrl: server.url, flushAt: 10, flushInterval: 60_000, logLevel: 'error', retryCount: 0 });
    client.track({ userId: 'r-user', event: 'Order Completed', properties: { order_id: 'r-1', total: 20 } });
    client.track({ userId: 'r-user', event: 'Order Completed', properties: { total: 'twenty' } });
    client.identify({ userId: 'r-user', traits: { email: 'r@example.com', shoe_size: 42 } });
    client.page({ anonymousId: 'anon-1', name: 'Home', properties: { path: '/' } });
    const flushed = await new Promise<unknown>((resolve) => void client.flush((error?: unknown) => resolve(error ?? 'ok')));
    expect(flushed).toBe('ok');

    const sent = await waitFor(() => {
      const rudder = upstream.messages().filter((message) => (message['userId'] ?? message['anonymousId']) === 'r-user' || message['anonymousId'] === 'anon-1');
      return rudder.length === 4 ? rudder : undefined;
    }, 'four RudderStack messages upstream');
    const [good, bad, identify, page] = sent as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    expect(good['properties']).toEqual({ order_id: 'r-1', total: 20 });
    expect((good['context'] as Record<string, unknown>)['violationErrors']).toBeUndefined();
    expect(good['context']).toMatchObject({ library: { name: 'analytics-node' } });
    expect(bad['context']).toMatchObject({
      trackingPlanId: 'serve-test',
      trackingPlanVersion: '2.3.0',
      violationErrors: [
        { type: 'Required-Missing', property: 'order_id', meta: { keyword: 'required' } },
        { type: 'Datatype-Mismatch', property: 'total', meta: { instancePath: '/properties/total', keyword: 'type' } },
      ],
    });
    // The plan drops unplanned identify traits: the event goes on without them.
    expect(identify['traits']).toEqual({ email: 'r@example.com' });
    expect(identify['context']).toMatchObject({ violationErrors: [{ type: 'Additional-Properties', property: 'shoe_size' }] });
    expect(page).toMatchObject({ type: 'page', name: 'Home', properties: { path: '/' } });
    for (const message of sent) expect(writeKeyOf(String(message['messageId']))).toBe('rudder-key');

    const records = await waitFor(async () => {
      const found = (await violationRecords()).filter((record) => record['messageId'] === bad['messageId'] || record['messageId'] === identify['messageId']);
      return found.length === 2 ? found : undefined;
    }, 'two violation records');
    expect(records.map((record) => [record['type'], record['event'], record['outcome'], (record['violations'] as { type: string }[]).map((v) => v.type)])).toEqual([
      ['track', 'Order Completed', 'forwarded', ['Required-Missing', 'Datatype-Mismatch']],
      ['identify', null, 'stripped', ['Additional-Properties']],
    ]);
  });

  it('@segment/analytics-node: JSON batches pass; messageIds and timestamps are kept', async () => {
    const client = new SegmentAnalytics({ writeKey: 'segment-key', host: server.url, flushAt: 10, flushInterval: 60_000, maxRetries: 0 });
    const failures: unknown[] = [];
    client.on('error', (error) => failures.push(error));
    client.track({ userId: 's-user', event: 'Signed Up', properties: { method: 'google' }, messageId: 'seg-1' });
    client.track({ userId: 's-user', event: 'Signed Up', properties: { method: 'carrier pigeon' }, messageId: 'seg-2' });
    client.track({ userId: 's-user', event: 'Checkout Abandoned', properties: {}, messageId: 'seg-3' });
    client.group({ userId: 's-user', groupId: 'g-1', traits: { name: 'Acme' }, messageId: 'seg-4' });
    await client.closeAndFlush({ timeout: 10_000 });
    expect(failures).toEqual([]);

    const messages = await waitFor(() => {
      const found = byMessageId();
      return ['seg-1', 'seg-2', 'seg-3', 'seg-4'].every((id) => found.has(id)) ? found : undefined;
    }, 'the four Segment messages upstream');
    expect(messages.get('seg-1')).toMatchObject({ type: 'track', event: 'Signed Up', properties: { method: 'google' }, context: { library: { name: '@segment/analytics-node' } } });
    expect(messages.get('seg-1')!['timestamp']).toEqual(expect.any(String));
    expect((messages.get('seg-1')!['context'] as Record<string, unknown>)['violationErrors']).toBeUndefined();
    expect(messages.get('seg-2')!['context']).toMatchObject({
      trackingPlanId: 'serve-test',
      trackingPlanVersion: '2.3.0',
      violationErrors: [{ type: 'Advance-Rules-Violation', property: 'method', meta: { keyword: 'enum' } }],
    });
    expect(messages.get('seg-3')!['context']).toMatchObject({ violationErrors: [{ type: 'Unplanned-Event', meta: { instancePath: '/event' } }] });
    expect(messages.get('seg-4')).toMatchObject({ type: 'group', groupId: 'g-1' });
    expect(writeKeyOf('seg-1')).toBe('segment-key');

    const records = await waitFor(async () => {
      const found = (await violationRecords()).filter((record) => String(record['messageId']).startsWith('seg-'));
      return found.length === 2 ? found : undefined;
    }, 'two Segment violation records');
    expect(records.map((record) => [record['messageId'], record['event'], (record['violations'] as { type: string }[]).map((v) => v.type)])).toEqual([
      ['seg-2', 'Signed Up', ['Advance-Rules-Violation']],
      ['seg-3', 'Checkout Abandoned', ['Unplanned-Event']],
    ]);
  });

  it('@rudderstack/rudder-sdk-node reports a wrong write key as a failed delivery, and nothing is forwarded', async () => {
    const before = upstream.messages().length;
    const handled: unknown[] = [];
    const rudder = new RudderAnalytics('stolen-key', { dataPlaneUrl: server.url, flushAt: 10, logLevel: 'error', retryCount: 0, errorHandler: (error: unknown) => handled.push(error) });
    rudder.track({ userId: 'x', event: 'Order Completed', properties: { order_id: 'x' } });
    await rudder.flush();
    expect(handled.map((error) => (error as { response?: { status?: number } }).response?.status)).toEqual([401]);
    expect(server.metrics.requests.get(['batch', '401'])).toBe(1);
    expect(upstream.messages().length).toBe(before);
  });

  it('@segment/analytics-node reports a wrong write key as a failed delivery, and nothing is forwarded', async () => {
    const before = upstream.messages().length;
    const segment = new SegmentAnalytics({ writeKey: 'stolen-key', host: server.url, flushAt: 10, maxRetries: 0 });
    const failures: { code?: string; reason?: unknown }[] = [];
    segment.on('error', (error) => failures.push(error as { code?: string }));
    segment.track({ userId: 'x', event: 'Order Completed', properties: { order_id: 'x' } });
    await segment.closeAndFlush({ timeout: 10_000 });
    expect(failures.map((failure) => [failure.code, String(failure.reason)])).toEqual([['delivery_failure', expect.stringMatching(/401/)]]);
    expect(server.metrics.requests.get(['batch', '401'])).toBe(2);
    expect(upstream.messages().length).toBe(before);
  });
});
