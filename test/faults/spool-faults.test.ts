import { execFileSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/runtime/http/server.js';
import { defaultFileIo, type FileIo } from '../../src/runtime/http/spool/file-io.js';
import { tempTree } from '../helpers/temp.js';
import { get, loadTestValidator, post, startUpstream, track, waitFor, type Upstream } from './helpers.js';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(async () => {
  await upstream?.close();
});

const batch = (prefix: string, n: number, pad = 0) => ({
  batch: Array.from({ length: n }, (_, i) => track(`${prefix}-${i}`, 'Order Completed', { order_id: `o-${i}${'x'.repeat(pad)}` })),
});

// Defect 2: `open()` of the next segment failing with EMFILE crashed serve (unhandled, exit 1).
// A low open-files limit cannot hit that one open() reliably from outside, so the failure is put
// in at the spool's file-io seam, the only place the spool opens files.
describe('EMFILE when the spool rotates to its next segment', () => {
  it('keeps accepting into the current segment, and rotates once opening works again', async () => {
    let refuse = false;
    const io: FileIo = {
      ...defaultFileIo,
      open: async (file, flags) => {
        if (refuse && file.endsWith('.log')) throw Object.assign(new Error(`EMFILE: too many open files, open '${file}'`), { code: 'EMFILE' });
        return defaultFileIo.open(file, flags);
      },
    };
    const dir = await tempTree({}, 'trackplan-emfile-');
    const logs: string[] = [];
    const server = await startServer({
      validator: await loadTestValidator(), port: 0, log: (text) => logs.push(text),
      forward: { url: upstream.url, lingerMs: 1, spool: { dir, segmentBytes: 2048, io } },
    });
    try {
      refuse = true;
      for (let n = 0; n < 5; n++) expect((await post(server.url, '/v1/batch', batch(`emfile-${n}`, 20))).status).toBe(200);
      expect(logs.some((line) => /spool: a rotate failed \(EMFILE\)/.test(line))).toBe(true);
      expect((await readdir(dir)).filter((name) => name.endsWith('.log'))).toHaveLength(1);
      refuse = false;
      expect((await post(server.url, '/v1/batch', batch('emfile-after', 20))).status).toBe(200);
      await waitFor(() => upstream.messages().filter((m) => String(m['messageId']).startsWith('emfile-')).length === 120, 'every message to be delivered');
    } finally {
      await server.close({ drainTimeoutMs: 2000 });
    }
  });
});

/** A tmpfs of `size` at a fresh folder, or undefined when this machine cannot mount one. */
function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Defect 4: a full disk answered 500 instead of 503 + Retry-After, stayed so after the spool
// drained while /health said ok, and never gave back the space of the delivered segment.
describe('ENOSPC: a full disk under the spool', () => {
  const mounted: string[] = [];
  afterAll(() => {
    for (const dir of mounted) execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  });

  it('answers 503 with Retry-After, says unavailable, and takes messages again once its delivered space is reclaimed', async () => {
    const dir = await tempTree({}, 'trackplan-enospc-');
    let io: FileIo | undefined;
    let full = false;
    if (mountTmpfs(dir, '1m')) {
      mounted.push(dir);
      // The rest of the disk is taken by someone else: 640 KiB of the 1 MiB.
      await writeFile(path.join(dir, 'filler'), Buffer.alloc(640 * 1024));
    } else {
      // No privileges for a tmpfs here: the same failure at the file-io seam once 300 KiB are spooled.
      let written = 0;
      io = {
        ...defaultFileIo,
        writeSync: (fd, buffer, offset, length) => {
          if (written + length > 300 * 1024 && full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          written += length;
          return defaultFileIo.writeSync(fd, buffer, offset, length);
        },
      };
    }
    full = true;
    upstream.respond = () => ({ status: 503 });
    const spoolDir = path.join(dir, 'spool');
    const server = await startServer({
      validator: await loadTestValidator(), port: 0,
      forward: { url: upstream.url, lingerMs: 1, minBackoffMs: 5, maxBackoffMs: 20, spool: { dir: spoolDir, ...(io ? { io } : {}) } },
    });
    try {
      let refused;
      for (let n = 0; n < 200 && !refused; n++) {
        const reply = await post(server.url, '/v1/batch', batch(`full-${n}`, 50, 40));
        if (reply.status !== 200) refused = reply;
      }
      expect([refused?.status, refused?.json()['code'], refused?.headers['retry-after']]).toEqual([503, 'storageUnavailable', '5']);
      const health = await get(server.url, '/health');
      expect([health.status, health.json()['status'], (health.json()['spool'] as Record<string, unknown>)['writeFailure']]).toEqual([503, 'unavailable', 'ENOSPC']);
      // The upstream comes back: the spool drains, and its written segment is given back.
      upstream.respond = () => ({ status: 200 });
      full = false;
      await waitFor(() => server.spool!.stats.messages === 0, 'the spool to drain');
      const after = await post(server.url, '/v1/batch', batch('after-full', 50, 40));
      expect(after.status).toBe(200);
      expect((await get(server.url, '/health')).json()['status']).toBe('ok');
      await waitFor(() => upstream.messages().some((m) => m['messageId'] === 'after-full-49'), 'the new batch to be delivered');
    } finally {
      upstream.respond = () => ({ status: 200 });
      await server.close({ drainTimeoutMs: 2000 });
    }
  });
});
