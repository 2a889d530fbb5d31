import { Redis } from 'ioredis';
import type { ViolationType } from '../../src/runtime/types.js';
import { waitFor } from '../serve/helpers.js';

export { PLAN_DIR, loadTestValidator, waitFor } from '../serve/helpers.js';

/** What should become of an entry under the serve test plan (serve-test@2.3.0, forward policy). */
export interface Kind {
  name: string;
  /** The entry's `data` field for entry number i. */
  data: (i: number) => string;
  /** accepted: in `out` only; violating: in `out` and `violations`; malformed: in the dead-letter stream only. */
  verdict: 'accepted' | 'violating' | 'malformed';
  types: ViolationType[];
  /** Dead-letter reason (a Malformed-Event keyword, or missingField / invalidJson). */
  reason?: string;
}

const track = (i: number, event: string, properties: Record<string, unknown>) =>
  JSON.stringify({ type: 'track', event, messageId: `m-${i}`, userId: `u-${i}`, properties });

export const KINDS: Kind[] = [
  { name: 'good order', data: (i) => track(i, 'Order Completed', { order_id: `o-${i}`, total: 10 }), verdict: 'accepted', types: [] },
  { name: 'good sign-up', data: (i) => track(i, 'Signed Up', { method: 'email' }), verdict: 'accepted', types: [] },
  { name: 'order without id, negative total', data: (i) => track(i, 'Order Completed', { total: -1 }), verdict: 'violating', types: ['Required-Missing', 'Advance-Rules-Violation'] },
  { name: 'unplanned event', data: (i) => track(i, 'Cart Viewed', {}), verdict: 'violating', types: ['Unplanned-Event'] },
  { name: 'total as a string', data: (i) => track(i, 'Order Completed', { order_id: 'o', total: '3' }), verdict: 'violating', types: ['Datatype-Mismatch'] },
  { name: 'identify with an unplanned trait', data: (i) => JSON.stringify({ type: 'identify', messageId: `m-${i}`, userId: 'u', traits: { email: 'a@b.co', plan: 'pro' } }), verdict: 'violating', types: ['Additional-Properties'] },
  { name: 'not JSON', data: () => '{"type": "track", ', verdict: 'malformed', types: ['Malformed-Event'], reason: 'invalidJson' },
  { name: 'an array', data: () => '[1, 2]', verdict: 'malformed', types: ['Malformed-Event'], reason: 'notObject' },
  { name: 'no type', data: (i) => JSON.stringify({ event: 'Order Completed', messageId: `m-${i}` }), verdict: 'malformed', types: ['Malformed-Event'], reason: 'missingType' },
];

/** Entry i of a test run: its kind cycles through KINDS. */
export function kindOf(i: number): Kind {
  return KINDS[i % KINDS.length]!;
}

export interface ReadBack {
  id: string;
  fields: Record<string, string>;
}

/** Every entry of a stream, in order (XRANGE in pages). */
export async function readStream(redis: Redis, stream: string): Promise<ReadBack[]> {
  const entries: ReadBack[] = [];
  let start = '-';
  for (;;) {
    const page = await redis.xrange(stream, start, '+', 'COUNT', 5000);
    for (const [id, flat] of page) {
      const fields: Record<string, string> = {};
      for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
      entries.push({ id, fields });
    }
    if (page.length < 5000) return entries;
    start = `(${page.at(-1)![0]}`;
  }
}

/** Waits until the group has delivered and acknowledged everything in the streams. */
export async function waitDrained(redis: Redis, streams: readonly string[], group: string, timeoutMs: number): Promise<void> {
  await waitFor(async () => {
    for (const stream of streams) {
      const groups = await redis.xinfo('GROUPS', stream) as unknown[][];
      const info = groups.find((g) => g[1] === group);
      if (!info) return false;
      const record = Object.fromEntries(Array.from({ length: info.length / 2 }, (_, i) => [info[2 * i], info[2 * i + 1]]));
      if (record['lag'] !== 0 || record['pending'] !== 0) return false;
    }
    return true;
  }, 'the group to drain', timeoutMs);
}
