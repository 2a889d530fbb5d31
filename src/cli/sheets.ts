import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { ConfigError } from '../core/errors.js';
import { DIAGNOSTIC_REPORTERS, formatDiagnostics, type DiagnosticFormat } from '../report/diagnostics.js';
import { resolveAuth } from '../sources/sheets/auth.js';
import { readCsvFolder, writeCsvFolder } from '../sources/sheets/csv-folder.js';
import { mergeCsvTabs, templateCsvTabs } from '../sources/sheets/csv-push.js';
import { createSheetsClient, type SheetsClient } from '../sources/sheets/google-client.js';
import { preparePush } from '../sources/sheets/prepare-push.js';
import { pullSheet } from '../sources/sheets/pull.js';
import { applyPush, computePush, type TabChange } from '../sources/sheets/push.js';
import { fetchSheet, parseSpreadsheetId } from '../sources/sheets/remote.js';
import { DEFAULT_RETRY } from '../sources/sheets/retry.js';
import type { SheetData } from '../sources/sheets/sheet-data.js';
import { computeTemplate } from '../sources/sheets/template.js';
import { diffPlanFolder, writePlanFolder } from '../sources/sheets/write-plan-folder.js';
import { EXIT, formatOption, type ExitCode, type Io } from './io.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface SheetsConnectionOptions {
  spreadsheet?: string;
  credentials?: string;
  accessToken?: string;
  apiKey?: string;
  apiRoot?: string;
  retries?: string;
  retryDelay?: string;
}

export interface SheetsPullOptions extends SheetsConnectionOptions {
  out: string;
  fromCsv?: string;
  check?: boolean;
  format: DiagnosticFormat;
}

export interface SheetsPushOptions extends SheetsConnectionOptions {
  plan: string;
  toCsv?: string;
  dryRun?: boolean;
}

export interface SheetsTemplateOptions extends SheetsConnectionOptions {
  toCsv?: string;
}

/** `trackplan sheets pull`: the sheet (or its CSV export) becomes the plan folder, or nothing changes. */
export async function runSheetsPull(options: SheetsPullOptions, io: Io, env: Env = process.env): Promise<ExitCode> {
  const data: SheetData = options.fromCsv !== undefined
    ? await readCsvFolder(path.resolve(io.cwd, options.fromCsv))
    : (await fetchSheet(await connect(options, io, env, false))).data;
  const outDir = path.resolve(io.cwd, options.out);
  const schema = await findFormatSchema(io.cwd);
  const schemaPathFor = schema === undefined ? undefined : (file: string) => path.relative(path.dirname(path.join(outDir, file)), schema).split(path.sep).join('/');
  const pulled = await pullSheet(data, schemaPathFor ? { schemaPathFor } : {});
  if (pulled.diagnostics.length > 0 || options.format === 'json') io.stdout(formatDiagnostics(pulled.diagnostics, options.format, io.color));
  if (!pulled.plan || !pulled.files || hasErrors(pulled.diagnostics)) {
    io.stderr(`trackplan sheets pull: the sheet "${data.title}" has errors; nothing was written to ${options.out}\n`);
    return EXIT.error;
  }
  const { plan, files } = pulled;
  const source = options.fromCsv ?? `"${data.title}"`;
  if (options.check) {
    const { changed, removed } = await diffPlanFolder(outDir, files);
    if (changed.length + removed.length === 0) {
      io.stderr(`${options.out} matches ${source} (${plan.id}@${plan.version})\n`);
      return EXIT.clean;
    }
    for (const file of changed) io.stderr(`differs: ${path.posix.join(options.out, file)}\n`);
    for (const file of removed) io.stderr(`not in the sheet: ${path.posix.join(options.out, file)}\n`);
    io.stderr(`${options.out} is out of date with ${source}: run \`trackplan sheets pull\`\n`);
    return EXIT.findings;
  }
  const { changed, removed } = await writePlanFolder(outDir, files, io.cwd);
  io.stderr(`pulled ${plan.id}@${plan.version} from ${source}: ${plan.events.length} planned calls, ${files.size} files in ${options.out} (${changed.length} changed, ${removed.length} removed)\n`);
  return EXIT.clean;
}

/** `trackplan sheets push`: the plan folder becomes the sheet's rows, keeping the order people gave them. */
export async function runSheetsPush(options: SheetsPushOptions, io: Io, env: Env = process.env): Promise<ExitCode> {
  const { diagnostics, prepared } = await preparePush(options.plan, io.cwd);
  if (!prepared) {
    io.stderr(formatDiagnostics(diagnostics, 'pretty', io.color));
    io.stderr(`trackplan sheets push: the plan has errors; the sheet was not changed\n`);
    return EXIT.error;
  }
  for (const note of prepared.rows.notes) io.stderr(`note: ${note}\n`);
  const verb = options.dryRun ? 'would push' : 'pushed';
  const plan = `${prepared.plan.id}@${prepared.plan.version}`;
  if (options.toCsv !== undefined) {
    const dir = path.resolve(io.cwd, options.toCsv);
    const current = await stat(dir).then(() => readCsvFolder(dir), () => undefined).catch(() => undefined);
    const { grids, changes, warnings } = mergeCsvTabs(prepared, current);
    reportWarnings(io, warnings);
    if (!options.dryRun) await writeCsvFolder(dir, grids);
    reportChanges(io, changes);
    io.stderr(`${verb} ${plan} to ${options.toCsv}\n`);
    return EXIT.clean;
  }
  const client = await connect(options, io, env, true);
  const { info, tabs, data } = await fetchSheet(client);
  const computed = computePush(prepared, info, tabs, data.tabs);
  reportWarnings(io, computed.warnings);
  if (!options.dryRun) await applyPush(client, computed);
  reportChanges(io, computed.changes);
  io.stderr(`${verb} ${plan} to "${info.title}"\n`);
  return EXIT.clean;
}

/** `trackplan sheets template`: add the template's tabs, headers and drop-downs. */
export async function runSheetsTemplate(options: SheetsTemplateOptions, io: Io, env: Env = process.env): Promise<ExitCode> {
  if (options.toCsv !== undefined) {
    const dir = path.resolve(io.cwd, options.toCsv);
    const existing = await stat(dir).then(() => readCsvFolder(dir), () => undefined).catch(() => undefined);
    const tabs = new Map([...templateCsvTabs()].filter(([name]) => !existing?.tabs.has(name)));
    await writeCsvFolder(dir, tabs);
    io.stderr(`wrote ${[...tabs.keys()].map((t) => `${t}.csv`).join(', ') || 'nothing (every tab exists)'} in ${options.toCsv}\n`);
    return EXIT.clean;
  }
  const client = await connect(options, io, env, true);
  const { info, tabs, data } = await fetchSheet(client);
  const computed = computeTemplate(info, tabs, data.tabs);
  await client.updateStructure(computed.structure);
  await client.writeValues(computed.writes);
  for (const { tab, action } of computed.report) {
    io.stderr(`${tab}: ${action === 'added' ? 'added with its header row' : action === 'filled' ? 'header row written' : 'has content, left as it is'}\n`);
  }
  return EXIT.clean;
}

async function connect(options: SheetsConnectionOptions, io: Io, env: Env, write: boolean): Promise<SheetsClient> {
  if (options.spreadsheet === undefined) throw new ConfigError('--spreadsheet <id or URL> is required (or --from-csv / --to-csv to work offline)');
  const spreadsheetId = parseSpreadsheetId(options.spreadsheet);
  if (!/^[A-Za-z0-9_-]+$/.test(spreadsheetId)) throw new ConfigError(`--spreadsheet: expected a spreadsheet id or URL, found "${options.spreadsheet}"`);
  const auth = await resolveAuth(options, env, io.cwd);
  if (write && auth.kind === 'api-key') throw new ConfigError('an API key can only read public sheets; push and template need --credentials or --access-token');
  const attempts = parseCount(options.retries, '--retries', DEFAULT_RETRY.attempts - 1) + 1;
  const baseDelayMs = parseCount(options.retryDelay, '--retry-delay', DEFAULT_RETRY.baseDelayMs);
  return createSheetsClient({
    spreadsheetId, auth, write, retry: { ...DEFAULT_RETRY, attempts, baseDelayMs },
    ...(options.apiRoot !== undefined ? { apiRoot: options.apiRoot } : {}),
    onRetry: ({ status, attempt, attempts: total, delayMs }) =>
      io.stderr(`Sheets API answered ${status}; retrying in ${(delayMs / 1000).toFixed(1)}s (attempt ${attempt + 1} of ${total})\n`),
  });
}

function parseCount(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new ConfigError(`${flag}: expected a whole number, found "${text}"`);
  return Number(text);
}

function reportWarnings(io: Io, warnings: readonly Diagnostic[]): void {
  if (warnings.length === 0) return;
  io.stderr(formatDiagnostics(warnings.map((d) => ({ ...d, severity: 'warning' as const })), 'pretty', io.color));
  io.stderr('the sheet keeps these problems after the push; fix them in the sheet\n');
}

function reportChanges(io: Io, changes: readonly TabChange[]): void {
  for (const c of changes) {
    io.stderr(`${c.tab}: ${c.created ? 'new tab, ' : ''}${c.added} added, ${c.removed} removed, ${c.changed} changed\n`);
  }
}

/** The published plan-format schema, for the modeline that lets editors check pulled files. */
async function findFormatSchema(cwd: string): Promise<string | undefined> {
  for (const candidate of ['node_modules/trackplan/schema/plan-format.schema.json', 'schema/plan-format.schema.json']) {
    const file = path.resolve(cwd, candidate);
    if (await stat(file).then((s) => s.isFile(), () => false)) return file;
  }
  return undefined;
}

function connectionOptions(command: Command): Command {
  return command
    .option('--spreadsheet <id>', 'the spreadsheet id or URL')
    .option('--credentials <file>', 'service account key file (default: $GOOGLE_APPLICATION_CREDENTIALS)')
    .option('--access-token <token>', 'OAuth access token, e.g. from `gcloud auth print-access-token` (default: $GOOGLE_OAUTH_ACCESS_TOKEN)')
    .option('--api-key <key>', 'API key: reads a sheet shared as "anyone with the link"')
    .option('--api-root <url>', 'another Sheets-compatible endpoint (default: https://sheets.googleapis.com/)')
    .option('--retries <n>', `retries of a rate-limited or failed call (default ${DEFAULT_RETRY.attempts - 1})`)
    .option('--retry-delay <ms>', `first retry delay, doubled each time (default ${DEFAULT_RETRY.baseDelayMs})`);
}

export function registerSheets(program: Command, io: Io, done: (code: ExitCode) => void): void {
  const sheets = program.command('sheets').description('author the plan in a Google Sheet: template, pull, push');
  connectionOptions(sheets.command('pull').description('write the sheet as plan YAML files (all at once, or nothing on errors)'))
    .option('--out <dir>', 'plan folder to write', 'plans')
    .option('--from-csv <dir>', 'read one CSV file per tab instead of the API')
    .option('--check', 'write nothing; exit 1 when the folder differs from the sheet')
    .addOption(formatOption(DIAGNOSTIC_REPORTERS))
    .action(async (options: SheetsPullOptions) => done(await runSheetsPull(options, io)));
  connectionOptions(sheets.command('push').description('write the plan into the sheet, keeping the order of existing rows'))
    .option('--plan <dir>', 'plan folder', 'plans')
    .option('--to-csv <dir>', 'write one CSV file per tab instead of the API')
    .option('--dry-run', 'say what would change, change nothing')
    .action(async (options: SheetsPushOptions) => done(await runSheetsPush(options, io)));
  connectionOptions(sheets.command('template').description('add the template tabs, header rows and drop-downs to a spreadsheet'))
    .option('--to-csv <dir>', 'write the empty tabs as CSV files instead')
    .action(async (options: SheetsTemplateOptions) => done(await runSheetsTemplate(options, io)));
}
