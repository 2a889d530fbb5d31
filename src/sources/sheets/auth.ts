import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../core/errors.js';

/** How trackplan signs in to the Sheets API. */
export type SheetsAuth =
  | { kind: 'service-account'; keyFile: string; email: string; privateKey: string; keyId?: string; tokenUri?: string }
  | { kind: 'access-token'; token: string }
  | { kind: 'api-key'; key: string };

export interface AuthOptions {
  credentials?: string;
  accessToken?: string;
  apiKey?: string;
}

const AUTH_HELP =
  'pass --credentials <service-account-key.json> (or set GOOGLE_APPLICATION_CREDENTIALS), ' +
  '--access-token <token> (or set GOOGLE_OAUTH_ACCESS_TOKEN), or --api-key <key> for a public sheet (read only)';

/** Flags first, then the environment: an access token in the environment wins over a key file. */
export async function resolveAuth(options: AuthOptions, env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<SheetsAuth> {
  const given = (['credentials', 'accessToken', 'apiKey'] as const).filter((key) => options[key] !== undefined);
  if (given.length > 1) throw new ConfigError(`use one way to sign in, not ${given.map(flagName).join(' and ')}`);
  if (options.accessToken !== undefined) return accessToken(options.accessToken, '--access-token');
  if (options.apiKey !== undefined) {
    if (options.apiKey.trim() === '') throw new ConfigError('--api-key is empty');
    return { kind: 'api-key', key: options.apiKey.trim() };
  }
  if (options.credentials !== undefined) return readKeyFile(path.resolve(cwd, options.credentials), '--credentials');
  const envToken = env['GOOGLE_OAUTH_ACCESS_TOKEN'];
  if (envToken) return accessToken(envToken, 'GOOGLE_OAUTH_ACCESS_TOKEN');
  const envKey = env['GOOGLE_APPLICATION_CREDENTIALS'];
  if (envKey) return readKeyFile(path.resolve(cwd, envKey), 'GOOGLE_APPLICATION_CREDENTIALS');
  throw new ConfigError(`no Google credentials: ${AUTH_HELP}`);
}

function flagName(key: keyof AuthOptions): string {
  return { credentials: '--credentials', accessToken: '--access-token', apiKey: '--api-key' }[key];
}

function accessToken(token: string, from: string): SheetsAuth {
  const trimmed = token.trim();
  if (trimmed === '') throw new ConfigError(`${from} is empty`);
  return { kind: 'access-token', token: trimmed };
}

async function readKeyFile(file: string, from: string): Promise<SheetsAuth> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`cannot read the service account key ${file} (from ${from}): ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  let key: Record<string, unknown>;
  try {
    key = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${file} (from ${from}) is not a JSON key file: ${(error as Error).message}`);
  }
  if (key['type'] === 'authorized_user') {
    throw new ConfigError(`${file} holds user credentials (gcloud application-default login); pass --access-token "$(gcloud auth print-access-token)" instead, or a service account key`);
  }
  const email = key['client_email'];
  const privateKey = key['private_key'];
  if (key['type'] !== 'service_account' || typeof email !== 'string' || typeof privateKey !== 'string') {
    throw new ConfigError(`${file} (from ${from}) is not a service account key: expected "type": "service_account" with "client_email" and "private_key"`);
  }
  return {
    kind: 'service-account', keyFile: file, email, privateKey,
    ...(typeof key['private_key_id'] === 'string' ? { keyId: key['private_key_id'] } : {}),
    ...(typeof key['token_uri'] === 'string' ? { tokenUri: key['token_uri'] } : {}),
  };
}
