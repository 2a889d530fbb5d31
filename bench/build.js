#!/usr/bin/env node
// bench/build: load + compile of a generated 1,000-event x 10-property plan in 20 files, against
// bare `yaml.parse` of the same files measured in the same run. Needs `npm run build` first.
// Usage: node bench/build.js [--events 1000] [--runs 15]
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { loadPlan } from '../dist/sources/load-plan.js';
import { compileSchemaFiles } from '../dist/core/compile.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 1000);
const RUNS = arg('runs', 15);
const FILES = 20;
const dir = path.resolve(import.meta.dirname, '.data/build-plan');

async function generatePlan() {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'events'), { recursive: true });
  await writeFile(
    path.join(dir, 'plan.yaml'),
    'trackplan: 1\nid: bench\nname: Bench\nversion: 1.0.0\nsources:\n  web: { name: Web, sdk: rudderstack-js }\n',
  );
  await writeFile(
    path.join(dir, 'types.yaml'),
    'types:\n  email: { type: string, format: email, pii: true }\n  money: { type: number, minimum: 0 }\nproperties:\n  email: { type: email, description: Email }\n  currency: { type: string, enum: [EUR, USD, GBP] }\n',
  );
  const kinds = [
    (i) => `{ type: string, required: true, description: "Property ${i}" }`,
    () => '{ type: integer, minimum: 0, maximum: 1000 }',
    () => '{ type: money }',
    () => '{ required: true }',
    () => '{ type: boolean }',
    () => '{ type: string, enum: [a, b, c], nullable: true }',
    () => '{ type: string, pattern: "^[a-z]+$", maxLength: 40 }',
    () => '{ type: array, items: { type: object, properties: { sku: { type: string, required: true }, qty: integer } } }',
    () => '{ type: object, properties: { street: string, city: { type: string, required: true } } }',
    () => '{ type: string, format: date-time }',
  ];
  const perFile = Math.ceil(EVENTS / FILES);
  for (let f = 0; f < FILES; f++) {
    const lines = ['events:'];
    for (let e = f * perFile; e < Math.min(EVENTS, (f + 1) * perFile); e++) {
      lines.push(`  event_${e}:`, `    description: Event number ${e}.`, '    owner: team', '    sources: [web]', '    properties:');
      kinds.forEach((kind, p) => lines.push(`      ${p === 3 ? 'email' : `prop_${p}`}: ${kind(p)}`));
    }
    await writeFile(path.join(dir, 'events', `file_${String(f).padStart(2, '0')}.yaml`), `${lines.join('\n')}\n`);
  }
}

async function baseline() {
  const files = ['plan.yaml', 'types.yaml', ...Array.from({ length: FILES }, (_, f) => `events/file_${String(f).padStart(2, '0')}.yaml`)];
  const docs = await Promise.all(files.map(async (f) => parse(await readFile(path.join(dir, f), 'utf8'))));
  return docs.length;
}

async function ours() {
  const { plan, diagnostics } = await loadPlan(dir);
  if (!plan || diagnostics.length > 0) throw new Error(`bench plan has diagnostics: ${diagnostics[0]?.message}`);
  return compileSchemaFiles(plan).size;
}

async function time(fn) {
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
await baseline();
const files = await ours(); // warm-up (and a correctness check)
const base = await time(baseline);
const mine = await time(ours);
console.log(`plan: ${EVENTS} events x 10 properties in ${FILES} files -> ${files} output files; median of ${RUNS} runs`);
console.log(`baseline  yaml.parse of the same files:  ${base.toFixed(1)} ms`);
console.log(`trackplan load + compile:                ${mine.toFixed(1)} ms`);
console.log(`ratio: ${(mine / base).toFixed(2)}x the baseline (target <= 3x, and < 1000 ms)`);
