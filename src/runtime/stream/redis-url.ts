import type { RedisOptions } from 'ioredis';
import { isIP } from 'node:net';
import { ConfigError } from '../../core/errors.js';

/** How to reach Redis, parsed from `--redis`, with a label that is safe to print. */
export interface RedisTarget {
  /** ioredis connection options. */
  options: RedisOptions;
  /** `redis://host:port/db` without user name or password: for logs. */
  label: string;
  /** The password, when there is one: scrubbed from every message the consumer prints. */
  secret: string | undefined;
}

/**
 * Reads `redis://[user[:password]@]host[:port][/db]` (`rediss://` for TLS). The password comes
 * from the URL or, preferably (arguments are visible to other users), from `password`
 * (`REDIS_PASSWORD`). The URL is never echoed with its password in errors. `tlsCa`: the
 * certificate authority (PEM) to trust for rediss://, when it is not a public one.
 */
export function parseRedisUrl(text: string, password?: string, tlsCa?: string | Buffer): RedisTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError('--redis: expected a URL like redis://127.0.0.1:6379/0');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`--redis: expected a redis:// or rediss:// URL, found the scheme "${url.protocol.slice(0, -1)}"`);
  }
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw new ConfigError(`--redis: expected a database number after the host, found "${dbText}"`);
  const port = url.port === '' ? 6379 : Number(url.port);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const secret = url.password !== '' ? decodeURIComponent(url.password) : password || undefined;
  const username = url.username !== '' ? decodeURIComponent(url.username) : undefined;
  const options: RedisOptions = {
    host, port, db,
    ...(username !== undefined ? { username } : {}),
    ...(secret !== undefined ? { password: secret } : {}),
    // SNI takes a host name only; an address is checked against the certificate's IP entries.
    ...(url.protocol === 'rediss:' ? { tls: isIP(host) ? {} : { servername: host } } : {}),
  };
  if (tlsCa !== undefined) {
    if (url.protocol !== 'rediss:') throw new ConfigError('--tls-ca: the certificate authority is for TLS: use a rediss:// URL');
    options.tls = { ...options.tls, ca: tlsCa };
  }
  return { options, label: `${url.protocol}//${url.host}/${db}`, secret };
}

/** A message with the password replaced, for logs and errors. */
export function scrubSecret(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}

/**
 * The input streams: each `--in`, with a `{A..B}` range expanded (`events:{0..3}` is events:0 to
 * events:3), for streams sharded by key.
 */
export function expandStreams(patterns: readonly string[]): string[] {
  const streams: string[] = [];
  for (const pattern of patterns) {
    const match = /\{(\d+)\.\.(\d+)\}/.exec(pattern);
    if (!match) {
      streams.push(pattern);
      continue;
    }
    const from = Number(match[1]);
    const to = Number(match[2]);
    if (to < from || to - from >= 4096) throw new ConfigError(`--in ${pattern}: expected a range {A..B} with A <= B and at most 4096 streams`);
    for (let i = from; i <= to; i++) streams.push(pattern.replace(match[0], String(i)));
  }
  if (new Set(streams).size !== streams.length) throw new ConfigError(`--in: a stream is named twice (${streams.join(', ')})`);
  return streams;
}
