import { ConfigError } from '../../core/errors.js';
import type { SheetsAuth } from './auth.js';
import { RetriesExhausted } from './retry.js';

interface ApiFailure {
  status?: number;
  /** Google's error status (`PERMISSION_DENIED`) or a network error code (`ECONNRESET`). */
  code?: string;
  message: string;
  retryAfterMs?: number;
  url?: string;
}

const NETWORK_RETRY = ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'TimeoutError'];

/** Reads what a googleapis (gaxios) error says: HTTP status, Google's error body, or the network cause. */
export function readFailure(error: unknown): ApiFailure {
  const e = error as {
    status?: number; message?: string; config?: { url?: unknown };
    response?: { status?: number; data?: unknown; headers?: { get?: (name: string) => string | null } };
  };
  const status = e.response?.status ?? e.status;
  const body = e.response?.data as { error?: { message?: string; status?: string } | string; error_description?: string } | undefined;
  const google = typeof body?.error === 'object' ? body.error : undefined;
  const retryAfter = Number(e.response?.headers?.get?.('retry-after') ?? NaN);
  const code = google?.status ?? (typeof body?.error === 'string' ? body.error : undefined) ?? networkCode(error);
  const message = google?.message ?? (typeof body?.error === 'string' ? `${body.error}${body.error_description ? `: ${body.error_description}` : ''}` : undefined) ?? e.message ?? String(error);
  return {
    ...(typeof status === 'number' ? { status } : {}),
    ...(code !== undefined ? { code } : {}),
    message,
    ...(Number.isFinite(retryAfter) ? { retryAfterMs: retryAfter * 1000 } : {}),
    ...(e.config?.url !== undefined ? { url: String(e.config.url) } : {}),
  };
}

function networkCode(error: unknown): string | undefined {
  for (let cause: unknown = error; cause && typeof cause === 'object'; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Rate limits, server errors and dropped connections are worth another try; nothing else is. */
export function retryableFailure(error: unknown): { status: number | string; retryAfterMs?: number } | undefined {
  const failure = readFailure(error);
  if (failure.status === 429 || (failure.status !== undefined && failure.status >= 500)) {
    return { status: failure.status, ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}) };
  }
  if (failure.status === undefined && failure.code !== undefined && NETWORK_RETRY.includes(failure.code)) return { status: failure.code };
  return undefined;
}

export interface FailureContext {
  spreadsheetId: string;
  auth: SheetsAuth;
  apiRoot: string;
  /** What trackplan was doing: "read", "write". */
  action: string;
}

/** A failed API call as a message that says what to do about it. */
export function describeFailure(error: unknown, context: FailureContext): ConfigError {
  const attempts = error instanceof RetriesExhausted ? error.attempts : undefined;
  const failure = readFailure(error instanceof RetriesExhausted ? error.cause : error);
  const what = [failure.status, failure.code].filter((part) => part !== undefined).join(' ');
  const google = `(${what === '' ? '' : `${what}: `}${failure.message})`;
  const id = context.spreadsheetId;
  if (attempts !== undefined) {
    return new ConfigError(`the Sheets API did not answer the ${context.action} of spreadsheet ${id} after ${attempts} attempts (with backoff); try again later. ${google}`);
  }
  if (failure.url !== undefined && context.auth.kind === 'service-account' && /token/.test(failure.url) && failure.status !== undefined && failure.status < 500) {
    return new ConfigError(`the token endpoint ${failure.url} refused the service account key of ${context.auth.email} (${context.auth.keyFile}); the key may be revoked or deleted. ${google}`);
  }
  switch (failure.status) {
    case 403:
      return new ConfigError(`${permissionAdvice(context)} ${google}`);
    case 404:
      return new ConfigError(`spreadsheet ${id} not found: check --spreadsheet (the id is the part of the sheet's URL between /d/ and /edit). ${google}`);
    case 401:
      return new ConfigError(`the Sheets API did not accept the credentials (${describeAuth(context.auth)}); an access token expires after an hour. ${google}`);
    case undefined:
      return new ConfigError(`cannot reach the Sheets API at ${context.apiRoot}: ${failure.code ?? failure.message}`);
    default:
      return new ConfigError(`the Sheets API refused the ${context.action} of spreadsheet ${id}. ${google}`);
  }
}

function permissionAdvice({ auth, spreadsheetId: id, action }: FailureContext): string {
  const access = action === 'read' ? 'Viewer' : 'Editor';
  switch (auth.kind) {
    case 'service-account':
      return `permission denied for spreadsheet ${id}: share the sheet with the service account ${auth.email} (Share, add ${auth.email} as ${access}), and make sure the Google Sheets API is enabled in its project.`;
    case 'access-token':
      return `permission denied for spreadsheet ${id}: the Google account of the access token cannot open it as ${access}, or the token lacks the spreadsheets scope.`;
    case 'api-key':
      return `permission denied for spreadsheet ${id}: with --api-key the sheet must be shared as "Anyone with the link can view".`;
  }
}

function describeAuth(auth: SheetsAuth): string {
  if (auth.kind === 'service-account') return `service account ${auth.email}`;
  return auth.kind === 'access-token' ? 'an access token' : 'an API key';
}
