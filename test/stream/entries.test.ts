import { describe, expect, it } from 'vitest';
import { decideEntry, expandStreams, parseRedisUrl, scrubSecret } from '../../src/runtime/stream/index.js';
import { loadTestValidator } from './helpers.js';

const targets = { out: 'o', violations: 'v', deadLetter: 'd', field: 'data' };
const entry = (data: string | undefined) => ({ stream: 'in', id: '1-0', fields: data === undefined ? ['other', 'x'] : ['data', data] });

describe('decideEntry', () => {
  const cases: { name: string; data: string | undefined; verdict: string; streams: string[]; reason?: string; policy?: Record<string, string> }[] = [
    { name: 'a valid event', data: '{"type":"track","event":"Signed Up","messageId":"a","properties":{"method":"email"}}', verdict: 'accepted', streams: ['o'] },
    { name: 'a violating event', data: '{"type":"track","event":"Nope","messageId":"a"}', verdict: 'violating', streams: ['o', 'v'] },
    { name: 'a violating event the policy drops', data: '{"type":"track","event":"Nope","messageId":"a"}', verdict: 'dropped', streams: ['v'], policy: { unplanned_events: 'drop' } },
    { name: 'no data field', data: undefined, verdict: 'dead-lettered', streams: ['d'], reason: 'missingField' },
    { name: 'not JSON', data: '{', verdict: 'dead-lettered', streams: ['d'], reason: 'invalidJson' },
    { name: 'a string', data: '"hi"', verdict: 'dead-lettered', streams: ['d'], reason: 'notObject' },
    { name: 'an unknown type', data: '{"type":"boom"}', verdict: 'dead-lettered', streams: ['d'], reason: 'unknownType' },
  ];
  it.each(cases)('$name', async ({ data, verdict, streams, reason, policy }) => {
    const validator = await loadTestValidator(policy ? { policy } : {});
    const outcome = decideEntry(entry(data), validator, targets);
    expect({ verdict: outcome.verdict, streams: outcome.writes.map((w) => w.stream) }).toEqual({ verdict, streams });
    if (reason) expect(outcome.writes[0]!.fields.slice(0, 2)).toEqual(['reason', reason]);
    for (const write of outcome.writes) expect(write.fields).toEqual(expect.arrayContaining(['id', '1-0', 'stream', 'in']));
  });

  it('passes a valid event on as the text it came in', async () => {
    const text = '{ "type": "track", "event": "Signed Up", "properties": {} }';
    expect(decideEntry(entry(text), await loadTestValidator(), targets).writes[0]!.fields[1]).toBe(text);
  });

  it('strips unplanned traits of identify, as the plan says, and keeps the record', async () => {
    const outcome = decideEntry(entry('{"type":"identify","messageId":"m","traits":{"email":"a@b.co","x":1}}'), await loadTestValidator(), targets);
    const event = JSON.parse(String(outcome.writes[0]!.fields[1])) as { traits: object; context: { violationErrors: { type: string }[] } };
    const record = JSON.parse(String(outcome.writes[1]!.fields[1])) as Record<string, unknown>;
    expect({ traits: event.traits, types: event.context.violationErrors.map((v) => v.type) }).toEqual({ traits: { email: 'a@b.co' }, types: ['Additional-Properties'] });
    expect(record).toMatchObject({ line: null, messageId: 'm', type: 'identify', event: null, outcome: 'stripped' });
  });
});

describe('parseRedisUrl', () => {
  const cases: { url: string; env?: string; options: Record<string, unknown>; label: string }[] = [
    { url: 'redis://127.0.0.1:6380/2', options: { host: '127.0.0.1', port: 6380, db: 2 }, label: 'redis://127.0.0.1:6380/2' },
    { url: 'redis://localhost', options: { host: 'localhost', port: 6379, db: 0 }, label: 'redis://localhost/0' },
    { url: 'redis://app:s%40cret@127.0.0.1:7000/1', options: { username: 'app', password: 's@cret', db: 1 }, label: 'redis://127.0.0.1:7000/1' },
    { url: 'redis://127.0.0.1/0', env: 'from-env', options: { password: 'from-env' }, label: 'redis://127.0.0.1/0' },
    { url: 'rediss://cache.internal:6380/0', options: { tls: { servername: 'cache.internal' } }, label: 'rediss://cache.internal:6380/0' },
    { url: 'redis://[::1]:6379/0', options: { host: '::1' }, label: 'redis://[::1]:6379/0' },
  ];
  it.each(cases)('$url', ({ url, env, options, label }) => {
    const target = parseRedisUrl(url, env);
    expect(target.options).toMatchObject(options);
    expect(target.label).toBe(label);
  });

  it('scrubs the password from messages', () => {
    expect(scrubSecret('AUTH s3cr3t failed for s3cr3t', 's3cr3t')).toBe('AUTH *** failed for ***');
  });
});

describe('expandStreams', () => {
  it.each([
    { in: ['events'], out: ['events'] },
    { in: ['events:{0..3}'], out: ['events:0', 'events:1', 'events:2', 'events:3'] },
    { in: ['a', 'b:{7..8}'], out: ['a', 'b:7', 'b:8'] },
  ])('$in', ({ in: patterns, out }) => expect(expandStreams(patterns)).toEqual(out));
  it.each([
    { in: ['e:{3..1}'], error: '--in e:{3..1}: expected a range {A..B} with A <= B and at most 4096 streams' },
    { in: ['a', 'a'], error: '--in: a stream is named twice (a, a)' },
  ])('refuses $in', ({ in: patterns, error }) => expect(() => expandStreams(patterns)).toThrow(error));
});
