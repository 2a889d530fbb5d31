import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { tempTree } from '../helpers/temp.js';
import { PLAN_DIR, readStream } from './helpers.js';

const PASSWORD = 'cli-pw-91c2';
let server: TestRedis;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis({ password: PASSWORD });
  redis = new Redis({ port: server.port, host: '127.0.0.1', password: PASSWORD });
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

async function run(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd, color: false };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('trackplan stream (CLI)', () => {
  it('states its exit codes in --help', async () => {
    for (const args of [['stream', '--help'], ['stream', 'produce', '--help']]) {
      const { code, stdout } = await run(args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Exit codes: 0 .*, 2 /);
    }
  });

  it('loads an NDJSON file with stream produce', async () => {
    const dir = await tempTree({ 'events.ndjson': '{"type":"track","event":"A"}\n\nnot json\n{"type":"page"}\n' });
    const { code, stderr } = await run(['stream', 'produce', 'events.ndjson', '--redis', `redis://:${PASSWORD}@127.0.0.1:${server.port}/0`, '--to', 'cli:in'], dir);
    expect(code).toBe(0);
    expect(stderr).toBe(`trackplan stream produce: 3 entries added to cli:in on redis://127.0.0.1:${server.port}/0\n`);
    expect((await readStream(redis, 'cli:in')).map((e) => e.fields['data'])).toEqual(['{"type":"track","event":"A"}', 'not json', '{"type":"page"}']);
  });

  const common = (url: string) => ['stream', '--plan', PLAN_DIR, '--redis', url, '--in', 'cli:in', '--group', 'g', '--out', 'cli:out'];
  // Arguments from the server's port, known once beforeAll ran.
  const cases: { name: string; args: (port: number) => string[]; error: RegExp }[] = [
    { name: 'a URL that is not redis', args: (port) => common(`http://127.0.0.1:${port}/0`), error: /--redis: expected a redis:\/\/ or rediss:\/\/ URL, found the scheme "http"/ },
    { name: 'a database that is no number', args: (port) => common(`redis://127.0.0.1:${port}/x`), error: /--redis: expected a database number after the host, found "x"/ },
    { name: 'a batch of 0', args: (port) => [...common(`redis://127.0.0.1:${port}/0`), '--batch', '0'], error: /--batch: expected a whole number >= 1, found "0"/ },
    { name: 'an unknown write mode', args: (port) => [...common(`redis://127.0.0.1:${port}/0`), '--write-mode', 'pipeline'], error: /--write-mode: expected script or multi, found "pipeline"/ },
    { name: 'no --group', args: (port) => common(`redis://127.0.0.1:${port}/0`).slice(0, -4).concat('--out', 'x'), error: /required option --group <name> not given/ },
    { name: 'a wrong password (never printed)', args: (port) => common(`redis://:wrong-${PASSWORD}@127.0.0.1:${port}/0`), error: /WRONGPASS/ },
    { name: 'a missing group', args: (port) => common(`redis://:${PASSWORD}@127.0.0.1:${port}/0`), error: /--in cli:in: no consumer group "g"; create it .* or pass --create-group/ },
  ];
  it.each(cases)('exits 2 on $name', async ({ args, error }) => {
    const { code, stderr } = await run(args(server.port));
    expect(code).toBe(2);
    expect(stderr).toMatch(error);
    expect(stderr).not.toContain(PASSWORD);
  });
});
