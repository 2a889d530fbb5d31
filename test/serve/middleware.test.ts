import http from 'node:http';
import type { AddressInfo } from 'node:net';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/runtime/http/errors.js';
import { createIngestHandler, type AcceptedBatch, type IngestSink } from '../../src/runtime/http/middleware.js';
import { loadTestValidator, post } from './helpers.js';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function listen(listener: http.RequestListener): Promise<string> {
  const server = http.createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const track = (id: string, properties: Record<string, unknown> = { order_id: id }) => ({ type: 'track', userId: 'u', event: 'Order Completed', messageId: id, properties });

describe('createIngestHandler', () => {
  it('is Express middleware: handles /v1/*, passes other paths on, and works after express.json()', async () => {
    const accepted: AcceptedBatch[] = [];
    const app = express();
    app.use(express.json());
    app.use(createIngestHandler({ validator: await loadTestValidator(), sink: (batch) => void accepted.push(batch), writeKeys: ['wk'] }));
    app.get('/status', (_req, res) => void res.send('app'));
    const url = await listen(app);

    expect((await post(url, '/v1/track', track('a'), { writeKey: 'wk' })).text).toBe('OK');
    expect((await post(url, '/v1/batch', { batch: [track('b'), track('c', { total: 'x' })] }, { writeKey: 'wk', gzip: true })).text).toBe('OK');
    expect((await post(url, '/status', '', { method: 'GET' })).text).toBe('app');
    // The RudderStack Node SDK's gzip body, labelled as a form, passes express.json() untouched.
    const client = new RudderAnalytics('wk', { dataPlaneUrl: url, flushAt: 10, logLevel: 'error', retryCount: 0 });
    client.track({ userId: 'u', event: 'Order Completed', properties: { order_id: 'r' }, messageId: 'r-1' } as never);
    await client.flush();

    expect(accepted.map((batch) => [batch.writeKey, batch.messages.map((m) => m['messageId'])])).toEqual([
      ['wk', ['a']], ['wk', ['b', 'c']], ['wk', [expect.any(String)]],
    ]);
    expect(accepted[1]!.results.map((result) => [result.valid, result.outcome])).toEqual([[true, 'forwarded'], [false, 'forwarded']]);
    expect(accepted[1]!.messages[1]!['context']).toMatchObject({ violationErrors: [{ type: 'Required-Missing' }, { type: 'Datatype-Mismatch' }] });
  });

  it('is a node:http listener: 404 for other paths without a next()', async () => {
    const url = await listen(createIngestHandler({ validator: await loadTestValidator(), sink: () => undefined }));
    const reply = await post(url, '/collect', track('a'));
    expect([reply.status, reply.json()]).toEqual([404, { code: 'notFound', message: 'no such endpoint: POST /collect' }]);
    // No write keys configured: any key, or none, is accepted.
    expect((await post(url, '/v1/track', track('a'))).status).toBe(200);
    expect((await post(url, '/v1/track', track('a'), { writeKey: 'whatever' })).status).toBe(200);
  });

  it('answers a sink failure: its HttpError status, or 500 for anything else', async () => {
    let failure: unknown = new HttpError('spoolFull', { bytes: 10 }, { 'Retry-After': '5' });
    const sink: IngestSink = () => Promise.reject(failure);
    const url = await listen(createIngestHandler({ validator: await loadTestValidator(), sink }));
    const full = await post(url, '/v1/track', track('a'));
    expect([full.status, full.json()['code'], full.headers['retry-after']]).toEqual([503, 'spoolFull', '5']);
    failure = new Error('disk on fire');
    const broken = await post(url, '/v1/track', track('a'));
    expect([broken.status, broken.json()]).toEqual([500, { code: 'internal', message: 'internal error: disk on fire' }]);
  });

  it('answers CORS preflights and adds CORS headers for browser SDKs', async () => {
    const url = await listen(createIngestHandler({ validator: await loadTestValidator(), sink: () => undefined }));
    const preflight = await post(url, '/v1/batch', '', { method: 'OPTIONS', headers: { Origin: 'https://www.example.com', 'Access-Control-Request-Headers': 'authorization,content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': 'https://www.example.com',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'authorization,content-type',
    });
    const reply = await post(url, '/v1/page', { anonymousId: 'a', name: 'Home' }, { headers: { Origin: 'https://www.example.com' } });
    expect([reply.status, reply.headers['access-control-allow-origin']]).toEqual([200, 'https://www.example.com']);
  });
});
