import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Counter, Gauge, Histogram, Registry } from '../../src/runtime/http/metrics.js';
import { startServer } from '../../src/runtime/http/server.js';
import { summarize } from '../../src/runtime/http/violations-webhook.js';
import { get, loadTestValidator, post, waitFor } from './helpers.js';

const track = (id: string, event: string, properties: Record<string, unknown>) => ({ type: 'track', userId: 'u', messageId: id, event, properties });

describe('GET /metrics and GET /health', () => {
  it('counts requests, messages, outcomes and violations by type and event, in Prometheus text format', async () => {
    const output: string[] = [];
    const server = await startServer({ validator: await loadTestValidator(), port: 0, writeKeys: ['wk'], output: (text) => output.push(text) });
    try {
      expect((await post(server.url, '/v1/track', track('a', 'Order Completed', { order_id: 'x' }), { writeKey: 'wk' })).status).toBe(200);
      expect((await post(server.url, '/v1/track', track('b', 'Order Completed', { order_id: 7 }), { writeKey: 'wk' })).status).toBe(200);
      expect((await post(server.url, '/v1/batch', {
        batch: [track('c', 'Nope', {}), 42, { type: 'identify', userId: 'u', messageId: 'd', traits: { email: 'a@b.co', extra: 1 } }],
      }, { writeKey: 'wk' })).status).toBe(200);
      expect((await post(server.url, '/v1/track', track('e', 'Order Completed', {}), { writeKey: 'nope' })).status).toBe(401);
      // Without --forward, accepted messages are written out as NDJSON.
      expect(output.join('').trim().split('\n').map((line) => (JSON.parse(line) as { messageId: string }).messageId)).toEqual(['a', 'b', 'c', 'd']);

      const reply = await get(server.url, '/metrics');
      expect(reply.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      const samples = reply.text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
      for (const line of samples) expect(line).toMatch(/^[a-z_]+(\{([a-z_]+="[^"]*",?)+\})? -?[\d.e+-]+$/);
      const has = (line: string) => expect(samples).toContain(line);
      has('trackplan_http_requests_total{endpoint="track",code="200"} 2');
      has('trackplan_http_requests_total{endpoint="batch",code="200"} 1');
      has('trackplan_http_requests_total{endpoint="track",code="401"} 1');
      has('trackplan_http_request_duration_seconds_count{endpoint="track"} 3');
      has('trackplan_http_request_duration_seconds_bucket{endpoint="track",le="+Inf"} 3');
      has('trackplan_messages_received_total{call="track"} 3');
      has('trackplan_messages_received_total{call="identify"} 1');
      has('trackplan_messages_received_total{call="unknown"} 1');
      has('trackplan_messages_valid_total{call="track"} 1');
      has('trackplan_messages_invalid_total{call="track"} 2');
      has('trackplan_violations_total{type="Datatype-Mismatch",event="Order Completed"} 1');
      has('trackplan_violations_total{type="Unplanned-Event",event="Nope"} 1');
      has('trackplan_violations_total{type="Malformed-Event",event=""} 1');
      has('trackplan_violations_total{type="Additional-Properties",event=""} 1');
      has('trackplan_messages_dropped_total{call="unknown"} 1');
      has('trackplan_messages_stripped_total{call="identify"} 1');
      for (const name of ['trackplan_messages_received_total', 'trackplan_violations_total', 'trackplan_http_request_duration_seconds']) {
        expect(reply.text).toContain(`# TYPE ${name} `);
      }

      const health = await get(server.url, '/health');
      expect([health.status, health.json()]).toEqual([200, { status: 'ok', plan: { id: 'serve-test', version: '2.3.0' } }]);
    } finally {
      await server.close();
    }
  });

  it('reports a failing upstream as degraded while the spool still has room', async () => {
    const { tempTree } = await import('../helpers/temp.js');
    const dir = await tempTree({}, 'trackplan-health-');
    const server = await startServer({
      validator: await loadTestValidator(),
      port: 0,
      forward: { url: 'http://127.0.0.1:9', minBackoffMs: 5, maxBackoffMs: 20, lingerMs: 1, spool: { dir } },
    });
    try {
      expect((await post(server.url, '/v1/track', track('a', 'Order Completed', { order_id: 'x' }))).status).toBe(200);
      const health = await waitFor(async () => {
        const reply = await get(server.url, '/health');
        return reply.json()['status'] === 'degraded' ? reply : undefined;
      }, 'a degraded health');
      expect(health.status).toBe(200);
      // No upstream URL in /health: it may carry credentials (see test/faults/secrets).
      expect(health.json()).toMatchObject({ spool: { messages: 1 }, upstream: { failures: expect.any(Number) } });
      expect(health.json()['upstream']).not.toHaveProperty('url');
      const metrics = (await get(server.url, '/metrics')).text;
      expect(metrics).toMatch(/^trackplan_spool_messages 1$/m);
      expect(metrics).toMatch(/^trackplan_upstream_errors_total\{reason="network"\} [1-9]\d*$/m);
    } finally {
      const result = await server.close({ drainTimeoutMs: 50 });
      expect(result).toEqual({ delivered: false, left: 1 });
    }
  });
});

describe('--violations-webhook', () => {
  it('posts a Slack-style text summary at once, then at most one per interval (the rest summed, sent at shutdown at the latest)', async () => {
    const posts: { text: string }[] = [];
    const hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        posts.push(JSON.parse(body) as { text: string });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const server = await startServer({
      validator: await loadTestValidator(),
      port: 0,
      output: () => undefined,
      webhook: { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`, intervalMs: 60_000 },
    });
    try {
      await post(server.url, '/v1/batch', { batch: [track('a', 'Order Completed', { order_id: 1 }), track('b', 'Nope', {})] });
      await waitFor(() => posts.length === 1, 'the first webhook post');
      expect(posts[0]!.text).toMatch(/^trackplan: 2 events with violations of serve-test@2\.3\.0 since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n• Datatype-Mismatch ×1: Order Completed ×1\n• Unplanned-Event ×1: Nope ×1$/);
      await post(server.url, '/v1/track', track('c', 'Order Completed', { order_id: 2 }));
      await post(server.url, '/v1/track', track('d', 'Order Completed', {}));
      await post(server.url, '/v1/track', track('e', 'Order Completed', { order_id: 'fine' }));
      expect(posts).toHaveLength(1);
    } finally {
      await server.close();
      hook.close();
    }
    expect(posts).toHaveLength(2);
    expect(posts[1]!.text).toMatch(/^trackplan: 2 events with violations of serve-test@2\.3\.0 since \S+\n• Datatype-Mismatch ×1: Order Completed ×1\n• Required-Missing ×1: Order Completed ×1$/);
    expect(server.metrics.webhookPosts.get(['ok'])).toBe(2);
  });

  it('names the worst events first and folds the tail', () => {
    const events = new Map([['a', 1], ['b', 5], ['c', 2], ['d', 2], ['e', 1], ['f', 1], ['g', 1]]);
    const text = summarize({ since: Date.parse('2026-03-01T12:00:00Z'), events: 13, dropped: 3, byType: new Map([['Unplanned-Event', events]]) }, 'p@1.0.0');
    expect(text).toBe('trackplan: 13 events with violations of p@1.0.0 since 2026-03-01T12:00:00Z (3 dropped)\n• Unplanned-Event ×13: b ×5, c ×2, d ×2, a ×1, e ×1, and 2 more');
  });
});

describe('metrics registry', () => {
  it('renders counters, gauges and cumulative histograms, escaping label values', () => {
    const registry = new Registry();
    const counter = registry.register(new Counter('x_total', 'Things.', ['name']));
    counter.inc(['say "hi"\\\n']);
    counter.inc(['plain'], 2);
    registry.register(new Counter('empty_total', 'None yet.'));
    registry.register(new Gauge('g', 'A gauge.', () => 7));
    const histogram = registry.register(new Histogram('h_seconds', 'Times.', [], [0.1, 1]));
    for (const value of [0.05, 0.5, 0.7, 3]) histogram.observe(value);
    expect(registry.render()).toBe([
      '# HELP x_total Things.', '# TYPE x_total counter', 'x_total{name="say \\"hi\\"\\\\\\n"} 1', 'x_total{name="plain"} 2',
      '# HELP empty_total None yet.', '# TYPE empty_total counter', 'empty_total 0',
      '# HELP g A gauge.', '# TYPE g gauge', 'g 7',
      '# HELP h_seconds Times.', '# TYPE h_seconds histogram',
      'h_seconds_bucket{le="0.1"} 1', 'h_seconds_bucket{le="1"} 3', 'h_seconds_bucket{le="+Inf"} 4', 'h_seconds_sum 4.25', 'h_seconds_count 4', '',
    ].join('\n'));
  });

  it('folds label values past 500 series into _other (event names come from clients)', () => {
    const counter = new Counter('v_total', 'V.', ['event']);
    for (let i = 0; i < 600; i++) counter.inc([`e${i}`]);
    expect(counter.get(['e499'])).toBe(1);
    expect(counter.get(['e500'])).toBe(0);
    expect(counter.get(['_other'])).toBe(100);
  });
});
