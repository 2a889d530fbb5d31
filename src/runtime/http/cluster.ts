import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';

/** The environment variable that tells a worker its slot (1..N): its spool is `<root>/worker-<slot>`. */
export const WORKER_SLOT_ENV = 'TRACKPLAN_WORKER_SLOT';

export interface SupervisorOptions {
  workers: number;
  log: (text: string) => void;
  /** Resolves when the cluster should stop (SIGTERM to the primary). */
  waitForStop: () => Promise<void>;
}

export interface SupervisorResult {
  /** False when a worker failed before it ever listened (a bad flag, a port in use): no respawn loop. */
  started: boolean;
  url: string | undefined;
}

/**
 * The primary of `serve --workers N`: forks N workers (each re-runs the command and listens on the
 * shared port), replaces one that dies with a new worker in the same slot, which replays that
 * slot's spool (what the dead one acknowledged and had not yet forwarded), and on stop sends every
 * worker SIGTERM and waits for them to drain.
 */
export async function superviseWorkers(options: SupervisorOptions): Promise<SupervisorResult> {
  const slots = new Map<Worker, number>();
  const listened = new Set<number>();
  let stopping = false;
  let failed: (() => void) | undefined;
  let url: string | undefined;
  let allListening: (() => void) | undefined;
  const listening = new Promise<void>((resolve) => (allListening = resolve));
  const startFailed = new Promise<void>((resolve) => (failed = resolve));

  const fork = (slot: number) => {
    const worker = cluster.fork({ [WORKER_SLOT_ENV]: String(slot) });
    slots.set(worker, slot);
    worker.on('listening', (address) => {
      options.log(`worker ${slot} (pid ${worker.process.pid}) listening`);
      const host = address.addressType === 6 ? `[${address.address}]` : address.address ?? '127.0.0.1';
      url ??= `http://${host === '' || host === null ? '127.0.0.1' : host}:${address.port}`;
      listened.add(slot);
      if (listened.size === options.workers) allListening!();
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    const slot = slots.get(worker);
    slots.delete(worker);
    if (slot === undefined || stopping) return;
    if (!listened.has(slot)) {
      options.log(`worker ${slot} exited (${signal ?? `code ${code}`}) before it listened; stopping`);
      failed!();
      return;
    }
    options.log(`worker ${slot} (pid ${worker.process.pid}) died (${signal ?? `code ${code}`}); starting a replacement that replays its spool`);
    fork(slot);
  });
  for (let slot = 1; slot <= options.workers; slot++) fork(slot);

  const outcome = await Promise.race([listening.then(() => 'listening' as const), startFailed.then(() => 'failed' as const)]);
  if (outcome === 'listening') {
    options.log(`${options.workers} workers listening on ${url}`);
    await Promise.race([options.waitForStop(), startFailed]);
  }
  stopping = true;
  const exits = [...slots.keys()].map((worker) => new Promise<void>((resolve) => {
    if (worker.isDead()) return resolve();
    worker.once('exit', () => resolve());
    worker.process.kill('SIGTERM');
  }));
  await Promise.all(exits);
  return { started: outcome === 'listening', url };
}

/** A worker's spool folder under the spool root given to `serve --spool`. */
export function workerSpoolDir(root: string, slot: number): string {
  return path.join(root, `worker-${slot}`);
}
