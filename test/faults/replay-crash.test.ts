import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBatchBody, shiftSentAt } from '../../src/runtime/http/forward/batch-body.js';
import { tempTree } from '../helpers/temp.js';
import { killChildren, PLAN_DIR, spawnServe, startUpstream, waitFor, type Upstream } from './helpers.js';

// Defect 1: after 5 s in the spool, rewriting `sentAt` threw on a date past the range of dates and
// on a message nested 5,000 arrays deep; the replay after each restart hit it again.
let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(async () => {
  killChildren();
  await upstream?.close();
});

const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const HOSTILE = [
  `{"type":"track","event":"Order Completed","userId":"u","messageId":"far-future","sentAt":"+275760-09-13T00:00:00.000Z","properties":{"order_id":"1"}}`,
  `{"type":"track","event":"Order Completed","userId":"u","messageId":"deep","sentAt":"2026-01-01T00:00:00.000Z","properties":{"order_id":"2"},"context":{"x":${deep}}}`,
  `{"type":"track","event":"Order Completed","userId":"u","messageId":"after","sentAt":"2026-01-01T00:00:00.000Z","properties":{"order_id":"3"}}`,
];

describe('a spooled message whose sentAt cannot be shifted', () => {
  it('a real serve replays a spool holding them: no crash, every message delivered, the unshiftable ones unchanged', async () => {
    const spool = await tempTree({}, 'trackplan-replay-');
    await mkdir(spool, { recursive: true });
    // What an earlier run accepted a minute ago (the spool's own line format).
    const receivedAt = Date.now() - 60_000;
    await writeFile(path.join(spool, `${String(1).padStart(16, '0')}.log`), HOSTILE.map((json) => `${receivedAt}\t"wk"\t${json}\n`).join(''));
    const served = await spawnServe(['--plan', PLAN_DIR, '--forward', upstream.url, '--spool', spool]);
    expect(served.url).toMatch(/^http:/);
    const delivered = await waitFor(() => (upstream.messages().length >= 3 ? upstream.messages() : undefined), 'the replay to be delivered', 10_000);
    expect(delivered.map((m) => [m['messageId'], typeof m['sentAt']])).toEqual([['far-future', 'string'], ['deep', 'string'], ['after', 'string']]);
    expect(delivered[0]!['sentAt']).toBe('+275760-09-13T00:00:00.000Z');
    // The others moved forward by the wait: the upstream's clock correction keeps the event's time.
    expect(Date.parse(delivered[2]!['sentAt'] as string) - Date.parse('2026-01-01T00:00:00.000Z')).toBeGreaterThanOrEqual(60_000);
    expect(served.process.exitCode).toBeNull();
    served.process.kill('SIGTERM');
    expect((await served.exited).code).toBe(0);
  });

  it.each([
    ['a date past the range of dates', HOSTILE[0]!, HOSTILE[0]!],
    ['nesting 5,000 arrays deep', HOSTILE[1]!, HOSTILE[1]!.replace('"2026-01-01T00:00:00.000Z"', '"2026-01-01T00:00:05.000Z"')],
    ['a sentAt that is no date', '{"sentAt":"soon","a":1}', '{"sentAt":"soon","a":1}'],
    ['a sentAt that is not a string', '{"sentAt":5,"a":1}', '{"sentAt":5,"a":1}'],
    ['a nested sentAt only', '{"a":{"sentAt":"2026-01-01T00:00:00.000Z"}}', '{"a":{"sentAt":"2026-01-01T00:00:00.000Z"}}'],
    ['a number past the double range elsewhere', '{"n":1e400,"sentAt":"2026-01-01T00:00:00.000Z"}', '{"n":1e400,"sentAt":"2026-01-01T00:00:05.000Z"}'],
  ])('shiftSentAt: %s', (_name, json, expected) => {
    expect(shiftSentAt(json, 5000)).toBe(expected);
  });

  it('buildBatchBody never throws on what the spool holds', () => {
    const entries = HOSTILE.map((json) => ({ receivedAt: 0, writeKey: 'wk', data: Buffer.from(json), size: json.length + 10 }));
    const body = JSON.parse(buildBatchBody(entries, 60_000).toString('utf8')) as { batch: { messageId: string }[] };
    expect(body.batch.map((m) => m.messageId)).toEqual(['far-future', 'deep', 'after']);
  });
});
