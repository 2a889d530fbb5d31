import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { FakeSheetsServer } from './fake-sheets-server.js';

export const SERVICE_ACCOUNT = 'trackplan-sync@acme-analytics.iam.gserviceaccount.com';

/** A fake Sheets server for the test file, started before and closed after its tests. */
export function useFakeSheets(): { server: FakeSheetsServer } {
  const holder = { server: new FakeSheetsServer() };
  beforeAll(async () => {
    await holder.server.start();
  });
  afterAll(async () => {
    await holder.server.close();
  });
  return holder;
}

/**
 * A service account key file as the Google Cloud console downloads it, with a fresh RSA key whose
 * public half the fake server knows, and `token_uri` pointing at the fake server.
 */
export async function writeServiceAccountKey(server: FakeSheetsServer, dir: string, email = SERVICE_ACCOUNT, register = true): Promise<string> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (register) server.addServiceAccount(email, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const file = path.join(dir, `${email.split('@')[0]}.json`);
  await writeFile(file, JSON.stringify({
    type: 'service_account',
    project_id: 'acme-analytics',
    private_key_id: 'f3c1d2e4a5b6',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: email,
    client_id: '109876543210987654321',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: `${server.url}token`,
    universe_domain: 'googleapis.com',
  }, null, 2));
  return file;
}
