import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { startStaticServer } from '../sources/static-server.js';
import { buildSite, type DocsOptions } from './docs-site.js';
import { EXIT, type ExitCode, type Io } from './io.js';

const SETTLE_MS = 150;

/**
 * `docs --watch`: builds, serves the site on 127.0.0.1, and rebuilds when a file of the plan (or
 * the coverage and violation files) changes. A rebuild that fails keeps the last good site.
 */
export async function watchDocs(options: DocsOptions, io: Io, waitForStop: () => Promise<void>): Promise<ExitCode> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port: expected a port number, got ${options.port}`);
  if (!(await buildSite(options, io))) return EXIT.error;
  const server = await startStaticServer(path.resolve(io.cwd, options.out), port);
  io.stdout(`serving ${options.out} on ${server.url} (Ctrl-C to stop); watching ${options.plan}\n`);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        const started = Date.now();
        try {
          if (await buildSite(options, io)) io.stdout(`rebuilt in ${Date.now() - started} ms\n`);
        } catch (error) {
          io.stderr(`trackplan docs: rebuild failed: ${(error as Error).message}\n`);
        }
      });
    }, SETTLE_MS);
  };
  const watched = [options.plan, ...(options.coverage !== undefined ? [options.coverage] : []), ...(options.violations ?? [])];
  const watchers: FSWatcher[] = watched.map((target) => watch(path.resolve(io.cwd, target), { recursive: true }, rebuild));
  try {
    await waitForStop();
  } finally {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    await running;
    await server.close();
  }
  return EXIT.clean;
}
