import { Redis } from 'ioredis';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { parseRedisUrl, startStreamConsumer } from '../../src/runtime/stream/index.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { tempTree } from '../helpers/temp.js';
import { KINDS, loadTestValidator, PLAN_DIR, readStream, waitDrained } from './helpers.js';

// A redis-server that speaks TLS only, with a certificate from a CA made for the test.
let server: TestRedis;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis({ tls: true });
  redis = new Redis({ ...parseRedisUrl(server.url, undefined, await readFile(server.ca!)).options });
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

async function run(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: Io = { stdout: () => undefined, stderr: (text) => void (stderr += text), cwd, color: false };
  return { code: await runCli(args, io), stderr };
}

describe('stream over TLS (rediss://)', () => {
  it('produces and consumes with the CA given by --tls-ca', async () => {
    const dir = await tempTree({ 'events.ndjson': `${KINDS[0]!.data(1)}\n${KINDS[3]!.data(2)}\n` });
    const { code, stderr } = await run(['stream', 'produce', 'events.ndjson', '--redis', server.url, '--tls-ca', server.ca!, '--to', 'tls:in'], dir);
    expect({ code, stderr }).toEqual({ code: 0, stderr: `trackplan stream produce: 2 entries added to tls:in on rediss://127.0.0.1:${server.port}/0\n` });
    const consumer = await startStreamConsumer({
      redis: parseRedisUrl(server.url, undefined, await readFile(server.ca!)).options, streams: ['tls:in'], group: 'g', createGroup: true,
      validator: await loadTestValidator(), out: 'tls:out', violations: 'tls:violations', field: 'data', blockMs: 20,
    });
    await waitDrained(redis, ['tls:in'], 'g', 10_000);
    await consumer.stop();
    expect((await readStream(redis, 'tls:out')).map((e) => e.fields['messageId'])).toEqual(['m-1', 'm-2']);
    expect((await readStream(redis, 'tls:violations')).map((e) => e.fields['messageId'])).toEqual(['m-2']);
  });

  it('refuses a server certificate it does not trust (exit 2), without retrying', async () => {
    const { code, stderr } = await run(['stream', '--plan', PLAN_DIR, '--redis', server.url, '--in', 'tls:in', '--group', 'g', '--out', 'x'], process.cwd());
    expect(code).toBe(2);
    expect(stderr).toMatch(/^trackplan: .*(self-signed|certificate)/m);
  });

  it('refuses --tls-ca with a redis:// URL', async () => {
    const { code, stderr } = await run(['stream', '--plan', PLAN_DIR, '--redis', `redis://127.0.0.1:${server.port}/0`, '--tls-ca', server.ca!, '--in', 'a', '--group', 'g', '--out', 'x'], process.cwd());
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'trackplan: --tls-ca: the certificate authority is for TLS: use a rediss:// URL\n' });
  });
});
