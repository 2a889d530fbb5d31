import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { ConfigError } from '../core/errors.js';
import { detectConvention } from '../core/infer/naming.js';
import { DEFAULT_INFER_LIMITS } from '../core/infer/value-stats.js';
import { detectSdks, isSdkName, planIdFrom, type SdkName } from '../core/init/detect.js';
import { addGitignoreEntry, addScripts, draftHeader, trackplanScripts, TYPES_TEMPLATE, workflowFor } from '../core/init/templates.js';
import { writePlanYaml } from '../sources/yaml-writer.js';
import { EXIT, processIo, type ExitCode, type Io } from './io.js';
import { missingAsUndefined, projectSources, readPackageJson } from '../sources/project-info.js';

export interface InitOptions {
  yes?: boolean;
  sdk?: string;
  source?: string;
  dir: string;
}

/** Asks a question on the terminal; tests and CI never get here (no TTY, or --yes). */
export type Ask = (question: string, fallback: string) => Promise<string>;

const RECIPE = new URL('../../examples/github/trackplan.yml', import.meta.url);
const WORKFLOW = '.github/workflows/trackplan.yml';

/**
 * `trackplan init`: a plan folder, the CI workflow, a .gitignore entry and package.json scripts,
 * set to the SDKs the project uses and the naming style of its existing calls. Never overwrites:
 * what exists is left alone and said so; run twice, the second run changes nothing.
 */
export async function runInit(options: InitOptions, io: Io, ask?: Ask): Promise<ExitCode> {
  const pkg = await readPackageJson(io.cwd);
  let sdks: SdkName[] = detectSdks(pkg?.json);
  if (options.sdk !== undefined) {
    if (!isSdkName(options.sdk)) throw new ConfigError(`--sdk: unknown SDK "${options.sdk}"; expected one of: rudderstack-js, rudderstack-node, segment-js, segment-node, ...`);
    sdks = [options.sdk];
  }
  let id = planIdFrom(pkg?.json['name'] as string | undefined);
  let dir = options.dir;
  if (ask && !options.yes) {
    id = planIdFrom(await ask('Plan id', id));
    dir = await ask('Plan folder', dir);
    const answer = await ask('SDKs (comma-separated: segment-js, segment-node, rudderstack-js, rudderstack-node)', sdks.join(', '));
    sdks = answer.split(',').map((s) => s.trim()).filter((s): s is SdkName => isSdkName(s));
  }
  let sources = projectSources(pkg?.json, sdks);
  if (options.source !== undefined) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(options.source)) throw new ConfigError(`--source: expected an id like web or checkout-api, found "${options.source}"`);
    sources = sources.length > 0 ? [{ ...sources[0]!, id: options.source }, ...sources.slice(1)] : [{ id: options.source, name: options.source }];
  }

  const changes: { file: string; text: string; what: string }[] = [];
  const kept: string[] = [];
  const planDir = path.resolve(io.cwd, dir);
  const planFiles = (await readdir(planDir, { recursive: true }).catch(() => [] as string[])).filter((f) => /\.ya?ml$/i.test(f));
  if (planFiles.length > 0) kept.push(`${dir}/ (it already holds a plan)`);
  else {
    // The naming style of the calls already in the code, so the first `check` matches the team's habit.
    // A project whose code cannot be read (no sources yet, a broken tsconfig) still gets a plan.
    const code = await (await import('../app/sample-code.js')).sampleCode(io.cwd, ['.'], undefined, DEFAULT_INFER_LIMITS, { typeCheck: false }).catch((error: Error) => {
      io.stderr(`trackplan init: could not read the analytics calls of the code (${error.message}); naming rules left at their defaults\n`);
      return undefined;
    });
    const calls = [...(code?.set.calls.values() ?? [])];
    const events = detectConvention(calls.filter((c) => c.call === 'track').map((c) => c.name));
    const properties = detectConvention(calls.flatMap((c) => [...(c.properties.fields?.keys() ?? [])]));
    const header = draftHeader({ id, name: `${id} tracking plan`, sources, events, properties });
    changes.push({ file: `${dir}/plan.yaml`, text: writePlanYaml(header), what: `the plan header (${sources.map((s) => s.sdk ?? s.id).join(', ') || 'no SDK found: add a source'}; event names ${events}, properties ${properties})` });
    changes.push({ file: `${dir}/types.yaml`, text: TYPES_TEMPLATE, what: 'custom types and the property library' });
  }
  if (await exists(path.join(io.cwd, WORKFLOW))) kept.push(WORKFLOW);
  else changes.push({ file: WORKFLOW, text: workflowFor(await readFile(RECIPE, 'utf8'), dir), what: 'plan review on every pull request' });
  const gitignore = addGitignoreEntry(await readFile(path.join(io.cwd, '.gitignore'), 'utf8').catch(missingAsUndefined));
  if (gitignore === undefined) kept.push('.gitignore (ignores .trackplan/ already)');
  else changes.push({ file: '.gitignore', text: gitignore, what: 'ignore .trackplan/ (serve\'s spool)' });
  if (!pkg) kept.push('package.json (none here: no scripts added)');
  else {
    const scripts = addScripts(pkg.text, trackplanScripts(dir));
    if (!scripts) kept.push('package.json (has the trackplan scripts)');
    else changes.push({ file: 'package.json', text: scripts.text, what: `scripts ${scripts.added.join(', ')}` });
  }

  for (const change of changes) await writeAtomically(path.join(io.cwd, change.file), change.text);
  for (const change of changes) io.stdout(`wrote ${change.file}: ${change.what}\n`);
  for (const file of kept) io.stdout(`kept ${file}\n`);
  if (changes.length === 0) io.stdout('trackplan is already set up here: nothing changed\n');
  else io.stdout(`next: \`npx trackplan infer --from-code src\` drafts events from your calls, then \`npx trackplan check\` and \`npx trackplan build\`\n`);
  return EXIT.clean;
}

async function exists(file: string): Promise<boolean> {
  return readFile(file).then(() => true, (error: NodeJS.ErrnoException) => error.code === 'EISDIR');
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

function terminalAsk(): Ask {
  return async (question, fallback) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = (await rl.question(`${question} [${fallback}]: `)).trim();
      return answer === '' ? fallback : answer;
    } finally {
      rl.close();
    }
  };
}

export function registerInit(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command('init')
    .description('set trackplan up in this project: plan folder, CI workflow, .gitignore entry, package.json scripts (never overwrites)')
    .option('--yes', 'ask nothing, take the detected defaults')
    .option('--sdk <name>', 'the SDK of the plan\'s source: segment-js, segment-node, rudderstack-js, rudderstack-node (default: the ones in package.json)')
    .option('--source <id>', 'id of the plan\'s source (default: web or server)')
    .option('--dir <dir>', 'plan folder', 'plans')
    .action(async (options: InitOptions) => {
      const interactive = io === processIo && Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY);
      done(await runInit(options, io, interactive ? terminalAsk() : undefined));
    });
}
