#!/usr/bin/env node
// bench/docs: `trackplan docs` (the catalog site) of a generated 1,000-event x 10-property plan
// with 100,000 violation records, against `trackplan build` of the same plan in the same run.
// Target: docs <= 2x build. Prints the site's size. Needs `npm run build` first.
// Usage: node bench/docs.js [--events 1000] [--records 100000] [--runs 3]
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { runCli } from '../dist/cli/index.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 1000);
const RECORDS = arg('records', 100_000);
const RUNS = arg('runs', 3);
const FILES = 20;
const dir = path.resolve(import.meta.dirname, '.data/docs-plan');

const KINDS = [
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
const TYPES = ['Required-Missing', 'Datatype-Mismatch', 'Advance-Rules-Violation', 'Additional-Properties'];

async function generate() {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'plans/events'), { recursive: true });
  await writeFile(path.join(dir, 'plans/plan.yaml'), 'trackplan: 1\nid: bench\nname: Bench\nversion: 1.0.0\nsources:\n  web: { name: Web, sdk: rudderstack-js }\n');
  await writeFile(path.join(dir, 'plans/types.yaml'), 'types:\n  email: { type: string, format: email, pii: true }\n  money: { type: number, minimum: 0 }\nproperties:\n  email: { type: email, description: Email }\n');
  const perFile = Math.ceil(EVENTS / FILES);
  for (let f = 0; f < FILES; f++) {
    const lines = ['events:'];
    for (let e = f * perFile; e < Math.min(EVENTS, (f + 1) * perFile); e++) {
      lines.push(`  event_${e}:`, `    description: Event number ${e}.`, '    owner: team', '    sources: [web]', '    properties:');
      KINDS.forEach((kind, p) => lines.push(`      ${p === 3 ? 'email' : `prop_${p}`}: ${kind(p)}`));
    }
    await writeFile(path.join(dir, 'plans/events', `file_${String(f).padStart(2, '0')}.yaml`), `${lines.join('\n')}\n`);
  }
  // Records spread over 30 days, as the HTTP server's violations file holds them.
  const out = createWriteStream(path.join(dir, 'violations.ndjson'));
  for (let i = 0; i < RECORDS; i++) {
    const type = TYPES[i % TYPES.length];
    const property = `prop_${i % 10}`;
    const day = String(1 + (i % 30)).padStart(2, '0');
    const record = {
      line: i + 1, messageId: `m-${i}`, type: 'track', event: `event_${(i * 7) % EVENTS}`, outcome: 'forwarded', receivedAt: `2024-05-${day}T10:00:00.000Z`,
      violations: [{ type, property, message: `properties.${property} is wrong`, meta: { instancePath: `/properties/${property}`, schemaPath: '#/properties', keyword: 'type' } }],
    };
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const io = { stdout: () => undefined, stderr: (t) => process.stderr.write(t), cwd: dir, color: false };

async function time(args) {
  const started = performance.now();
  const code = await runCli(args, io);
  if (code !== 0) throw new Error(`trackplan ${args.join(' ')} exited ${code}`);
  return performance.now() - started;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await generate();
const build = [];
const docs = [];
let size = { files: 0, bytes: 0 };
const capture = { ...io, stdout: (t) => { const m = /: (\d+) files, (\d+) KiB/.exec(t); if (m) size = { files: Number(m[1]), bytes: Number(m[2]) * 1024 }; } };
// One warm-up of each (module loading, JIT), then alternate so both see the same machine load.
await time(['build', '--plan', 'plans', '--out', 'generated']);
await runCli(['docs', '--plan', 'plans', '--out', 'site', '--violations', 'violations.ndjson', '--history', '0'], capture);
for (let r = 0; r < RUNS; r++) {
  build.push(await time(['build', '--plan', 'plans', '--out', 'generated']));
  docs.push(await time(['docs', '--plan', 'plans', '--out', 'site', '--violations', 'violations.ndjson', '--history', '0']));
}
const b = median(build);
const d = median(docs);
console.log(`plan: ${EVENTS} events x 10 properties, ${RECORDS.toLocaleString('en')} violation records; median of ${RUNS} runs`);
console.log(`trackplan build (baseline): ${b.toFixed(0)} ms`);
console.log(`trackplan docs:             ${d.toFixed(0)} ms`);
console.log(`ratio docs/build: ${(d / b).toFixed(2)}x (target <= 2x)`);
console.log(`site: ${size.files} files, ${(size.bytes / 1024 / 1024).toFixed(1)} MiB`);
