import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApiError, applyWrite, checkWrite, columnName, createTab, findTab, quoteTitle, readValues,
  type FakeCell, type FakeSpreadsheet, type FakeTab, type FakeValidation,
} from './fake-sheets-store.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  body: unknown;
  authorization: string | undefined;
}

interface Injected {
  method?: string;
  path?: RegExp;
  status: number;
  times: number;
  retryAfter?: number;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE',
};
const WRITE_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
const GOOGLE_TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';

/**
 * A local stand-in for sheets.googleapis.com (and oauth2.googleapis.com/token) that speaks the
 * Sheets v4 REST shapes the googleapis client sends and expects: spreadsheets.get,
 * values.batchGet, values.batchUpdate, spreadsheets.batchUpdate. Access is checked like Google
 * does it (401 without credentials, 403 when the sheet is not shared, 404 for an unknown id).
 */
export class FakeSheetsServer {
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  readonly requests: RecordedRequest[] = [];
  private readonly injected: Injected[] = [];
  private readonly tokens = new Map<string, { principal: string; write: boolean }>();
  private readonly serviceAccounts = new Map<string, KeyObject>();
  private readonly apiKeys = new Set<string>();
  private server: Server | undefined;
  private issued = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  addToken(token: string, principal = `token:${token}`, write = true): void {
    this.tokens.set(token, { principal, write });
  }

  addServiceAccount(email: string, publicKeyPem: string): void {
    this.serviceAccounts.set(email, createPublicKey(publicKeyPem));
  }

  addApiKey(key: string): void {
    this.apiKeys.add(key);
  }

  addSpreadsheet(id: string, title: string, tabs: Record<string, FakeCell[][]>, access: string[]): FakeSpreadsheet {
    const sheet: FakeSpreadsheet = {
      id, title, access: new Set(access),
      tabs: Object.entries(tabs).map(([name, rows], i) => createTab(i === 0 ? 0 : 1000 + i, name, i, rows)),
    };
    this.spreadsheets.set(id, sheet);
    return sheet;
  }

  tab(id: string, title: string): FakeTab {
    const tab = this.spreadsheets.get(id)?.tabs.find((t) => t.title === title);
    if (!tab) throw new Error(`no tab ${title} in ${id}`);
    return tab;
  }

  /** What a person sees in a tab: formatted values, trailing blanks trimmed. */
  values(id: string, title: string): string[][] {
    return readValues(this.tab(id, title), 'FORMATTED_VALUE') as string[][];
  }

  /** The next `times` matching requests fail with `status` (Google's error body). */
  inject(failure: Injected): void {
    this.injected.push({ ...failure });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = await new Promise<string>((resolve) => {
      let data = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (data += chunk)).on('end', () => resolve(data));
    });
    const query: Record<string, string[]> = {};
    for (const [key, value] of url.searchParams) (query[key] ??= []).push(value);
    const isJson = (req.headers['content-type'] ?? '').includes('json');
    const body = text === '' ? undefined : isJson ? (JSON.parse(text) as unknown) : Object.fromEntries(new URLSearchParams(text));
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, query, body, authorization: req.headers.authorization });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(JSON.stringify(payload));
    };
    const failure = this.injected.find((f) => f.times > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(url.pathname)));
    if (failure) {
      failure.times--;
      const status = STATUS_NAMES[failure.status] ?? 'UNKNOWN';
      const message = failure.status === 429
        ? "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'."
        : failure.status === 403 ? 'The caller does not have permission' : 'Internal error encountered.';
      send(failure.status, { error: { code: failure.status, message, status } }, failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {});
      return;
    }
    try {
      if (url.pathname === '/token' && method === 'POST') return send(200, this.issueToken(body as Record<string, string>));
      send(200, this.route(method, url.pathname, query, body, req.headers.authorization));
    } catch (error) {
      if (error instanceof TokenError) return send(400, { error: 'invalid_grant', error_description: error.message });
      if (!(error instanceof ApiError)) throw error;
      send(error.code, { error: { code: error.code, message: error.message, status: error.status } });
    }
  }

  /** The OAuth 2.0 JWT bearer grant (RFC 7523) as Google's token endpoint implements it. */
  private issueToken(form: Record<string, string>): unknown {
    if (form['grant_type'] !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') throw new TokenError('Invalid grant_type.');
    const [head, payload, signature] = (form['assertion'] ?? '').split('.');
    if (!head || !payload || !signature) throw new TokenError('Invalid JWT.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const key = this.serviceAccounts.get(String(claims['iss']));
    if (!key) throw new TokenError('Invalid JWT: unknown issuer.');
    if (!verify('RSA-SHA256', Buffer.from(`${head}.${payload}`), key, Buffer.from(signature, 'base64url'))) throw new TokenError('Invalid JWT Signature.');
    if (claims['aud'] !== GOOGLE_TOKEN_AUDIENCE || Number(claims['exp']) * 1000 < Date.now()) throw new TokenError('Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.');
    const token = `ya29.fake-${++this.issued}`;
    this.tokens.set(token, { principal: `sa:${String(claims['iss'])}`, write: String(claims['scope']).split(' ').includes(WRITE_SCOPE) });
    return { access_token: token, expires_in: 3599, token_type: 'Bearer' };
  }

  private route(method: string, path: string, query: Record<string, string[]>, body: unknown, authorization: string | undefined): unknown {
    const match = /^\/v4\/spreadsheets\/([^/:]+)(?::(batchUpdate)|\/values:(batchGet|batchUpdate))?$/.exec(path);
    if (!match) throw new ApiError(404, 'NOT_FOUND', `The requested URL ${path} was not found on this server.`);
    const [, id, sheetOperation, valuesOperation] = match;
    const write = method === 'POST';
    const principal = this.authenticate(query, authorization, write);
    const sheet = this.spreadsheets.get(decodeURIComponent(id!));
    if (!sheet) throw new ApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
    if (!sheet.access.has(principal) && !(principal === 'api-key' && sheet.access.has('public'))) {
      throw new ApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
    }
    if (method === 'GET' && !sheetOperation && !valuesOperation) return this.describe(sheet);
    if (method === 'GET' && valuesOperation === 'batchGet') return this.batchGet(sheet, query);
    if (write && valuesOperation === 'batchUpdate') return this.valuesBatchUpdate(sheet, body as { valueInputOption?: string; data?: { range: string; values: unknown[][] }[] });
    if (write && sheetOperation === 'batchUpdate') return this.batchUpdate(sheet, body as { requests?: Record<string, unknown>[] });
    throw new ApiError(404, 'NOT_FOUND', `The requested URL ${path} was not found on this server.`);
  }

  private authenticate(query: Record<string, string[]>, authorization: string | undefined, write: boolean): string {
    const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (bearer !== undefined) {
      const token = this.tokens.get(bearer);
      if (!token) throw new ApiError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
      if (write && !token.write) throw new ApiError(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.');
      return token.principal;
    }
    const key = query['key']?.[0];
    if (key !== undefined) {
      if (!this.apiKeys.has(key)) throw new ApiError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.');
      if (write) throw new ApiError(401, 'UNAUTHENTICATED', 'API keys are not supported by this API. Expected OAuth2 access token or other authentication credentials that assert a principal.');
      return 'api-key';
    }
    throw new ApiError(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
  }

  private describe(sheet: FakeSpreadsheet): unknown {
    return {
      spreadsheetId: sheet.id,
      properties: { title: sheet.title, locale: 'en_US', autoRecalc: 'ON_CHANGE', timeZone: 'Etc/GMT' },
      sheets: sheet.tabs.map((tab) => ({
        properties: {
          sheetId: tab.sheetId, title: tab.title, index: tab.index, sheetType: 'GRID',
          gridProperties: { rowCount: tab.rowCount, columnCount: tab.columnCount, ...(tab.frozenRowCount ? { frozenRowCount: tab.frozenRowCount } : {}) },
        },
      })),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${sheet.id}/edit`,
    };
  }

  private batchGet(sheet: FakeSpreadsheet, query: Record<string, string[]>): unknown {
    const render = query['valueRenderOption']?.[0] ?? 'FORMATTED_VALUE';
    const valueRanges = (query['ranges'] ?? []).map((range) => {
      const { tab, whole } = findTab(sheet, range);
      if (!whole) throw new ApiError(400, 'INVALID_ARGUMENT', `the fake server reads whole tabs only, not ${range}`);
      const values = readValues(tab, render);
      return {
        range: `${quoteTitle(tab.title)}!A1:${columnName(tab.columnCount - 1)}${tab.rowCount}`,
        majorDimension: query['majorDimension']?.[0] ?? 'ROWS',
        ...(values.length > 0 ? { values } : {}),
      };
    });
    return { spreadsheetId: sheet.id, valueRanges };
  }

  private valuesBatchUpdate(sheet: FakeSpreadsheet, body: { valueInputOption?: string; data?: { range: string; values: unknown[][] }[] }): unknown {
    const option = body.valueInputOption;
    if (option !== 'RAW' && option !== 'USER_ENTERED') throw new ApiError(400, 'INVALID_ARGUMENT', "'valueInputOption' is required but not specified");
    const data = body.data ?? [];
    const targets = data.map((item) => checkWrite(sheet, item.range, item.values));
    const responses = targets.map((target, i) => {
      const values = data[i]!.values;
      const cells = applyWrite(target, values, option);
      const lastRow = target.row + values.length;
      return {
        spreadsheetId: sheet.id, updatedRows: values.length, updatedColumns: target.width, updatedCells: cells,
        updatedRange: `${quoteTitle(target.tab.title)}!${columnName(target.column)}${target.row + 1}:${columnName(target.column + target.width - 1)}${lastRow}`,
      };
    });
    return {
      spreadsheetId: sheet.id,
      totalUpdatedRows: responses.reduce((n, r) => n + r.updatedRows, 0),
      totalUpdatedColumns: Math.max(0, ...responses.map((r) => r.updatedColumns)),
      totalUpdatedCells: responses.reduce((n, r) => n + r.updatedCells, 0),
      totalUpdatedSheets: new Set(targets.map((t) => t.tab.sheetId)).size,
      responses,
    };
  }

  /** All requests are checked first and applied together, as Google does. */
  private batchUpdate(sheet: FakeSpreadsheet, body: { requests?: Record<string, unknown>[] }): unknown {
    const requests = body.requests ?? [];
    const draft = structuredClone(sheet.tabs);
    const replies = requests.map((request, i) => {
      const kinds = Object.keys(request);
      if (kinds.length !== 1) throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid requests[${i}]: exactly one kind of request must be set`);
      const kind = kinds[0]!;
      const value = request[kind] as Record<string, unknown>;
      const tabById = (id: unknown) => {
        const tab = draft.find((t) => t.sheetId === id);
        if (!tab) throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid requests[${i}].${kind}: No grid with id: ${String(id)}`);
        return tab;
      };
      switch (kind) {
        case 'addSheet': {
          const properties = (value['properties'] ?? {}) as { sheetId?: number; title?: string; index?: number; gridProperties?: { rowCount?: number; columnCount?: number; frozenRowCount?: number } };
          const title = properties.title ?? `Sheet${draft.length + 1}`;
          if (draft.some((t) => t.title.toLowerCase() === title.toLowerCase())) {
            throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid requests[${i}].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`);
          }
          const sheetId = properties.sheetId ?? Math.max(0, ...draft.map((t) => t.sheetId)) + 1;
          if (draft.some((t) => t.sheetId === sheetId)) throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid requests[${i}].addSheet: Sheet with id ${sheetId} already exists.`);
          const tab = createTab(sheetId, title, draft.length);
          tab.rowCount = properties.gridProperties?.rowCount ?? 1000;
          tab.columnCount = properties.gridProperties?.columnCount ?? 26;
          tab.frozenRowCount = properties.gridProperties?.frozenRowCount ?? 0;
          draft.push(tab);
          return { addSheet: { properties: { sheetId, title, index: tab.index, sheetType: 'GRID', gridProperties: { rowCount: tab.rowCount, columnCount: tab.columnCount } } } };
        }
        case 'appendDimension': {
          const tab = tabById(value['sheetId']);
          const length = Number(value['length']);
          if (!(length > 0)) throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid requests[${i}].appendDimension: length must be positive`);
          if (value['dimension'] === 'ROWS') tab.rowCount += length;
          else if (value['dimension'] === 'COLUMNS') tab.columnCount += length;
          else throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid requests[${i}].appendDimension: dimension must be ROWS or COLUMNS`);
          return {};
        }
        case 'updateSheetProperties': {
          const properties = value['properties'] as { sheetId: number; gridProperties?: { frozenRowCount?: number } };
          const tab = tabById(properties.sheetId);
          if (value['fields'] !== 'gridProperties.frozenRowCount') throw new ApiError(400, 'INVALID_ARGUMENT', `the fake server updates gridProperties.frozenRowCount only`);
          tab.frozenRowCount = properties.gridProperties?.frozenRowCount ?? 0;
          return {};
        }
        case 'setDataValidation': {
          const validation = value as unknown as FakeValidation;
          const tab = tabById(validation.range.sheetId);
          const condition = validation.rule?.condition;
          if (condition && condition.type === 'ONE_OF_LIST' && !(condition.values?.length)) {
            throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid requests[${i}].setDataValidation: ONE_OF_LIST condition needs values`);
          }
          tab.validations = tab.validations.filter((v) => v.range.startColumnIndex !== validation.range.startColumnIndex);
          if (validation.rule) tab.validations.push(validation);
          return {};
        }
        default:
          throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`);
      }
    });
    sheet.tabs = draft;
    return { spreadsheetId: sheet.id, replies };
  }
}

class TokenError extends Error {}
