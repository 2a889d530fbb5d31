import type { Redis } from 'ioredis';
import { ConfigError } from '../../core/errors.js';

/** Redis refused for a reason retrying cannot fix (no group, wrong password, wrong key type). */
export class FatalStreamError extends ConfigError {
  /** `FatalStreamError`. */
  override name = 'FatalStreamError';
}

/** Errors that end the consumer (exit 2) instead of being retried. */
export function isFatal(error: unknown): boolean {
  if (error instanceof FatalStreamError) return true;
  const message = (error as Error)?.message ?? '';
  // A certificate the client does not trust stays untrusted however often it retries.
  const code = String((error as NodeJS.ErrnoException)?.code ?? '');
  return /^(WRONGPASS|NOAUTH|NOPERM|WRONGTYPE)\b/.test(message) || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code);
}

/**
 * Checks that every input stream has the group, creating it (and the stream) with `create`, from
 * the stream's first entry. Without `create`, a missing group is a configuration error.
 */
export async function ensureGroup(redis: Redis, streams: readonly string[], group: string, create: boolean): Promise<void> {
  for (const stream of streams) {
    const type = await redis.type(stream);
    if (type !== 'stream' && type !== 'none') throw new FatalStreamError(`--in ${stream}: the key holds a ${type}, not a stream`);
    if (create) {
      try {
        await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
      } catch (error) {
        if (!(error as Error).message.startsWith('BUSYGROUP')) throw error;
      }
      continue;
    }
    const groups = type === 'none' ? [] : await redis.xinfo('GROUPS', stream) as unknown[][];
    if (!groups.some((info) => info[1] === group)) {
      throw new FatalStreamError(`--in ${stream}: no consumer group "${group}"; create it (XGROUP CREATE ${stream} ${group} 0 MKSTREAM) or pass --create-group`);
    }
  }
}

/** The output streams must be streams (or not exist yet): a failed XADD stops the script before its XACK, but not a MULTI/EXEC. */
export async function checkTargets(redis: Redis, streams: readonly (string | undefined)[]): Promise<void> {
  for (const stream of new Set(streams)) {
    if (stream === undefined) continue;
    const type = await redis.type(stream);
    if (type !== 'stream' && type !== 'none') throw new FatalStreamError(`output stream ${stream}: the key holds a ${type}, not a stream`);
  }
}
