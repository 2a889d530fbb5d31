import path from 'node:path';
import { Analytics as SegmentAnalytics } from '@segment/analytics-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/runtime/http/server.js';
import { tempTree } from '../helpers/temp.js';
import { get, loadTestValidator, post, startUpstream, waitFor, type Upstream } from './helpers.js';

let upstream: Upstream;
let server: RunningServer;

beforeAll(async () => {
  upstream = await startUpstream();
  const dir = await tempTree({}, 'trackplan-outage-');
  server = await startServer({
    validator: await loadTestValidator(),
    port: 0,
    forward: { url: upstream.url, lingerMs: 1, minBackoffMs: 5, maxBackoffMs: 50, spool: { dir: path.join(dir, 'spool'), maxBytes: 40 * 1024 } },
  });
});

afterAll(async () => {
  await server?.close({ drainTimeoutMs: 2000 });
  await upstream?.close();
});

const batchOf = (n: number) => ({
  batch: Array.from({ length: 10 }, (_, i) => ({ type: 'track', userId: 'u', event: 'Order Completed', messageId: `o-${n}-${i}`, properties: { order_id: `order-${n}-${i}`, total: i } })),
});

describe('upstream outage', () => {
  it('spools while the upstream is down, answers 503 when the spool is full, and delivers every accepted message once when it is back', async () => {
    await upstream.down();
    const segment = new SegmentAnalytics({ writeKey: 'any', host: server.url, flushAt: 5, maxRetries: 0 });
    const failures: unknown[] = [];
    segment.on('error', (error) => failures.push(error));
    for (let i = 0; i < 5; i++) segment.track({ userId: 'u', event: 'Signed Up', messageId: `sdk-${i}`, properties: { method: 'email' } });
    await segment.closeAndFlush({ timeout: 10_000 });
    // The SDK is done: the proxy holds its events while the upstream is away.
    expect(failures).toEqual([]);

    const acked = new Set<string>(['sdk-0', 'sdk-1', 'sdk-2', 'sdk-3', 'sdk-4']);
    const refused: number[] = [];
    for (let n = 0; refused.length === 0 && n < 500; n++) {
      const body = batchOf(n);
      const reply = await post(server.url, '/v1/batch', body);
      if (reply.status === 200) for (const message of body.batch) acked.add(message.messageId);
      else {
        expect([reply.status, reply.json()['code'], reply.headers['retry-after']]).toEqual([503, 'spoolFull', '5']);
        refused.push(n);
      }
    }
    expect(refused).toHaveLength(1);
    expect(server.spool!.stats.bytes).toBeLessThanOrEqual(40 * 1024);
    expect(server.spool!.stats.messages).toBe(acked.size);
    const health = await get(server.url, '/health');
    expect([health.status, health.json()['status']]).toEqual([503, 'unavailable']);
    expect((health.json()['upstream'] as { failures: number; lastError: string }).lastError).toMatch(/ECONNREFUSED/);
    expect(server.metrics.requests.get(['batch', '503'])).toBe(1);

    await upstream.up();
    await waitFor(() => server.spool!.stats.messages === 0, 'the spool to empty');
    const delivered = upstream.messages().map((message) => String(message['messageId']));
    expect(delivered.length).toBe(acked.size);
    expect(new Set(delivered)).toEqual(acked);
    const after = await get(server.url, '/health');
    expect([after.status, after.json()['status']]).toEqual([200, 'ok']);
    // The refused batch can be sent again now.
    expect((await post(server.url, '/v1/batch', batchOf(refused[0]!))).status).toBe(200);
  });
});
