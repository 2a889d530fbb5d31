#!/usr/bin/env node
// bench/sheets: `trackplan sheets pull` of a 1,000-event x 10-property sheet (10,000 property rows),
// from a CSV export and through the real googleapis client against a local Sheets API, and
// `sheets push` preparation. Baselines measured in the same run: loading the same plan from YAML
// (`loadPlan`), and a bare `fetch` + `JSON.parse` of the same batchGet answer.
// Targets: a pull costs no more than 2x loading the same plan from YAML, a push preparation no more
// than 3x. Needs `npm run build` first. Usage: node bench/sheets.js [--events 1000] [--runs 9]
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { loadPlan } from '../dist/sources/load-plan.js';
import { preparePush } from '../dist/sources/sheets/prepare-push.js';
import { readCsvFolder, writeCsvFolder } from '../dist/sources/sheets/csv-folder.js';
import { pullSheet } from '../dist/sources/sheets/pull.js';
import { createSheetsClient } from '../dist/sources/sheets/google-client.js';
import { fetchSheet } from '../dist/sources/sheets/remote.js';
import { DEFAULT_RETRY } from '../dist/sources/sheets/retry.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 1000);
const RUNS = arg('runs', 9);
const root = path.resolve(import.meta.dirname, '.data/sheets');
const planDir = path.join(root, 'plan');
const csvDir = path.join(root, 'csv');

async function generatePlan() {
  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(planDir, 'events'), { recursive: true });
  await writeFile(path.join(planDir, 'plan.yaml'), 'trackplan: 1\nid: bench\nname: Bench\nversion: 1.0.0\nsources:\n  web: { name: Web, sdk: rudderstack-js }\n');
  await writeFile(path.join(planDir, 'types.yaml'), [
    'types:', '  email: { type: string, format: email, pii: true }', '  money: { type: number, minimum: 0 }',
    'properties:', '  email: { type: email, description: Email }', '  currency: { type: string, enum: [EUR, USD, GBP] }', '',
  ].join('\n'));
  const kinds = [
    (i) => `{ type: string, required: true, description: "Property ${i}, with a comma" }`,
    () => '{ type: integer, minimum: 0, maximum: 1000 }',
    () => '{ type: money }',
    () => '{ required: true }',
    () => '{ type: boolean }',
    () => '{ type: string, enum: [a, b, c], nullable: true }',
    () => '{ type: string, pattern: "^[a-z]+$", maxLength: 40 }',
    () => '{ type: array, items: { properties: { sku: { type: string, required: true }, qty: { type: integer } } } }',
    () => '{ type: object, properties: { street: { type: string }, city: { type: string, required: true } } }',
    () => '{ type: string, format: date-time }',
  ];
  for (let f = 0; f < 20; f++) {
    const lines = ['events:'];
    for (let e = f * (EVENTS / 20); e < (f + 1) * (EVENTS / 20); e++) {
      lines.push(`  event_${e}:`, `    description: Event number ${e}.`, '    owner: team', '    sources: [web]', '    properties:');
      kinds.forEach((kind, p) => lines.push(`      ${p === 3 ? 'email' : `prop_${p}`}: ${kind(p)}`));
    }
    await writeFile(path.join(planDir, 'events', `area_${String(f).padStart(2, '0')}.yaml`), `${lines.join('\n')}\n`);
  }
}

/** A minimal Sheets v4 endpoint serving the CSV's tabs as `spreadsheets.get` and `values.batchGet`. */
async function startApi(data) {
  const titles = [...data.tabs.keys()];
  const describe = JSON.stringify({
    spreadsheetId: 'bench', properties: { title: 'Bench' },
    sheets: titles.map((title, i) => ({ properties: { sheetId: i, title, index: i, gridProperties: { rowCount: 20000, columnCount: 26 } } })),
  });
  const values = (ranges) => JSON.stringify({
    spreadsheetId: 'bench',
    valueRanges: ranges.map((range) => {
      const title = range.replace(/^'|'$/g, '');
      return { range: `'${title}'!A1:Z20000`, majorDimension: 'ROWS', values: data.tabs.get(title) };
    }),
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(url.pathname.endsWith('values:batchGet') ? values(url.searchParams.getAll('ranges').length ? url.searchParams.getAll('ranges') : titles) : describe);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

async function time(fn) {
  await fn();
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

await generatePlan();
const { prepared } = await preparePush(planDir, process.cwd());
await writeCsvFolder(csvDir, prepared.grids);
const rows = prepared.rows.tabs.Properties.length;
const sheet = await readCsvFolder(csvDir);
const { server, url } = await startApi(sheet);
const client = await createSheetsClient({ spreadsheetId: 'bench', auth: { kind: 'access-token', token: 'bench' }, apiRoot: url, write: false, retry: DEFAULT_RETRY });

const yamlLoad = await time(async () => {
  const { plan } = await loadPlan(planDir);
  if (!plan) throw new Error('no plan');
});
const pullCsv = await time(async () => {
  const pulled = await pullSheet(await readCsvFolder(csvDir));
  if (!pulled.files) throw new Error(pulled.diagnostics[0]?.message);
});
const wire = await time(async () => {
  const res = await fetch(`${url}v4/spreadsheets/bench/values:batchGet`);
  JSON.parse(await res.text());
});
const pullApi = await time(async () => {
  const { data } = await fetchSheet(client);
  const pulled = await pullSheet(data);
  if (!pulled.files) throw new Error(pulled.diagnostics[0]?.message);
});
const push = await time(async () => {
  await preparePush(planDir, process.cwd());
});
server.close();

const csvBytes = (await Promise.all([...sheet.tabs.keys()].map((t) => readFile(path.join(csvDir, `${t}.csv`))))).reduce((n, b) => n + b.length, 0);
console.log(`sheet: ${EVENTS} events, ${rows} property rows (${(csvBytes / 1e6).toFixed(1)} MB of CSV); median of ${RUNS} runs`);
console.log(`baseline  loadPlan of the same plan as YAML:            ${yamlLoad.toFixed(1)} ms`);
console.log(`trackplan sheets pull --from-csv (read, check, YAML):    ${pullCsv.toFixed(1)} ms  (${(pullCsv / yamlLoad).toFixed(2)}x the YAML load)`);
console.log(`baseline  fetch + JSON.parse of the batchGet answer:    ${wire.toFixed(1)} ms`);
console.log(`trackplan sheets pull via googleapis (get + batchGet):  ${pullApi.toFixed(1)} ms  (${(pullApi / pullCsv).toFixed(2)}x the CSV pull)`);
console.log(`trackplan sheets push preparation (load, lay out, verify): ${push.toFixed(1)} ms  (${(push / yamlLoad).toFixed(2)}x the YAML load)`);
