import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { runServe, type ServeOptions } from '../../src/cli/serve.js';
import { tempTree } from '../helpers/temp.js';
import { PLAN_DIR, post, waitFor } from './helpers.js';

function captureIo(cwd = process.cwd()): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, color: false, stdout: (text) => void out.push(text), stderr: (text) => void err.push(text) };
}

const defaults: ServeOptions = {
  plan: PLAN_DIR, host: '127.0.0.1', port: '0', writeKey: [], webhookInterval: '60', spool: '.trackplan/spool',
  spoolMaxSize: '1GiB', fsync: 'interval', maxMessageSize: '32KiB', maxBatchSize: '500KiB', drainTimeout: '30',
  maxBatchEntries: '2000', maxDepth: '64', headerTimeout: '10', bodyTimeout: '30', idleTimeout: '65',
  violationsMaxSize: '100MiB', violationsMaxFiles: '5', redactPii: 'keep',
};

describe('trackplan serve: configuration errors exit 2 with the flag named', () => {
  it.each([
    [['--forward', 'ftp://example.com'], 'trackplan: --forward: expected an http(s) URL, found ftp://example.com/'],
    // A URL may hold credentials: one that does not parse is not repeated.
    [['--forward', 'not a url'], 'trackplan: --forward: expected an http(s) URL, found text that does not parse as one'],
    [['--violations-webhook', 'hooks.slack.com'], 'trackplan: --violations-webhook: expected an http(s) URL, found text that does not parse as one'],
    [['--port', '70000'], 'trackplan: --port: expected a port number (0-65535), found "70000"'],
    [['--max-message-size', 'big'], 'trackplan: --max-message-size: expected a size like 32KiB or 1GiB, found "big"'],
    [['--spool-max-size', '0'], 'trackplan: --spool-max-size: expected a size like 32KiB or 1GiB, found "0"'],
    [['--drain-timeout', 'soon'], 'trackplan: --drain-timeout: expected seconds, found "soon"'],
    [['--plan', 'no/such/plan'], 'trackplan: plan not found: no/such/plan (expected a folder of *.yaml files)'],
  ])('%j', async (args, message) => {
    const io = captureIo();
    expect(await runCli(['serve', '--plan', PLAN_DIR, '--port', '0', ...args], io)).toBe(2);
    expect(io.err.join('')).toBe(`${message}\n`);
  });

  it('a plan with errors: its diagnostics, and no server', async () => {
    const dir = await tempTree({ 'plan.yaml': 'trackplan: 1\nid: broken\nname: B\nversion: nope\n' }, 'trackplan-serve-badplan-');
    const io = captureIo(dir);
    expect(await runCli(['serve', '--plan', '.', '--port', '0'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/plan\.yaml:4:\d+ +error .*invalid-version[\s\S]*trackplan serve: the plan has errors; not starting\n$/);
  });

  it('a port in use: exit 2 naming the address', async () => {
    const taken = http.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const io = captureIo();
    try {
      expect(await runCli(['serve', '--plan', PLAN_DIR, '--port', String((taken.address() as AddressInfo).port)], io)).toBe(2);
      expect(io.err.join('')).toMatch(/^trackplan: listen EADDRINUSE: address already in use 127\.0\.0\.1:\d+\n$/);
    } finally {
      taken.close();
    }
  });
});

describe('runServe', () => {
  it('serves until told to stop, writes accepted events to stdout without --forward, and returns 0', async () => {
    const io = captureIo();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runServe({ ...defaults, writeKey: ['k1', 'k2'] }, io, () => stopped);
    const url = await waitFor(() => /listening on (\S+) with serve-test@2\.3\.0; writing accepted events to stdout/.exec(io.err.join(''))?.[1], 'the listening line');
    expect((await post(url, '/v1/identify', { userId: 'u', traits: { email: 'x@example.com' }, messageId: 'i-1' }, { writeKey: 'k2' })).status).toBe(200);
    expect((await post(url, '/v1/identify', { userId: 'u', traits: {} }, { writeKey: 'k3' })).status).toBe(401);
    stop();
    expect(await running).toBe(0);
    // The client's own text, with the call type the endpoint implies put in front.
    expect(io.out.join('')).toBe(`{"type":"identify",${JSON.stringify({ userId: 'u', traits: { email: 'x@example.com' }, messageId: 'i-1' }).slice(1)}\n`);
    expect(io.err.at(-1)).toBe('trackplan serve: stopped\n');
  });

  it('takes write keys from TRACKPLAN_WRITE_KEYS too', async () => {
    const io = captureIo();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    process.env['TRACKPLAN_WRITE_KEYS'] = 'env-a, env-b';
    try {
      const running = runServe({ ...defaults, spool: path.join(await tempTree({}), 'spool') }, io, () => stopped);
      const url = await waitFor(() => /listening on (\S+) /.exec(io.err.join(''))?.[1], 'the listening line');
      expect((await post(url, '/v1/track', { userId: 'u', event: 'Signed Up' }, { writeKey: 'env-b' })).status).toBe(200);
      expect((await post(url, '/v1/track', { userId: 'u', event: 'Signed Up' })).status).toBe(401);
      stop();
      expect(await running).toBe(0);
    } finally {
      delete process.env['TRACKPLAN_WRITE_KEYS'];
    }
  });
});
