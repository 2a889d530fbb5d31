import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { tempTree } from '../helpers/temp.js';
import { captureIo, examplePlanFiles, readTree } from './helpers.js';

async function cli(cwd: string, ...args: string[]) {
  const io = captureIo(cwd);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

const PLAN_CSV = 'Setting,Value\nid,shop\nname,Shop\nversion,1.0.0\n';
const EVENTS_CSV = 'Event,Call type\nOrder Completed,track\n';

describe('sheets pull --from-csv', () => {
  it('reports errors at their cells and writes nothing: the existing plan folder stays as it was', async () => {
    const cwd = await tempTree({
      'sheet/Plan.csv': PLAN_CSV,
      'sheet/Events.csv': EVENTS_CSV,
      'sheet/Properties.csv': 'Event,Property,Type,Required\nOrder Completed,order_id,string,TRUE\n,total,strng,maybe\n',
      'plans/plan.yaml': 'trackplan: 1\nid: old\nname: Old\nversion: 0.1.0\n',
    });
    const before = await readTree(path.join(cwd, 'plans'));
    const result = await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet');
    expect(result.code).toBe(2);
    expect(result.out).toContain('Properties!C3  error  unknown type "strng" (did you mean "string"?)');
    expect(result.out).toContain('Properties!D3  error  Required: expected TRUE or FALSE (or yes/no, x, 1/0; blank means not set), found "maybe"  sheet-invalid-value');
    expect(result.err).toContain('nothing was written to plans');
    expect(await readTree(path.join(cwd, 'plans'))).toEqual(before);
  });

  it('prints JSON diagnostics with sheet and cell', async () => {
    const cwd = await tempTree({ 'sheet/Plan.csv': PLAN_CSV, 'sheet/Events.csv': 'Event,Call type,Colour\nA,track,red\n' });
    const result = await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet', '--format', 'json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.out).diagnostics).toEqual([{
      sheet: 'Events', cell: 'C1', ruleId: 'sheet-unknown-column', messageId: 'unknownColumn', severity: 'error',
      message: expect.stringContaining('unknown column "Colour" in the Events tab; expected one of: Event, Call type, Category') as unknown,
    }]);
  });

  it('reads CSV files named the way Google Sheets names downloads, and reports broken CSV at its cell', async () => {
    const ok = await tempTree({ 'sheet/Shop plan - Plan.csv': PLAN_CSV, 'sheet/Shop plan - Events.csv': EVENTS_CSV });
    expect(await cli(ok, 'sheets', 'pull', '--from-csv', 'sheet')).toMatchObject({ code: 0 });
    expect(await readTree(path.join(ok, 'plans'))).toEqual(new Map([
      ['events.yaml', 'events:\n  Order Completed: {}\n'],
      ['plan.yaml', 'trackplan: 1\nid: shop\nname: Shop\nversion: 1.0.0\n'],
    ]));
    const broken = await tempTree({ 'sheet/Plan.csv': PLAN_CSV, 'sheet/Events.csv': 'Event,Description\nA,"unclosed\n' });
    const result = await cli(broken, 'sheets', 'pull', '--from-csv', 'sheet');
    expect(result.code).toBe(2);
    expect(result.out).toContain('Events!B2  error  CSV syntax error: a quoted field is not closed');
  });

  it('replaces the plan files of the folder at once, keeping files that are not plan files', async () => {
    const cwd = await tempTree({
      'sheet/Plan.csv': PLAN_CSV,
      'sheet/Events.csv': EVENTS_CSV,
      'plans/README.md': 'hand-written\n',
      'plans/events/stale.yaml': 'events: { old: {} }\n',
      'plans/.drafts/idea.yaml': 'kept: true\n',
    });
    const result = await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet');
    expect(result).toMatchObject({ code: 0 });
    expect(result.err).toContain('pulled shop@1.0.0 from sheet: 1 planned calls, 2 files in plans (2 changed, 1 removed)');
    expect([...(await readTree(path.join(cwd, 'plans'))).keys()]).toEqual(['.drafts/idea.yaml', 'README.md', 'events.yaml', 'plan.yaml']);
  });

  it('--check says whether the folder matches the sheet and writes nothing', async () => {
    const cwd = await tempTree({ 'sheet/Plan.csv': PLAN_CSV, 'sheet/Events.csv': EVENTS_CSV });
    const stale = await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet', '--check');
    expect(stale.code).toBe(1);
    expect(stale.err).toContain('differs: plans/events.yaml');
    await expect(readTree(path.join(cwd, 'plans'))).rejects.toThrow(/ENOENT/);
    await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet');
    expect(await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet', '--check')).toMatchObject({ code: 0 });
  });

  it('refuses to swap out the current folder', async () => {
    const cwd = await tempTree({ 'sheet/Plan.csv': PLAN_CSV });
    const result = await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet', '--out', '.');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--out . is the current folder or one of its parents');
  });
});

describe('sheets push --to-csv and template --to-csv', () => {
  it('--dry-run tells what would change and writes nothing', async () => {
    const cwd = await tempTree(await examplePlanFiles());
    const result = await cli(cwd, 'sheets', 'push', '--to-csv', 'sheet', '--dry-run');
    expect(result).toMatchObject({ code: 0 });
    expect(result.err).toContain('Events: new tab, 11 added, 0 removed, 0 changed');
    expect(result.err).toContain('would push rudderstack-funnel@1.0.0 to sheet');
    await expect(readTree(path.join(cwd, 'sheet'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a plan with errors and changes nothing', async () => {
    const cwd = await tempTree({ 'plans/plan.yaml': 'trackplan: 1\nid: a\nname: A\nversion: one\n' });
    const result = await cli(cwd, 'sheets', 'push', '--to-csv', 'sheet');
    expect(result.code).toBe(2);
    expect(result.err).toContain('plans/plan.yaml:4:10  error  version: expected a semantic version');
    await expect(readTree(path.join(cwd, 'sheet'))).rejects.toThrow(/ENOENT/);
  });

  it('writes the empty template, one CSV per tab', async () => {
    const cwd = await tempTree({});
    expect(await cli(cwd, 'sheets', 'template', '--to-csv', 'sheet')).toMatchObject({ code: 0 });
    const files = await readTree(path.join(cwd, 'sheet'));
    expect([...files.keys()]).toEqual(['Events.csv', 'Plan.csv', 'Properties.csv', 'Sources.csv', 'Types.csv']);
    expect(files.get('Plan.csv')).toBe('Setting,Value\r\n');
    expect(files.get('Sources.csv')).toBe('Source id,Name,SDK,Description,Code paths\r\n');
  });
});

describe('sheets usage errors', () => {
  it.each([
    [['sheets', 'pull'], '--spreadsheet <id or URL> is required'],
    [['sheets', 'pull', '--spreadsheet', 'abc'], 'no Google credentials: pass --credentials'],
    [['sheets', 'pull', '--spreadsheet', 'abc', '--access-token', 't', '--api-key', 'k'], 'use one way to sign in, not --access-token and --api-key'],
    [['sheets', 'pull', '--spreadsheet', 'a/b?c', '--access-token', 't'], '--spreadsheet: expected a spreadsheet id or URL, found "a/b?c"'],
    [['sheets', 'pull', '--spreadsheet', 'abc', '--credentials', 'missing.json'], 'cannot read the service account key'],
    [['sheets', 'pull', '--spreadsheet', 'abc', '--access-token', 't', '--retries', 'many'], '--retries: expected a whole number, found "many"'],
    [['sheets', 'pull', '--from-csv', 'nowhere'], 'cannot read the CSV folder'],
  ])('%j', async (args, message) => {
    const cwd = await tempTree({});
    const result = await cli(cwd, ...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });

  it('says when a key file holds user credentials rather than a service account', async () => {
    const cwd = await tempTree({ 'adc.json': JSON.stringify({ type: 'authorized_user', client_id: 'x', refresh_token: 'y' }) });
    const result = await cli(cwd, 'sheets', 'pull', '--spreadsheet', 'abc', '--credentials', 'adc.json');
    expect(result.code).toBe(2);
    expect(result.err).toContain('holds user credentials (gcloud application-default login); pass --access-token');
  });
});

describe('a plan the sheet cannot hold', () => {
  it('is refused with the place that would change, and nothing is written', async () => {
    const cwd = await tempTree({
      'plans/plan.yaml': 'trackplan: 1\nid: a\nname: A\nversion: 1.0.0\nevents:\n  e:\n    properties:\n      p: { type: string, description: "  padded  " }\n',
    });
    const result = await cli(cwd, 'sheets', 'push', '--to-csv', 'sheet');
    expect(result.code).toBe(2);
    expect(result.err).toContain('the plan cannot be written to the sheet template without changing it (at events[0].properties[0].description: the sheet would read it back differently');
    await expect(readTree(path.join(cwd, 'sheet'))).rejects.toThrow(/ENOENT/);
  });
});

describe('sheets push --to-csv into an existing export', () => {
  it('keeps the order of existing rows and the notes column, like a push into the sheet', async () => {
    const cwd = await tempTree({
      'plans/plan.yaml': 'trackplan: 1\nid: a\nname: A\nversion: 1.0.0\nevents:\n  first: {}\n  second: {}\n  third: {}\n',
      'sheet/Events.csv': 'Event,Notes\nthird,keep me\nfirst,\ngone,\n',
    });
    const result = await cli(cwd, 'sheets', 'push', '--to-csv', 'sheet');
    expect(result.err).toContain('Events: 1 added, 1 removed, 2 changed');
    const events = (await readTree(path.join(cwd, 'sheet'))).get('Events.csv')!.split('\r\n').map((line) => line.split(',').slice(0, 3));
    expect(events).toEqual([['Event', 'Notes', 'Call type'], ['third', 'keep me', 'track'], ['first', '', 'track'], ['second', '', 'track'], ['']]);
    expect(await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet', '--out', 'pulled')).toMatchObject({ code: 0 });
    expect((await readTree(path.join(cwd, 'pulled'))).get('events.yaml')).toBe('events:\n  third: {}\n\n  first: {}\n\n  second: {}\n');
  });
});
