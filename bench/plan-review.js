#!/usr/bin/env node
// bench/plan-review: the plan-review commands on a generated 1,000-event x 10-property plan in
// 20 files, each against a baseline measured in the same run:
//   check  load + plan rules (with recheck on 20 distinct patterns)  vs  load alone
//   git    reading the plan at a commit (ls-tree + one cat-file --batch)  vs  one `git show` per file
//   diff   diffPlans of two versions (about 10% of events changed)  vs  loading one of them
// Needs `npm run build` first (it imports dist/). Usage: node bench/plan-review.js [--events 1000] [--runs 9]
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPlan } from '../dist/check-plan.js';
import { diffPlans } from '../dist/core/diff/diff-plans.js';
import { loadPlanAtRef, readPlanFilesAtRef } from '../dist/sources/git-plan.js';
import { loadPlan } from '../dist/sources/load-plan.js';
import { loadPlanFiles } from '../dist/sources/load-plan-files.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 1000);
const RUNS = arg('runs', 9);
const FILES = 20;
const repo = path.resolve(import.meta.dirname, '.data/plan-review');
const git = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });

function eventsFile(f, version) {
  const perFile = Math.ceil(EVENTS / FILES);
  const lines = ['events:'];
  for (let e = f * perFile; e < Math.min(EVENTS, (f + 1) * perFile); e++) {
    const changed = version === 2 && e % 10 === 0;
    lines.push(`  event_${e}:`, `    description: Event number ${e}.`, '    owner: team', '    sources: [web]', '    properties:');
    lines.push(`      prop_0: { type: string, required: true, maxLength: 64, description: "Property of ${e}" }`);
    lines.push(`      prop_1: { type: integer, minimum: 0, maximum: ${changed ? 500 : 1000}, description: Count. }`);
    lines.push('      amount: { type: money, description: Amount. }');
    lines.push('      email: { required: true }');
    lines.push('      flag: { type: boolean, description: Flag. }');
    lines.push(`      tier: { type: string, enum: [a, b${changed ? '' : ', c'}], nullable: true, description: Tier. }`);
    lines.push(`      ${changed ? 'code_value' : 'code'}: { type: string, pattern: "^[a-z]{1,${f + 2}}$", maxLength: 40, description: Code. }`);
    lines.push('      lines: { type: array, description: Lines., items: { type: object, properties: { sku: { type: string, required: true, description: SKU. }, qty: { type: integer, description: Qty. } } } }');
    lines.push('      address: { type: object, pii: true, description: Address., properties: { street: { type: string, description: Street. }, city: { type: string, required: true, description: City. } } }');
    lines.push('      at: { type: string, format: date-time, description: When. }');
    if (changed) lines.push('      added: { type: string, description: New. }');
  }
  return `${lines.join('\n')}\n`;
}

async function writePlan(version) {
  const dir = path.join(repo, 'plans');
  await mkdir(path.join(dir, 'events'), { recursive: true });
  await writeFile(path.join(dir, 'plan.yaml'), `trackplan: 1\nid: bench\nname: Bench\nversion: ${version === 1 ? '1.0.0' : '2.0.0'}\nsources:\n  web: { name: Web, sdk: rudderstack-js }\n`);
  await writeFile(path.join(dir, 'types.yaml'), 'types:\n  email: { type: string, format: email, pii: true, description: Email. }\n  money: { type: number, minimum: 0, description: Money. }\nproperties:\n  email: { type: email, description: Email }\n');
  for (let f = 0; f < FILES; f++) await writeFile(path.join(dir, 'events', `file_${String(f).padStart(2, '0')}.yaml`), eventsFile(f, version));
}

/** Medians of interleaved runs: baseline and ours alternate, so a noisy neighbour hits both alike. */
async function timePair(baseline, ours) {
  const a = [];
  const b = [];
  const once = async (fn) => {
    const start = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  await baseline();
  await ours();
  for (let i = 0; i < RUNS; i++) {
    a.push(await once(baseline));
    b.push(await once(ours));
  }
  const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [median(a), median(b)];
}

await rm(repo, { recursive: true, force: true });
await mkdir(repo, { recursive: true });
git('init', '-q');
await writePlan(1);
git('add', '.');
git('commit', '-q', '-m', 'v1');
await writePlan(2);
git('commit', '-q', '-am', 'v2');

const load = async () => {
  const { plan, diagnostics } = await loadPlan('plans', { cwd: repo });
  if (!plan || diagnostics.length > 0) throw new Error(`bench plan has diagnostics: ${diagnostics[0]?.message}`);
  return plan;
};
const plan = await load();
const check = await checkPlan(plan);
if (check.configDiagnostics.length + check.diagnostics.length > 0) throw new Error(`bench plan has findings: ${check.diagnostics[0]?.message}`);

const gitShowEach = () => git('ls-tree', '-r', '--name-only', 'HEAD~1', '--', 'plans').split('\n').filter(Boolean)
  .map((name) => ({ name, path: path.posix.relative('plans', name), text: git('show', `HEAD~1:${name}`) }));
const base = await loadPlanAtRef('HEAD~1', 'plans', { cwd: repo });
const viaBatch = await readPlanFilesAtRef('HEAD~1', 'plans', { cwd: repo });
if (JSON.stringify(gitShowEach()) !== JSON.stringify(viaBatch.files)) throw new Error('git show and cat-file read different files');
const diff = diffPlans(base.plan, plan);

const files = viaBatch.files;
const [tLoad, tRules] = await timePair(load, () => checkPlan(plan));
const [tShow, tBatch] = await timePair(gitShowEach, () => readPlanFilesAtRef('HEAD~1', 'plans', { cwd: repo }));
const [tParse, tDiff] = await timePair(() => loadPlanFiles(files), () => diffPlans(base.plan, plan));

console.log(`plan: ${EVENTS} events x 10 properties in ${FILES + 2} files, ${new Set(files.map((f) => f.text.match(/pattern: "([^"]+)"/)?.[1])).size - 1} distinct patterns; medians of ${RUNS} interleaved runs`);
console.log(`check: plan rules (recheck included) ${tRules.toFixed(1)} ms vs loading the plan ${tLoad.toFixed(1)} ms (baseline): ${(tRules / tLoad).toFixed(2)}x`);
console.log(`git:   reading the plan at a commit: ls-tree + one cat-file --batch ${tBatch.toFixed(1)} ms vs ls-tree + one git show per file ${tShow.toFixed(1)} ms (baseline): ${(tShow / tBatch).toFixed(1)}x faster (parsing adds ${tParse.toFixed(1)} ms to both)`);
console.log(`diff:  ${diff.changes.length} changes (${diff.summary.breaking} breaking) in ${tDiff.toFixed(1)} ms vs parsing one side ${tParse.toFixed(1)} ms (baseline): ${(tDiff / tParse).toFixed(2)}x`);
