import { HttpError } from './errors.js';

/**
 * Checks write keys the way Segment and RudderStack do: the key is the Basic auth user name (the
 * password is empty and ignored). Segment's HTTP API also takes `writeKey` in the JSON body.
 */
export interface WriteKeyAuth {
  /** True when any key is accepted (no `--write-key` given). */
  readonly open: boolean;
  /** The write key of a request; throws a 401 HttpError when it is missing or not accepted. */
  authorize(authorization: string | undefined, bodyWriteKey?: unknown): string | undefined;
}

export function createWriteKeyAuth(keys: readonly string[]): WriteKeyAuth {
  const accepted = new Set(keys);
  // The header every SDK sends for a key, decoded once here rather than on every request.
  const known = new Map(keys.map((key) => [`Basic ${Buffer.from(`${key}:`).toString('base64')}`, key]));
  const open = accepted.size === 0;
  return {
    open,
    authorize(authorization, bodyWriteKey) {
      if (authorization !== undefined) {
        const fast = known.get(authorization);
        if (fast !== undefined) return fast;
      }
      const key = parseBasicUser(authorization) ?? (typeof bodyWriteKey === 'string' && bodyWriteKey !== '' ? bodyWriteKey : undefined);
      if (open) return key;
      if (key === undefined) throw new HttpError('unauthorized', {}, { 'WWW-Authenticate': 'Basic realm="trackplan"' });
      if (!accepted.has(key)) throw new HttpError('invalidWriteKey', {}, { 'WWW-Authenticate': 'Basic realm="trackplan"' });
      return key;
    },
  };
}

/** The user name of a Basic Authorization header, or undefined when there is none. */
export function parseBasicUser(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  return user === '' ? undefined : user;
}
