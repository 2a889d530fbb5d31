#!/usr/bin/env node
// bench/interop-iglu: `trackplan import iglu` of a 1,000-schema Iglu registry folder and `trackplan
// export iglu` of the same plan, against loading the equivalent YAML plan (`loadPlan`) in the same
// run. Target: import within 2x of the YAML load. `bench/interop.js` runs it as its Iglu case; alone:
// npm run build && node bench/interop-iglu.js [--events 1000] [--runs 9]
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPlan } from '../dist/sources/load-plan.js';
import { exportFormat } from '../dist/sources/interop/iglu/export.js';
import { importFormat } from '../dist/sources/interop/iglu/import.js';
import { readInputs } from '../dist/sources/interop/read-inputs.js';
import { renderPlanDocuments } from '../dist/sources/interop/write-plan-documents.js';

const root = path.resolve(import.meta.dirname, '.data/interop-iglu');

/** The 10 properties of every event, in YAML: the keywords an Iglu schema carries. */
const KINDS = [
  () => '{ type: string, required: true, description: "Id of the thing", maxLength: 64 }',
  () => '{ type: integer, minimum: 0, maximum: 1000 }',
  () => '{ type: number, nullable: true }',
  () => '{ type: string, format: email }',
  () => '{ type: boolean }',
  () => '{ type: string, enum: [a, b, c], nullable: true }',
  () => '{ type: string, pattern: "^[a-z]+$", maxLength: 40 }',
  () => '{ type: array, items: { type: object, properties: { sku: { type: string, required: true }, qty: { type: integer } } } }',
  () => '{ type: object, properties: { street: { type: string }, city: { type: string, required: true } } }',
  () => '{ type: string, format: date-time }',
];

async function generate(events) {
  await rm(root, { recursive: true, force: true });
  const planDir = path.join(root, 'plan');
  await mkdir(path.join(planDir, 'events'), { recursive: true });
  await writeFile(path.join(planDir, 'plan.yaml'), 'trackplan: 1\nid: com.bench\nname: Bench\nversion: 1.0.0\n');
  for (let f = 0; f < 20; f++) {
    const lines = ['events:'];
    for (let e = f * (events / 20); e < (f + 1) * (events / 20); e++) {
      lines.push(`  event_${e}:`, `    description: Event number ${e}.`, '    additional_properties: false', '    properties:');
      KINDS.forEach((kind, p) => lines.push(`      prop_${p}: ${kind(p)}`));
    }
    await writeFile(path.join(planDir, 'events', `area_${String(f).padStart(2, '0')}.yaml`), `${lines.join('\n')}\n`);
  }
  const { plan } = await loadPlan(planDir);
  // The registry: the plan exported once, written in the Iglu layout (what `export iglu` writes).
  const registry = path.join(root, 'registry');
  for (const [file, text] of exportFormat.exportPlan(plan, {}).files) {
    await mkdir(path.dirname(path.join(registry, file)), { recursive: true });
    await writeFile(path.join(registry, file), text);
  }
  return { planDir, registry, plan };
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

/** Times the Iglu import and export against `loadPlan` of the same plan; returns the medians (ms). */
export async function benchIglu({ events = 1000, runs = 9 } = {}) {
  const { planDir, registry, plan } = await generate(events);
  const cwd = process.cwd();
  const yaml = await median(runs, () => loadPlan(planDir));
  let imported = 0;
  const importMs = await median(runs, async () => {
    const files = await readInputs([path.relative(cwd, registry)], cwd);
    const result = importFormat.importPlan(files, {});
    imported = renderPlanDocuments(result.documents).size;
  });
  let written = 0;
  const exportMs = await median(runs, async () => {
    const out = path.join(root, 'export');
    const { files } = exportFormat.exportPlan(plan, {});
    await rm(out, { recursive: true, force: true });
    for (const [file, text] of files) {
      await mkdir(path.dirname(path.join(out, file)), { recursive: true });
      await writeFile(path.join(out, file), text);
    }
    written = files.size;
  });
  return { events, yaml, importMs, exportMs, imported, written };
}

/** Prints the case the way the other benches do: medians and ratios against the YAML load. */
export function printIglu(r) {
  console.log(`iglu registry, ${r.events} schemas (${r.written} files written, plan of ${r.imported} files imported)`);
  console.log(`  load YAML plan (baseline)   ${r.yaml.toFixed(1)} ms`);
  console.log(`  import iglu                 ${r.importMs.toFixed(1)} ms   ${(r.importMs / r.yaml).toFixed(2)}x the YAML load (target <= 2x)`);
  console.log(`  export iglu (+ write files) ${r.exportMs.toFixed(1)} ms   ${(r.exportMs / r.yaml).toFixed(2)}x the YAML load`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  printIglu(await benchIglu({ events: arg('events', 1000), runs: arg('runs', 9) }));
}
