import cluster from 'node:cluster';
import { ConfigError } from '../core/errors.js';
import { superviseWorkers, WORKER_SLOT_ENV, workerSpoolDir } from '../runtime/http/cluster.js';
import { parseSize } from '../runtime/http/size.js';
import { EXIT, type ExitCode, type Io } from './io.js';

type RunServe<T> = (options: T, waitForStop: () => Promise<void>) => Promise<ExitCode>;

/**
 * `serve --workers N`: with N > 1, this process supervises N workers (node's cluster: one shared
 * listening socket, connections spread over the workers), each a whole `serve` with its own spool
 * folder `<spool>/worker-<slot>`, a share of --spool-max-size, and its own forwarder.
 */
export async function runServeWorkers<T extends { workers?: string | undefined; spool: string; spoolMaxSize: string; forward?: string | undefined }>(
  options: T, io: Io, run: RunServe<T>, waitForStop: () => Promise<void>,
): Promise<ExitCode> {
  const workers = Number(options.workers ?? '1');
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new ConfigError(`--workers: expected a whole number from 1 to 256, found "${options.workers}"`);
  if (workers === 1) return run(options, waitForStop);
  // Each worker spools what it accepts; stdout shared by N processes could interleave events.
  if (!options.forward) throw new ConfigError('--workers: more than one worker needs --forward (each worker spools to its own folder and forwards from there)');
  const log = (text: string) => io.stderr(`trackplan serve: ${text}\n`);
  if (cluster.isPrimary) {
    const { started } = await superviseWorkers({ workers, log, waitForStop });
    log(started ? 'stopped' : 'a worker could not start (see above)');
    return started ? EXIT.clean : EXIT.error;
  }
  const slot = Number(process.env[WORKER_SLOT_ENV]);
  const share = Math.floor((parseSize(options.spoolMaxSize) ?? Number.NaN) / workers);
  const mine = { ...options, spool: workerSpoolDir(options.spool, slot), ...(Number.isFinite(share) ? { spoolMaxSize: String(share) } : {}) };
  // The primary says when to stop (SIGTERM); a Ctrl-C reaches the whole process group, and the
  // primary passes it on as SIGTERM: the worker ignores SIGINT so as not to take it twice.
  process.on('SIGINT', () => undefined);
  const code = await run(mine, () => new Promise((resolve) => process.once('SIGTERM', () => resolve())));
  // The channel to the primary would keep the worker alive.
  cluster.worker?.disconnect();
  return code;
}
