#!/usr/bin/env node
// bench/interop: `trackplan import` and `trackplan export` of a 1,000-event Segment plan (Public API
// rules, whole-call schemas) and a 1,000-schema Iglu registry (bench/interop-iglu.js), each against
// loading the equivalent YAML plan (`loadPlan`) in the same run. Target: import within 2x of the
// YAML load. Import = read the input + convert + lay out the plan files; export = convert + write.
// npm run build && node bench/interop.js [--events 1000] [--runs 9]
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPlan } from '../dist/sources/load-plan.js';
import { exportFormat } from '../dist/sources/interop/segment/export.js';
import { importFormat } from '../dist/sources/interop/segment/import.js';
import { renderPlanDocuments } from '../dist/sources/interop/write-plan-documents.js';
import { benchIglu, printIglu } from './interop-iglu.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 1000);
const RUNS = arg('runs', 9);
const root = path.resolve(import.meta.dirname, '.data/interop-segment');

/** The 10 properties of every event: every kind of constraint a Segment rule carries. */
const KINDS = [
  '{ type: string, required: true, description: "Id of the thing", maxLength: 64 }',
  '{ type: integer, minimum: 0, maximum: 1000 }',
  '{ type: number, nullable: true }',
  '{ type: string, format: email }',
  '{ type: boolean }',
  '{ type: string, enum: [a, b, c], nullable: true }',
  '{ type: string, pattern: "^[a-z]+$", maxLength: 40 }',
  '{ type: array, items: { type: object, properties: { sku: { type: string, required: true }, qty: { type: integer } } } }',
  '{ type: object, properties: { street: { type: string }, city: { type: string, required: true } } }',
  '{ type: [string, integer], description: A union }',
];

/** A YAML plan of `events` track events in 20 files, and the Segment rules JSON it exports to. */
async function generate(events) {
  await rm(root, { recursive: true, force: true });
  const planDir = path.join(root, 'plan');
  await mkdir(path.join(planDir, 'events'), { recursive: true });
  await writeFile(path.join(planDir, 'plan.yaml'), 'trackplan: 1\nid: bench\nname: Bench\nversion: 1.0.0\n');
  for (let f = 0; f < 20; f++) {
    const lines = ['events:'];
    for (let e = Math.floor((f * events) / 20); e < Math.floor(((f + 1) * events) / 20); e++) {
      lines.push(`  Event ${e} Happened:`, `    description: Event number ${e}.`, '    tags: [area:bench]', '    properties:');
      KINDS.forEach((kind, p) => lines.push(`      prop_${p}: ${kind}`));
    }
    await writeFile(path.join(planDir, 'events', `area_${String(f).padStart(2, '0')}.yaml`), `${lines.join('\n')}\n`);
  }
  const { plan } = await loadPlan(planDir);
  const rules = path.join(root, 'rules.json');
  await writeFile(rules, exportFormat.exportPlan(plan, {}).files.get('rules.json'));
  return { planDir, rules, plan };
}

async function median(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const { planDir, rules, plan } = await generate(EVENTS);
const yaml = await median(RUNS, () => loadPlan(planDir));
let imported = 0;
const importMs = await median(RUNS, async () => {
  const result = importFormat.importPlan([{ path: 'rules.json', text: await readFile(rules, 'utf8') }], {});
  imported = renderPlanDocuments(result.documents).size;
});
const exportMs = await median(RUNS, async () => {
  const { files } = exportFormat.exportPlan(plan, {});
  await writeFile(path.join(root, 'exported.json'), files.get('rules.json'));
});
console.log(`segment plan, ${plan.events.length} events x ${KINDS.length} properties (median of ${RUNS} runs; plan of ${imported} files imported)`);
console.log(`  load YAML plan (baseline)   ${yaml.toFixed(1)} ms`);
console.log(`  import segment              ${importMs.toFixed(1)} ms   ${(importMs / yaml).toFixed(2)}x the YAML load (target <= 2x)`);
console.log(`  export segment (+ write)    ${exportMs.toFixed(1)} ms   ${(exportMs / yaml).toFixed(2)}x the YAML load`);
printIglu(await benchIglu({ events: EVENTS, runs: RUNS }));
