#!/usr/bin/env node
// bench/lint: `trackplan lint` over a generated 2,000-file TypeScript project (~200 lines a file,
// 5,000 analytics calls of mixed forms), against the parse floor measured in the same run:
//   (a) fs.readFileSync + ts.createSourceFile over every file (the TypeScript ts-morph bundles);
//   (b) lintProject without the type checker;  (c) lintProject with it.
// Then a real-shaped project where only 5% of the files hold calls. Each measurement runs in a
// fresh child process (clean peak RSS, no warm caches shared between phases), the phases taking
// turns; the median of --runs is reported. Then a monorepo (bench/lint-monorepo.js): 5,000 files in
// 5 packages, each with its own tsconfig, `paths` aliases and enums in .tsx files, where each file
// is checked with its own package's project; targets there: (b) <= 1x, (c) <= 2x, peak RSS < 600 MB.
// Needs `npm run build` first.
// Usage: node bench/lint.js [--files 2000] [--calls 5000] [--runs 3] [--mono-files 5000] [--mono-share 0.1] [--only dense,sparse,monorepo]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateMonorepo, PACKAGES } from './lint-monorepo.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILES = arg('files', 2000);
const CALLS = arg('calls', 5000);
const RUNS = arg('runs', 3);
const MONO_FILES = arg('mono-files', 5000);
const MONO_SHARE = arg('mono-share', 0.1);
const onlyAt = process.argv.indexOf('--only');
const ONLY = new Set(onlyAt > 0 ? process.argv[onlyAt + 1].split(',') : ['dense', 'sparse', 'monorepo']);
const EVENTS = 40;
const root = path.resolve(import.meta.dirname, '.data');

if (process.argv[2] === '--phase') {
  await runPhase(process.argv[3], process.argv[4], process.argv[5]);
} else {
  await main();
}

async function main() {
  console.log(`median of ${RUNS} runs, each phase in a fresh process; wall time, and CPU time (user + system, all threads: steadier on a busy machine)\n`);
  const cases = [];
  if (ONLY.has('dense') || ONLY.has('sparse')) {
    const dense = generateProject('lint-dense', FILES, FILES);
    const sparse = generateProject('lint-sparse', FILES, Math.round(FILES * 0.05));
    console.log(`bench/lint: ${FILES} files; dense: ${dense.calls} calls in ${dense.withCalls} files, ${dense.lines} lines; sparse: ${sparse.calls} calls in ${sparse.withCalls} files (5%)`);
    if (ONLY.has('dense')) cases.push(['dense', dense.dir, 'src']);
    if (ONLY.has('sparse')) cases.push(['sparse (5% of files call analytics)', sparse.dir, 'src']);
  }
  if (ONLY.has('monorepo')) {
    const events = Array.from({ length: EVENTS }, (_, i) => `feature_${i}_used`);
    const mono = generateMonorepo(path.join(root, 'lint-monorepo'), { files: MONO_FILES, share: MONO_SHARE, events, sourceFile });
    console.log(`bench/lint monorepo: ${mono.files} files in ${PACKAGES.length} packages, each its own tsconfig; ${mono.calls} calls in ${mono.withCalls} files, half named by enums imported from .tsx files through paths aliases`);
    cases.push([`monorepo (${PACKAGES.length} packages, ${Math.round(MONO_SHARE * 100)}% of files call analytics)`, mono.dir, 'packages']);
  }
  console.log('');
  for (const [label, dir, target] of cases) {
    const mono = target === 'packages';
    const [floor, noChecker, checker, one] = measure(['parse', 'lint-no-checker', 'lint-checker', ...(mono ? ['lint-one-tsconfig'] : [])], dir, target);
    const row = (name, r) => `  ${name.padEnd(44)} wall ${fmt(r.ms)} ${ratio(r.ms, floor.ms)}   cpu ${fmt(r.cpu)} ${ratio(r.cpu, floor.cpu)}   peak RSS ${String(r.rss).padStart(5)} MB`;
    console.log(`${label}                                     (ratios: to (a))`);
    console.log(row(`(a) parse floor: createSourceFile x ${floor.files}`, floor));
    console.log(`${row(`(b) lint, no type checker (${noChecker.parsed} parsed)`, noChecker)}   ${noChecker.calls} calls, ${noChecker.diagnostics} findings`);
    console.log(`${row('(c) lint, type checker', checker)}   ${checker.calls} calls, ${checker.diagnostics} findings, ${checker.dynamic} dynamic names; checker in ${checker.checkers} of ${checker.projects} projects`);
    if (one) console.log(`${row('(d) as before: one tsconfig (the root one)', one)}   ${one.calls} calls, ${one.diagnostics} findings, ${one.dynamic} dynamic names`);
    console.log('');
  }
}

function fmt(ms) {
  return `${ms.toFixed(0).padStart(6)} ms`;
}

function ratio(a, b) {
  return `${(a / b).toFixed(2)}x`;
}

/** Runs the phases in turn, RUNS times (so that a busy machine slows all of them alike); the median of each. */
function measure(phases, dir, target) {
  const results = phases.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    phases.forEach((phase, p) => {
      const out = execFileSync(process.execPath, [import.meta.filename, '--phase', phase, dir, target], { encoding: 'utf8', maxBuffer: 1 << 24 });
      results[p].push(JSON.parse(out));
    });
  }
  const median = (values) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)];
  return results.map((runs) => ({
    ...runs[0],
    ms: median(runs.map((r) => r.ms)),
    cpu: median(runs.map((r) => r.cpu)),
    rss: Math.max(...runs.map((r) => r.rss)),
  }));
}

async function runPhase(phase, dir, target) {
  const { ts } = await import('ts-morph');
  if (phase === 'parse') {
    const { glob } = await import('tinyglobby');
    const started = performance.now();
    const cpu = process.cpuUsage();
    const files = await glob([`${target}/**/*.{ts,tsx}`], { cwd: dir, absolute: true });
    let nodes = 0;
    for (const file of files) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
      nodes += sf.statements.length;
    }
    const ms = performance.now() - started;
    report({ ms, cpu: cpuMs(cpu), files: files.length, nodes });
    return;
  }
  const { loadPlan } = await import('../dist/sources/load-plan.js');
  const { lintProject } = await import('../dist/lint/lint-project.js');
  const { readLintConfig } = await import('../dist/lint/read-config.js');
  const { plan } = await loadPlan('plans', { cwd: dir });
  const { config } = await readLintConfig(plan, dir);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await lintProject({
    plan, config, paths: [target], cwd: dir, typeCheck: phase !== 'lint-no-checker', ...(phase === 'lint-one-tsconfig' ? { tsconfig: 'tsconfig.json' } : {}),
  });
  const ms = performance.now() - started;
  const { stats } = result;
  report({
    ms, cpu: cpuMs(cpu), calls: stats.calls, parsed: stats.parsed, diagnostics: result.diagnostics.length,
    dynamic: result.diagnostics.filter((d) => d.ruleId === 'dynamic-event-name').length,
    projects: stats.projects.length, checkers: stats.projects.filter((p) => p.checker).length,
  });
}

function cpuMs(since) {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

function report(data) {
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ ...data, rss }));
}

/** A project with `files` source files, `withCalls` of which send analytics calls of every form. */
function generateProject(name, files, withCalls) {
  const dir = path.join(root, name);
  rmSync(dir, { recursive: true, force: true });
  const write = (relative, text) => {
    const target = path.join(dir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  };
  const events = Array.from({ length: EVENTS }, (_, i) => `feature_${i}_used`);
  write('plans/plan.yaml', [
    'trackplan: 1', 'id: bench-lint', 'name: Bench', 'version: 1.0.0',
    'sources:', '  web: { name: Web, sdk: rudderstack-js, paths: [src/web/**] }', '  server: { name: Server, sdk: rudderstack-node, paths: [src/server/**] }',
    'lint:', '  calls:', '    - callee: track', '    - { callee: analyticsService.track, properties: 2 }', '',
  ].join('\n'));
  write('plans/events.yaml', ['events:', ...events.flatMap((e, i) => [
    `  ${e}:`, `    sources: [${i % 2 === 0 ? 'web, server' : 'web'}]`, '    properties:',
    '      item_id: { type: string, required: true }', '      count: { type: integer, minimum: 0 }',
    '      plan: { type: string, enum: [free, pro, enterprise] }', '      price: number',
  ]), 'identify:', '  traits:', '    email: { type: string, required: true }', 'page:', '  properties:', '    path: { type: string, pattern: "^/" }', ''].join('\n'));
  write('generated/tracking.ts', events.map((e) => `export function ${camel(e)}(properties: object): void { void properties; }\n`).join(''));
  write('src/server/client.ts', `import Analytics from '@rudderstack/rudder-sdk-node';\nexport const rudder = new Analytics('write-key', { dataPlaneUrl: 'http://127.0.0.1:8088' });\n`);
  write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['src'] }, null, 2));
  const perFile = Math.floor(CALLS / Math.max(1, withCalls));
  const extra = CALLS - perFile * withCalls;
  let calls = 0;
  let lines = 0;
  for (let f = 0; f < files; f++) {
    const server = f % 4 === 3;
    const folder = server ? 'server' : 'web';
    const hasCalls = f < withCalls;
    const count = !hasCalls ? 0 : withCalls === files ? perFile + (f < extra ? 1 : 0) : Math.round(CALLS * 0.05 / withCalls) || 1;
    const text = sourceFile(f, server, count, events);
    calls += count;
    lines += text.split('\n').length;
    write(`src/${folder}/module_${f}.ts`, text);
  }
  return { dir, calls, withCalls, lines };
}

function camel(name) {
  return name.split('_').map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
}

/** ~200 lines of ordinary application code, with `calls` analytics calls spread through it. */
function sourceFile(n, server, calls, events) {
  const out = [];
  if (calls > 0) {
    out.push(server ? `import { rudder } from './client.js';` : `import { ${camel(events[n % events.length])} } from '../../generated/tracking.js';`);
    out.push(`declare const analytics: { track(event: string, properties?: object): void; page(name?: string, properties?: object): void };`);
    out.push(`declare function track(event: string, properties?: object): void;`);
    out.push(`declare const analyticsService: { track(event: string, userId: string, properties: object): void };`);
  }
  out.push(`import type { Readable } from 'node:stream';`, '');
  out.push(`export interface Record${n} {`, ...Array.from({ length: 12 }, (_, i) => `  field${i}: ${['string', 'number', 'boolean', 'string[]'][i % 4]};`), '}', '');
  out.push(`export const LIMITS_${n} = { min: ${n % 7}, max: ${100 + n}, label: 'module ${n}' } as const;`, '');
  const callSites = Array.from({ length: calls }, (_, i) => callSite(n, i, server, events));
  for (let fn = 0; fn < 10; fn++) {
    out.push(
      `/** Computes part ${fn} of the module's report; an ordinary function with loops and branches. */`,
      `export function compute${n}_${fn}(rows: Record${n}[], threshold: number): { total: number; names: string[] } {`,
      `  let total = 0;`,
      `  const names: string[] = [];`,
      `  for (const row of rows) {`,
      `    if (row.field1 > threshold && row.field2) {`,
      `      total += row.field1 * ${fn + 1};`,
      `      names.push(row.field0.trim().toLowerCase());`,
      `    } else if (row.field3.length > ${fn}) {`,
      `      total -= row.field3.filter((s) => s.startsWith('${String.fromCharCode(97 + fn)}')).length;`,
      `    }`,
      `  }`,
      ...(callSites[fn] ? [`  ${callSites[fn]}`] : []),
      `  return { total: Math.max(LIMITS_${n}.min, Math.min(total, LIMITS_${n}.max)), names: names.sort() };`,
      `}`,
      '',
    );
  }
  for (const site of callSites.slice(10)) out.push(`export function extra${n}_${out.length}(): void {`, `  ${site}`, '}', '');
  out.push(`export class Store${n} {`, `  private readonly items = new Map<string, Record${n}>();`, `  constructor(private readonly clock: () => number) {}`);
  for (let m = 0; m < 6; m++) {
    out.push(
      `  method${m}(key: string, value: Record${n}): boolean {`,
      `    const previous = this.items.get(key);`,
      `    if (previous && previous.field1 === value.field1) return false;`,
      `    this.items.set(key, { ...value, field0: \`\${key}-${m}\` });`,
      `    return true;`,
      `  }`,
    );
  }
  out.push(`  async drain(stream: Readable): Promise<number> {`, `    let size = 0;`, `    for await (const chunk of stream) size += (chunk as Buffer).length;`, `    return size;`, `  }`, '}', '');
  while (out.length < 200) out.push(`// padding line ${out.length} of module ${n}: comments and blank lines are part of real files`);
  return `${out.join('\n')}\n`;
}

/** One call of a form chosen by position; one in seven is wrong on purpose. */
function callSite(n, i, server, events) {
  const k = n * 7 + i;
  const event = events[k % events.length];
  const wrong = k % 7 === 0;
  const props = wrong ? `{ item_id: 42, plan: 'gold' }` : `{ item_id: 'i-${k}', count: ${k % 50}, plan: 'pro', price: rows.length }`;
  if (server) {
    if (k % 3 === 0) return `rudder.track({ userId: 'u-${k}', event: '${event}', properties: ${props} });`;
    return k % 3 === 1 ? `analyticsService.track('${event}', 'u-${k}', ${props});` : `track('${event}', ${props});`;
  }
  switch (k % 5) {
    case 0: return `analytics.track('${event}', ${props});`;
    case 1: return `(window as any).rudderanalytics?.track('${event}', ${props});`;
    case 2: return `${camel(events[n % events.length])}(${props});`;
    case 3: return `track('${event}', ${props});`;
    default: return `analytics.page('Report', { path: '/reports/${k}' });`;
  }
}
