import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/index.js';
import { ConfigError } from '../../core/errors.js';
import type { Grid } from './a1.js';
import { quoteTitle } from './a1.js';
import { describeFailure, retryableFailure } from './api-errors.js';
import type { SheetsAuth } from './auth.js';
import { withRetry, type RetryNotice, type RetryPolicy } from './retry.js';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
/** The googleapis major trackplan is tested with (its optional peer dependency). */
export const GOOGLEAPIS_MAJOR = 171;
export const DEFAULT_API_ROOT = 'https://sheets.googleapis.com/';
const SCOPE_READ = 'https://www.googleapis.com/auth/spreadsheets.readonly';
const SCOPE_WRITE = 'https://www.googleapis.com/auth/spreadsheets';

export interface TabInfo {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
}

export interface SpreadsheetInfo {
  title: string;
  tabs: TabInfo[];
}

export interface SheetsClientOptions {
  spreadsheetId: string;
  auth: SheetsAuth;
  /** Another Sheets-compatible endpoint (tests use a local one). */
  apiRoot?: string;
  write: boolean;
  retry: RetryPolicy;
  onRetry?: (notice: RetryNotice) => void;
}

/** The four Sheets v4 calls trackplan makes, with retries and errors that say what to do. */
export interface SheetsClient {
  getSpreadsheet(): Promise<SpreadsheetInfo>;
  /** Formatted values of whole tabs, in one `values.batchGet`. */
  readTabs(titles: readonly string[]): Promise<Map<string, Grid>>;
  updateStructure(requests: sheets_v4.Schema$Request[]): Promise<void>;
  writeValues(data: { title: string; startRow: number; values: Grid }[]): Promise<void>;
}

export async function createSheetsClient(options: SheetsClientOptions): Promise<SheetsClient> {
  // The Sheets module alone loads in a tenth of the time of the whole googleapis package.
  const { sheets, auth: authPlus } = await importSheetsApi();
  const apiRoot = options.apiRoot ?? DEFAULT_API_ROOT;
  const api = sheets({ version: 'v4', rootUrl: apiRoot, auth: createAuth(authPlus, options.auth, options.write) });
  const spreadsheetId = options.spreadsheetId;
  // gaxios retries on its own by default; trackplan retries itself so that it can say so and count.
  const request = { retry: false } as const;
  const call = async <T>(action: string, run: () => Promise<T>, idempotent = true): Promise<T> => {
    try {
      return await withRetry(run, options.retry, (error) => (idempotent || readStatus(error) === 429 ? retryableFailure(error) : undefined), options.onRetry);
    } catch (error) {
      throw describeFailure(error, { spreadsheetId, auth: options.auth, apiRoot, action });
    }
  };
  return {
    async getSpreadsheet() {
      const response = await call('read', () => api.spreadsheets.get({ spreadsheetId, fields: 'properties.title,sheets.properties', includeGridData: false }, request));
      return {
        title: response.data.properties?.title ?? spreadsheetId,
        tabs: (response.data.sheets ?? []).map((sheet) => ({
          sheetId: sheet.properties?.sheetId ?? 0,
          title: sheet.properties?.title ?? '',
          rowCount: sheet.properties?.gridProperties?.rowCount ?? 0,
          columnCount: sheet.properties?.gridProperties?.columnCount ?? 0,
        })),
      };
    },
    async readTabs(titles) {
      if (titles.length === 0) return new Map();
      const response = await call('read', () =>
        api.spreadsheets.values.batchGet({ spreadsheetId, ranges: titles.map(quoteTitle), valueRenderOption: 'FORMATTED_VALUE', majorDimension: 'ROWS' }, request),
      );
      const ranges = response.data.valueRanges ?? [];
      return new Map(titles.map((title, i) => [title, (ranges[i]?.values ?? []).map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))))]));
    },
    async updateStructure(requests) {
      if (requests.length === 0) return;
      // Adding a tab twice fails, so only a rate limit (nothing was done) is retried here.
      await call('update', () => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }, request), false);
    },
    async writeValues(data) {
      if (data.length === 0) return;
      const body = data.map((d) => ({ range: `${quoteTitle(d.title)}!A${d.startRow + 1}`, majorDimension: 'ROWS', values: d.values }));
      // RAW: what trackplan writes is text, never a formula or a date to be guessed.
      await call('write', () => api.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: 'RAW', data: body } }, request));
    },
  };
}

function readStatus(error: unknown): number | undefined {
  return (error as { response?: { status?: number } }).response?.status;
}

/**
 * googleapis is an optional peer dependency (most of an install's size, needed only here): a
 * project without it gets told how to add it instead of a module-not-found stack.
 */
async function importSheetsApi(): Promise<typeof import('googleapis/build/src/apis/sheets/index.js')> {
  try {
    return await import('googleapis/build/src/apis/sheets/index.js');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && /'googleapis'/.test((error as Error).message);
    if (!missing) throw error;
    throw new ConfigError(`trackplan sheets talks to Google Sheets through googleapis, which is not installed: run \`npm install googleapis@${GOOGLEAPIS_MAJOR}\` (or use --from-csv / --to-csv offline)`);
  }
}

type AuthPlus = (typeof import('googleapis/build/src/apis/sheets/index.js'))['auth'];

function createAuth(authPlus: AuthPlus, auth: SheetsAuth, write: boolean): string | InstanceType<AuthPlus['OAuth2']> {
  if (auth.kind === 'api-key') return auth.key;
  if (auth.kind === 'access-token') {
    const client = new authPlus.OAuth2();
    client.setCredentials({ access_token: auth.token });
    return client;
  }
  const jwt = new authPlus.JWT({
    email: auth.email, key: auth.privateKey, scopes: [write ? SCOPE_WRITE : SCOPE_READ],
    ...(auth.keyId !== undefined ? { keyId: auth.keyId } : {}),
  });
  // google-auth-library always posts to Google's token URL; honour the key file's `token_uri` as
  // Google's other clients do (private clouds, emulators and the tests' local server use it).
  const tokenUri = auth.tokenUri;
  if (tokenUri !== undefined && tokenUri !== GOOGLE_TOKEN_URL) {
    jwt.transporter.interceptors.request.add({
      resolved: async (config) => {
        if (String(config.url) === GOOGLE_TOKEN_URL) config.url = new URL(tokenUri);
        return config;
      },
    });
  }
  return jwt;
}
