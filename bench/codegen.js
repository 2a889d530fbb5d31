#!/usr/bin/env node
// bench/codegen: `trackplan build` of a generated 1,000-event x 10-property plan in full (JSON
// Schemas, plan.json, typed tracking modules via json-schema-to-typescript, ajv standalone
// validators) beside a schemas-only build (load + JSON Schemas + plan.json) of the same plan,
// measured in the same run. Also reports the generated production bundle (tracking.js) per event.
// Builds dist/ first. Usage: node bench/codegen.js [--events 1000] [--runs 7]
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const { loadPlan } = await import('../dist/sources/load-plan.js');
const { compileSchemaFiles } = await import('../dist/core/compile.js');
const { compileOutputs } = await import('../dist/compile.js');
const { compileTrackingFiles } = await import('../dist/codegen/index.js');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 1000);
const RUNS = arg('runs', 7);
const FILES = 20;
const dir = path.join(root, 'bench/.data/codegen-plan');

// The plan of bench/build.js (every property kind the format has, a library property), except
// that one property differs in every event, so that no two events have the same schema.
async function generatePlan(events, target) {
  await rm(target, { recursive: true, force: true });
  await mkdir(path.join(target, 'events'), { recursive: true });
  await writeFile(path.join(target, 'plan.yaml'), 'trackplan: 1\nid: bench\nname: Bench\nversion: 1.0.0\nsources:\n  web: { name: Web, sdk: rudderstack-js }\n');
  await writeFile(
    path.join(target, 'types.yaml'),
    'types:\n  email: { type: string, format: email, pii: true }\n  money: { type: number, minimum: 0 }\nproperties:\n  email: { type: email, description: Email }\n',
  );
  const kinds = [
    (i) => `{ type: string, required: true, description: "Property ${i}" }`,
    (_, e) => `{ type: integer, minimum: 0, maximum: ${1000 + e} }`,
    () => '{ type: money }',
    () => '{ required: true }',
    () => '{ type: boolean }',
    () => '{ type: string, enum: [a, b, c], nullable: true }',
    () => '{ type: string, pattern: "^[a-z]+$", maxLength: 40 }',
    () => '{ type: array, items: { type: object, properties: { sku: { type: string, required: true }, qty: integer } } }',
    () => '{ type: object, properties: { street: string, city: { type: string, required: true } } }',
    () => '{ type: string, format: date-time }',
  ];
  const files = Math.min(FILES, events);
  const perFile = Math.ceil(events / files);
  for (let f = 0; f < files; f++) {
    const lines = ['events:'];
    for (let e = f * perFile; e < Math.min(events, (f + 1) * perFile); e++) {
      lines.push(`  Event ${e} Happened:`, `    description: Event number ${e}.`, '    owner: team', '    sources: [web]', '    properties:');
      kinds.forEach((kind, p) => lines.push(`      ${p === 3 ? 'email' : `prop_${p}`}: ${kind(p, e)}`));
    }
    await writeFile(path.join(target, 'events', `file_${String(f).padStart(2, '0')}.yaml`), `${lines.join('\n')}\n`);
  }
}

async function load(target) {
  const { plan, diagnostics } = await loadPlan(target);
  if (!plan || diagnostics.some((d) => d.severity === 'error')) throw new Error(`bench plan has errors: ${diagnostics[0]?.message}`);
  return plan;
}

// Wall and CPU time of each variant, runs interleaved so that both see the same machine load.
async function timeAll(variants) {
  const samples = variants.map(() => ({ wall: [], cpu: [] }));
  for (let i = 0; i < RUNS; i++) {
    for (const [v, fn] of variants.entries()) {
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      await fn();
      samples[v].wall.push(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(cpu);
      samples[v].cpu.push((used.user + used.system) / 1e3);
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return samples.map((s) => ({ wall: median(s.wall), cpu: median(s.cpu) }));
}

await generatePlan(EVENTS, dir);
const plan = await load(dir);
const files = (await compileOutputs(plan)).files; // warm-up, and the output measured below
const [schemasOnly, full, codegenOnly] = await timeAll([
  async () => compileSchemaFiles(await load(dir)),
  async () => compileOutputs(await load(dir)),
  () => compileTrackingFiles(plan),
]);

// Production bundle: tracking.js, which imports nothing (validators.js is for development only).
// Per event: total / events, and the marginal cost of one more event (against a 1-event plan).
const onePlanDir = path.join(root, 'bench/.data/codegen-plan-1');
await generatePlan(1, onePlanDir);
const one = (await compileOutputs(await load(onePlanDir))).files;
const size = (text) => Buffer.byteLength(text);
const gz = (text) => gzipSync(text, { level: 9 }).length;
const js = files.get('tracking.js');
const js1 = one.get('tracking.js');
const validators = files.get('validators.js');
// What a bundler's minifier would leave at least: the code without the JSDoc comments.
const ts = (await import('typescript')).default;
const stripComments = (text) => ts.transpileModule(text, { compilerOptions: { removeComments: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
const bare = stripComments(js);
const bare1 = stripComments(js1);

console.log(`plan: ${EVENTS} events x 10 properties in ${FILES} files -> ${files.size} output files; median of ${RUNS} runs`);
const ms = (t) => `${t.wall.toFixed(0).padStart(5)} ms wall, ${t.cpu.toFixed(0).padStart(5)} ms CPU`;
console.log(`schemas-only build (load + JSON Schemas + plan.json):     ${ms(schemasOnly)}`);
console.log(`full build (+ tracking.ts/.js/.d.ts + validators.js):     ${ms(full)}`);
console.log(`  of which code generation alone (types, functions, ajv): ${ms(codegenOnly)}`);
console.log(`ratio full / schemas-only: ${(full.wall / schemasOnly.wall).toFixed(2)}x wall, ${(full.cpu / schemasOnly.cpu).toFixed(2)}x CPU (target <= 3x, and full < 2500 ms)`);
console.log(`production bundle tracking.js: ${size(js)} bytes (${gz(js)} gzipped) = ${(size(js) / EVENTS).toFixed(0)} bytes/event (${(gz(js) / EVENTS).toFixed(0)} gzipped)`);
console.log(`  marginal per event: ${((size(js) - size(js1)) / (EVENTS - 1)).toFixed(0)} bytes (${((gz(js) - gz(js1)) / (EVENTS - 1)).toFixed(0)} gzipped); fixed part ${size(js1) - Math.round((size(js) - size(js1)) / (EVENTS - 1))} bytes`);
console.log(`  without comments: ${(size(bare) / EVENTS).toFixed(0)} bytes/event (${(gz(bare) / EVENTS).toFixed(0)} gzipped), marginal ${((size(bare) - size(bare1)) / (EVENTS - 1)).toFixed(0)} bytes`);
console.log(`development validators.js (not in production bundles): ${(size(validators) / EVENTS / 1024).toFixed(1)} KiB/event (${(gz(validators) / EVENTS).toFixed(0)} bytes/event gzipped)`);
