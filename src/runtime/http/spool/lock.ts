import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../../core/errors.js';

/** Thrown when another live process holds the spool: two writers would interleave lines. */
export class SpoolLockedError extends ConfigError {
  /** `SpoolLockedError`, as stack traces and logs print it. */
  override name = 'SpoolLockedError';
}

/**
 * Takes the spool folder's lock file. A lock left by a process that no longer runs (a `kill -9`)
 * is taken over: that is the crash the spool exists for.
 */
export async function lockSpool(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, 'LOCK');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new SpoolLockedError(`spool ${dir} is in use by process ${pid}; give each server its own --spool folder`);
      }
      await rm(file, { force: true });
    }
  }
  throw new SpoolLockedError(`could not lock spool ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
