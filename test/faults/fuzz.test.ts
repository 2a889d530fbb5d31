import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { startServer, type RunningServer } from '../../src/runtime/http/server.js';
import { tempTree } from '../helpers/temp.js';
import { loadTestValidator, post, startUpstream, timeGet, waitFor, type Upstream } from './helpers.js';

// A seeded fuzzer over request bodies and headers. Invariant: every message of a request answered
// 200 is forwarded (stripped or not) or kept in the violations file, and a canary request is
// answered within 100 ms throughout. FUZZ_RUNS=5000 for a long run; CI runs the default.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);
const SEED = Number(process.env['FUZZ_SEED'] ?? 17);

let upstream: Upstream;
let server: RunningServer;
let dir: string;
beforeAll(async () => {
  upstream = await startUpstream();
  dir = await tempTree({}, 'trackplan-fuzz-');
  server = await startServer({
    validator: await loadTestValidator(), port: 0, writeKeys: ['wk'],
    violationsFile: path.join(dir, 'violations.ndjson'),
    forward: { url: upstream.url, lingerMs: 1, spool: { dir: path.join(dir, 'spool') } },
  });
});
afterAll(async () => {
  await server?.close({ drainTimeoutMs: 2000 });
  await upstream?.close();
});

let next = 0;
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('null', 'true', '1', '-0', '1e400', '-1e999', '123456789012345678901234567890', '""', '"\\u0000"', '"<!channel>"', '"\\ud800"'),
    fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    tie('object')),
  object: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'email', '__proto__', 'constructor', 'order_id', 'total', 'sentAt'), tie('value')), { maxLength: 5 })
    .map((members) => `{${members.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`),
})).value as fc.Arbitrary<string>;

/** A message with a known messageId (to follow it), and fuzzed members around it, keys repeated sometimes. */
const message = fc.record({
  type: fc.constantFrom('track', 'identify', 'page', 'group', 'alias', 'nonsense'),
  event: fc.constantFrom('Order Completed', 'Signed Up', 'Unplanned', ''),
  properties: json,
  traits: json,
  context: json,
  sentAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', 'soon'),
  repeat: fc.constantFrom(undefined, 'properties', 'traits'),
  deep: fc.constantFrom(0, 0, 0, 80, 5000),
}).map((m) => {
  const id = `fz-${next++}`;
  const deep = m.deep ? `,"deep":${'['.repeat(m.deep)}${']'.repeat(m.deep)}` : '';
  const repeated = m.repeat ? `,${JSON.stringify(m.repeat)}:{}` : '';
  return { id, text: `{"type":"${m.type}","event":${JSON.stringify(m.event)},"messageId":"${id}","sentAt":"${m.sentAt}","properties":${m.properties},"traits":${m.traits},"context":${m.context}${deep}${repeated}}` };
});

const request = fc.record({
  messages: fc.array(fc.oneof({ weight: 9, arbitrary: message }, { weight: 1, arbitrary: json.map((text) => ({ id: undefined, text })) }), { minLength: 1, maxLength: 30 }),
  gzip: fc.boolean(),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'text/html', ''),
  key: fc.constantFrom('wk', 'wk', 'wk', 'nope', ''),
  endpoint: fc.constantFrom('/v1/batch', '/v1/batch', '/v1/import', '/v1/track'),
});

describe('fuzzed requests', () => {
  it(`keeps every acknowledged message (${RUNS} runs, seed ${SEED})`, async () => {
    const acknowledged = new Set<string>();
    let slowest = 0;
    await fc.assert(fc.asyncProperty(request, async (req) => {
      const body = req.endpoint === '/v1/track' ? req.messages[0]!.text : `{"batch":[${req.messages.map((m) => m.text).join(',')}]}`;
      const sent = req.endpoint === '/v1/track' ? req.messages.slice(0, 1) : req.messages;
      const headers: Record<string, string> = req.contentType ? { 'Content-Type': req.contentType } : {};
      const [reply, canary] = await Promise.all([
        post(server.url, req.endpoint, req.gzip ? gzipSync(body) : body, { headers: { ...headers, ...(req.gzip ? { 'Content-Encoding': 'gzip' } : {}) }, ...(req.key ? { writeKey: req.key } : {}) }),
        timeGet(server.url),
      ]);
      slowest = Math.max(slowest, canary);
      expect(reply.status === 200 || (reply.status >= 400 && reply.status < 500)).toBe(true);
      if (reply.status === 200) for (const m of sent) if (m.id) acknowledged.add(m.id);
    }), { numRuns: RUNS, seed: SEED });
    expect(slowest).toBeLessThan(100);
    expect(acknowledged.size).toBeGreaterThan(RUNS);
    // Every acknowledged message reaches the upstream or the violations file.
    await waitFor(() => server.spool!.stats.messages === 0, 'the spool to drain');
    const kept = new Set(upstream.messages().map((m) => String(m['messageId'])));
    await server.close({ drainTimeoutMs: 2000 });
    for (const line of (await readFile(path.join(dir, 'violations.ndjson'), 'utf8')).split('\n').filter(Boolean)) {
      const record = JSON.parse(line) as { messageId: string | null; outcome: string };
      if (record.messageId && record.outcome === 'dropped') kept.add(record.messageId);
    }
    expect([...acknowledged].filter((id) => !kept.has(id))).toEqual([]);
  });
});
