import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll } from 'vitest';
import { tempTree } from './temp.js';

/** A real `redis-server` on 127.0.0.1 and a free port, its data (AOF, fsync always) in a temp dir. */
export interface TestRedis {
  port: number;
  url: string;
  dir: string;
  /** With `tls`: the test certificate authority (PEM file) that signed the server's certificate. */
  ca?: string;
  /** Stops it (SIGTERM: Redis syncs its AOF and exits) and starts it again on the same port and data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
afterAll(() => {
  for (const proc of running) proc.kill('SIGKILL');
});

export const REDIS_SERVER = process.env['REDIS_SERVER'] ?? '/usr/bin/redis-server';

/**
 * `password`: the server requires it (`requirepass`); the URL then carries none. `tls`: the server
 * speaks TLS only, with a certificate for 127.0.0.1 signed by a CA made here (openssl).
 */
export async function startRedis(options: { password?: string; tls?: boolean } = {}): Promise<TestRedis> {
  const dir = await tempTree({}, 'trackplan-redis-');
  const port = await freePort();
  const extra = options.password !== undefined ? ['--requirepass', options.password] : [];
  const ca = options.tls ? await makeCertificates(dir) : undefined;
  if (ca) {
    extra.push('--port', '0', '--tls-port', String(port), '--tls-cert-file', path.join(dir, 'server.crt'), '--tls-key-file', path.join(dir, 'server.key'), '--tls-ca-cert-file', ca, '--tls-auth-clients', 'no');
  }
  let proc = await launch(dir, port, extra);
  return {
    port,
    url: `${ca ? 'rediss' : 'redis'}://127.0.0.1:${port}/0`,
    dir,
    ...(ca ? { ca } : {}),
    async restart() {
      await halt(proc);
      proc = await launch(dir, port, extra);
    },
    stop: () => halt(proc),
  };
}

async function launch(dir: string, port: number, extra: readonly string[]): Promise<ChildProcess> {
  const proc = spawn(REDIS_SERVER, [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes',
    '--appendfsync', 'always', '--protected-mode', 'no', '--daemonize', 'no', '--logfile', '', ...extra,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(proc);
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output.slice(-500)}`)));
  });
  await ready;
  return proc;
}

async function halt(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = once(proc, 'exit');
  proc.kill('SIGTERM');
  await exited;
  running.delete(proc);
}

/** A CA and a server certificate for 127.0.0.1 it signed; returns the CA's file. */
async function makeCertificates(dir: string): Promise<string> {
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  await writeFile(file('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2', '-subj', '/CN=trackplan test CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=127.0.0.1');
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.crt'), '-days', '2', '-extfile', file('san.ext'));
  return file('ca.crt');
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
