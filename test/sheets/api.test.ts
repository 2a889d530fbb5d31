import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { runSheetsPull } from '../../src/cli/sheets.js';
import { compileOutputs } from '../../src/app/compile.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { tempTree } from '../helpers/temp.js';
import { SERVICE_ACCOUNT, useFakeSheets, writeServiceAccountKey } from './fixtures.js';
import { captureIo, examplePlanFiles, readTree } from './helpers.js';

const fake = useFakeSheets();
let sheetCount = 0;

/** A spreadsheet only `token:<id>-token` may open, and the flags to reach it. */
function newSheet(tabs: Record<string, (string | number | boolean)[][]> = { Sheet1: [] }, access: string[] = []) {
  const id = `1sheet${++sheetCount}AbCdEf`;
  const token = `ya29.${id}-token`;
  fake.server.addToken(token);
  fake.server.addSpreadsheet(id, `Tracking plan ${sheetCount}`, tabs, [`token:${token}`, ...access]);
  const flags = ['--spreadsheet', id, '--api-root', fake.server.url, '--access-token', token, '--retry-delay', '1'];
  return { id, token, flags };
}

async function cli(cwd: string, args: string[]) {
  const io = captureIo(cwd);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

function requestsFor(id: string) {
  return fake.server.requests.filter((r) => r.path.includes(id));
}

describe('sheets template', () => {
  it('adds the tabs with header rows, a frozen header and drop-downs for type, required and PII', async () => {
    const cwd = await tempTree({});
    const { id, flags } = newSheet();
    expect(await cli(cwd, ['sheets', 'template', ...flags])).toMatchObject({ code: 0 });
    const titles = fake.server.spreadsheets.get(id)!.tabs.map((t) => t.title);
    expect(titles).toEqual(['Sheet1', 'Plan', 'Sources', 'Types', 'Events', 'Properties']);
    expect(fake.server.values(id, 'Properties')).toEqual([[
      'Event', 'Property', 'Type', 'Required', 'Nullable', 'Allowed values', 'Format', 'Pattern', 'Min', 'Max',
      'Min length', 'Max length', 'PII', 'Deprecated', 'Additional properties', 'Description',
    ]]);
    expect(fake.server.values(id, 'Plan')).toEqual([['Setting', 'Value']]);
    const properties = fake.server.tab(id, 'Properties');
    expect(properties.frozenRowCount).toBe(1);
    const byColumn = new Map(properties.validations.map((v) => [v.range.startColumnIndex, v]));
    expect(byColumn.get(2)!.rule!.condition.values!.map((v) => v.userEnteredValue)).toEqual(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null', 'any']);
    expect(byColumn.get(3)!.rule).toEqual({ condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'TRUE' }, { userEnteredValue: 'FALSE' }] }, strict: false, showCustomUi: true });
    expect(byColumn.get(12)!.range).toEqual({ sheetId: properties.sheetId, startRowIndex: 1, startColumnIndex: 12, endColumnIndex: 13 });
    expect(fake.server.tab(id, 'Events').validations.map((v) => v.range.startColumnIndex)).toEqual([1, 7, 9, 11]);
  });

  it('leaves a tab with content alone and fills an empty one', async () => {
    const cwd = await tempTree({});
    const { id, flags } = newSheet({ Plan: [['Setting', 'Value'], ['id', 'kept']], events: [] });
    const result = await cli(cwd, ['sheets', 'template', ...flags]);
    expect(result.err).toContain('Plan: has content, left as it is');
    expect(result.err).toContain('events: header row written');
    expect(fake.server.values(id, 'Plan')).toEqual([['Setting', 'Value'], ['id', 'kept']]);
    expect(fake.server.values(id, 'events')[0]![0]).toBe('Event');
  });
});

describe('sheets push and pull against the Sheets API', () => {
  it('round-trips the example plan: push, then pull with a service account, builds byte-identical output', async () => {
    const cwd = await tempTree(await examplePlanFiles());
    const { id, flags } = newSheet({ Sheet1: [] }, [`sa:${SERVICE_ACCOUNT}`]);
    expect(await cli(cwd, ['sheets', 'push', '--plan', 'plans', ...flags])).toMatchObject({ code: 0 });
    expect(fake.server.values(id, 'Events')[1]).toEqual(['form_submit', 'track', 'leads', "A form on the marketing site was submitted (sent by Basin's webhook and the site).", 'marketing', 'marketing-site, basin-inbound', 'lead']);

    const key = await writeServiceAccountKey(fake.server, cwd);
    const before = fake.server.requests.length;
    const pull = await cli(cwd, ['sheets', 'pull', '--spreadsheet', `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`, '--api-root', fake.server.url, '--credentials', key, '--out', 'pulled']);
    expect(pull).toMatchObject({ code: 0 });
    const calls = fake.server.requests.slice(before).map((r) => `${r.method} ${r.path.replace(id, 'ID')}`);
    expect(calls).toEqual(['POST /token', 'GET /v4/spreadsheets/ID', 'GET /v4/spreadsheets/ID/values:batchGet']);
    expect(fake.server.requests.at(-1)!.query['ranges']).toEqual(["'Plan'", "'Sources'", "'Types'", "'Events'", "'Properties'"]);
    expect(fake.server.requests.at(-1)!.authorization).toMatch(/^Bearer ya29\.fake-\d+$/);

    const built = async (dir: string) => (await compileOutputs((await loadPlan(dir, { cwd })).plan!)).files;
    expect(await built('pulled')).toEqual(await built('plans'));
    await cli(cwd, ['sheets', 'push', '--plan', 'plans', '--to-csv', 'csv']);
    await cli(cwd, ['sheets', 'pull', '--from-csv', 'csv', '--out', 'from-csv']);
    expect(await readTree(path.join(cwd, 'pulled'))).toEqual(await readTree(path.join(cwd, 'from-csv')));
  });

  it('keeps the order of existing rows and the notes people wrote, clears rows the plan dropped', async () => {
    const cwd = await tempTree({
      'plans/plan.yaml': 'trackplan: 1\nid: shop\nname: Shop\nversion: 1.0.0\n',
      'plans/events.yaml': [
        'events:',
        '  Product Viewed: { properties: { sku: { type: string, required: true } } }',
        '  Cart Viewed: {}',
        '  Order Completed:',
        '    properties:',
        '      order_id: { type: string, required: true }',
        '      total: { type: number, minimum: 0 }',
        '',
      ].join('\n'),
    });
    const { id, flags } = newSheet({
      Events: [
        ['Notes', 'Event', 'Call type', 'Description'],
        ['checkout', 'Order Completed', 'track', 'old text'],
        [],
        ['browse', 'Product Viewed', 'track'],
        ['gone', 'Product Removed', 'track'],
      ],
      Properties: [
        ['Event', 'Property', 'Type', 'Required'],
        ['Order Completed', 'total', 'number'],
        ['', 'order_id', 'string', 'yes'],
        ['', 'coupon', 'string'],
        ['Product Viewed', 'sku', 'string', 'x'],
      ],
    });
    expect(await cli(cwd, ['sheets', 'push', '--plan', 'plans', ...flags])).toMatchObject({ code: 0 });
    const events = fake.server.values(id, 'Events');
    expect(events.map((row) => [row[0] ?? '', row[1] ?? ''])).toEqual([
      ['Notes', 'Event'], ['checkout', 'Order Completed'], ['', ''], ['browse', 'Product Viewed'], ['', 'Cart Viewed'],
    ]);
    expect(events[1]).toEqual(['checkout', 'Order Completed', 'track']);
    const properties = fake.server.values(id, 'Properties');
    expect(properties.map((row) => row.slice(0, 4))).toEqual([
      ['Event', 'Property', 'Type', 'Required'],
      ['Order Completed', 'total', 'number', ''],
      ['Order Completed', 'order_id', 'string', 'TRUE'],
      ['Product Viewed', 'sku', 'string', 'TRUE'],
    ]);
    expect(properties[0]).toContain('Min');
  });

  it('grows a tab whose grid is too small for the plan', async () => {
    const cwd = await tempTree(await examplePlanFiles());
    const { id, flags } = newSheet({ Properties: [['Event', 'Property']] });
    fake.server.tab(id, 'Properties').rowCount = 10;
    expect(await cli(cwd, ['sheets', 'push', '--plan', 'plans', ...flags])).toMatchObject({ code: 0 });
    const update = requestsFor(id).find((r) => r.path.endsWith(':batchUpdate'))!.body as { requests: Record<string, unknown>[] };
    const rows = fake.server.values(id, 'Properties').length;
    expect(rows).toBeGreaterThan(50);
    expect(update.requests).toContainEqual({ appendDimension: { sheetId: fake.server.tab(id, 'Properties').sheetId, dimension: 'ROWS', length: rows - 10 } });
    expect(fake.server.tab(id, 'Properties').rowCount).toBe(rows);
  });

  it('reads a public sheet with an API key and refuses to write with one', async () => {
    const cwd = await tempTree(await examplePlanFiles());
    const { id, flags } = newSheet({ Sheet1: [] }, ['public']);
    await cli(cwd, ['sheets', 'push', '--plan', 'plans', ...flags]);
    fake.server.addApiKey('AIzaSyFakeKey');
    const keyFlags = ['--spreadsheet', id, '--api-root', fake.server.url, '--api-key', 'AIzaSyFakeKey'];
    expect(await cli(cwd, ['sheets', 'pull', ...keyFlags, '--out', 'pulled'])).toMatchObject({ code: 0 });
    expect(requestsFor(id).at(-1)!.query['key']).toEqual(['AIzaSyFakeKey']);
    const push = await cli(cwd, ['sheets', 'push', ...keyFlags]);
    expect(push.code).toBe(2);
    expect(push.err).toContain('an API key can only read public sheets');
  });

  it('takes credentials from GOOGLE_OAUTH_ACCESS_TOKEN and GOOGLE_APPLICATION_CREDENTIALS', async () => {
    const cwd = await tempTree(await examplePlanFiles());
    const { id, token, flags } = newSheet({ Sheet1: [] }, [`sa:env-reader@acme-analytics.iam.gserviceaccount.com`]);
    await cli(cwd, ['sheets', 'push', '--plan', 'plans', ...flags]);
    const options = { spreadsheet: id, apiRoot: fake.server.url, format: 'pretty' as const, out: 'a' };
    expect(await runSheetsPull(options, captureIo(cwd), { GOOGLE_OAUTH_ACCESS_TOKEN: token })).toBe(0);
    expect(requestsFor(id).at(-1)!.authorization).toBe(`Bearer ${token}`);
    const key = await writeServiceAccountKey(fake.server, cwd, 'env-reader@acme-analytics.iam.gserviceaccount.com');
    expect(await runSheetsPull({ ...options, out: 'b' }, captureIo(cwd), { GOOGLE_APPLICATION_CREDENTIALS: path.basename(key) })).toBe(0);
    expect(await readTree(path.join(cwd, 'b'))).toEqual(await readTree(path.join(cwd, 'a')));
  });
});

describe('a sheet people typed into, read through the API', () => {
  it('reads typed booleans and numbers as displayed, blank rows, merged-looking event cells and trailing spaces', async () => {
    const cwd = await tempTree({});
    const { flags } = newSheet({
      Plan: [['Setting', 'Value'], ['id', 'shop '], ['name', 'Shop'], ['version', '2.0.0'], ['policy.propagate_violations', false]],
      Events: [['Event', 'Call type', 'Notes'], ['Order Completed ', 'track', 'from the backend'], [], ['Signed Up', '', '']],
      Properties: [
        ['Event', 'Property', 'Type', 'Required', 'Min', 'Max', 'Notes'],
        ['Order Completed', 'total', 'number', true, 0, 1000000, 'USD'],
        ['', 'items', 'integer', 'x', 1, '', ''],
        [],
        ['Signed Up', 'plan', 'string', 'yes', '', '', ''],
      ],
    });
    const result = await cli(cwd, ['sheets', 'pull', ...flags, '--out', 'plans']);
    expect(result).toMatchObject({ code: 0, out: '' });
    const files = await readTree(path.join(cwd, 'plans'));
    expect(files.get('plan.yaml')).toBe('trackplan: 1\nid: shop\nname: Shop\nversion: 2.0.0\n\npolicy:\n  propagate_violations: false\n');
    expect(files.get('events.yaml')).toBe([
      'events:',
      '  Order Completed:',
      '    properties:',
      '      total: { type: number, required: true, minimum: 0, maximum: 1000000 }',
      '      items: { type: integer, required: true, minimum: 1 }',
      '',
      '  Signed Up:',
      '    properties:',
      '      plan: { type: string, required: true }',
      '',
    ].join('\n'));
  });

  it('pushes into a sheet with a column it does not know, keeping the column and warning about it', async () => {
    const cwd = await tempTree(await examplePlanFiles());
    const { id, flags } = newSheet({ Events: [['Event', 'Call type', 'Colour'], ['page', 'page', 'blue']] });
    const result = await cli(cwd, ['sheets', 'push', '--plan', 'plans', ...flags]);
    expect(result.code).toBe(0);
    expect(result.err).toContain('Events!C1  warning  unknown column "Colour" in the Events tab');
    expect(result.err).toContain('the sheet keeps these problems after the push');
    const events = fake.server.values(id, 'Events');
    expect(events.map((row) => row[0])).toEqual(['Event', 'form_submit', 'user_sign_up', 'signup_completed', 'identify', 'source_created', 'connection_created', 'first_event_received', 'event_volume_reported', 'group', 'opportunity_stage_changed', 'page']);
    expect(events.at(-1)!.slice(0, 3)).toEqual(['page', 'page', 'blue']);
  });
});

describe('Sheets API errors', () => {
  it('403: says to share the sheet with the service account, naming its email', async () => {
    const cwd = await tempTree({});
    const { id } = newSheet();
    const key = await writeServiceAccountKey(fake.server, cwd, 'stranger@acme-analytics.iam.gserviceaccount.com');
    const result = await cli(cwd, ['sheets', 'pull', '--spreadsheet', id, '--api-root', fake.server.url, '--credentials', key]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`permission denied for spreadsheet ${id}: share the sheet with the service account stranger@acme-analytics.iam.gserviceaccount.com (Share, add stranger@acme-analytics.iam.gserviceaccount.com as Viewer)`);
    expect(result.err).toContain('(403 PERMISSION_DENIED: The caller does not have permission)');
  });

  it('404: names the spreadsheet id', async () => {
    const cwd = await tempTree({});
    const { flags } = newSheet();
    const result = await cli(cwd, ['sheets', 'pull', ...flags, '--spreadsheet', '1NoSuchSheet']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('spreadsheet 1NoSuchSheet not found: check --spreadsheet');
  });

  it('429 then success: retried with backoff, and the pull completes', async () => {
    const cwd = await tempTree(await examplePlanFiles());
    const { id, flags } = newSheet();
    await cli(cwd, ['sheets', 'push', '--plan', 'plans', ...flags]);
    fake.server.inject({ path: /values:batchGet$/, status: 429, times: 2 });
    const result = await cli(cwd, ['sheets', 'pull', ...flags, '--out', 'pulled']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.err).toMatch(/Sheets API answered 429; retrying in \d+\.\ds \(attempt 2 of 5\)\nSheets API answered 429; retrying in \d+\.\ds \(attempt 3 of 5\)\n/);
    expect(requestsFor(id).filter((r) => r.path.endsWith('values:batchGet')).slice(-3)).toHaveLength(3);
  });

  it('waits as long as a Retry-After header says', async () => {
    const cwd = await tempTree({});
    const { flags } = newSheet();
    fake.server.inject({ path: /AbCdEf$/, status: 503, times: 1, retryAfter: 0 });
    const result = await cli(cwd, ['sheets', 'template', ...flags, '--retry-delay', '60000']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.err).toContain('Sheets API answered 503; retrying in 0.0s (attempt 2 of 5)');
  });

  it('500 every time: retried, then reported with the number of attempts; nothing written', async () => {
    const cwd = await tempTree({});
    const { id, flags } = newSheet();
    fake.server.inject({ path: new RegExp(`${id}$`), status: 500, times: 3 });
    const result = await cli(cwd, ['sheets', 'pull', ...flags, '--retries', '2', '--out', 'pulled']);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`the Sheets API did not answer the read of spreadsheet ${id} after 3 attempts (with backoff); try again later. (500 INTERNAL: Internal error encountered.)`);
    expect(requestsFor(id)).toHaveLength(3);
    await expect(readTree(path.join(cwd, 'pulled'))).rejects.toThrow(/ENOENT/);
  });

  it('a 500 on adding tabs is not retried (it may have been applied); a 429 is', async () => {
    const cwd = await tempTree(await examplePlanFiles());
    const { id, flags } = newSheet();
    fake.server.inject({ path: /:batchUpdate$/, method: 'POST', status: 429, times: 1 });
    expect(await cli(cwd, ['sheets', 'push', '--plan', 'plans', ...flags])).toMatchObject({ code: 0 });
    const { id: id2, flags: flags2 } = newSheet();
    fake.server.inject({ path: new RegExp(`${id2}:batchUpdate$`), method: 'POST', status: 500, times: 1 });
    const failed = await cli(cwd, ['sheets', 'push', '--plan', 'plans', ...flags2]);
    expect(failed.code).toBe(2);
    expect(failed.err).toContain(`the Sheets API refused the update of spreadsheet ${id2}`);
    expect(requestsFor(id2).filter((r) => r.path.endsWith(':batchUpdate'))).toHaveLength(1);
    expect(fake.server.values(id, 'Events').length).toBeGreaterThan(1);
  });

  it('a key the token endpoint does not know is reported with the service account and key file', async () => {
    const cwd = await tempTree({});
    const { id } = newSheet();
    const key = await writeServiceAccountKey(fake.server, cwd, 'deleted@acme-analytics.iam.gserviceaccount.com', false);
    const result = await cli(cwd, ['sheets', 'pull', '--spreadsheet', id, '--api-root', fake.server.url, '--credentials', key]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`the token endpoint ${fake.server.url}token refused the service account key of deleted@acme-analytics.iam.gserviceaccount.com (${key})`);
    expect(result.err).toContain('invalid_grant');
  });
});
