import path from 'node:path';
import type { Command } from 'commander';
import { hasErrors } from '../core/diagnostics.js';
import { checkPatternSafety, unsafePatternsHint } from '../app/safe-patterns.js';
import { compileOutputs } from '../app/compile.js';
import { loadPlan } from '../sources/load-plan.js';
import { checkOutput, writeOutput } from '../sources/output.js';
import { formatPretty } from '../report/diagnostics.js';
import { EXIT, sourceReader, type ExitCode, type Io } from './io.js';

export interface BuildOptions {
  plan: string;
  out: string;
  check?: boolean;
  /** SDK of the generated tracking module; default: the SDKs of the plan's sources. */
  sdk?: string;
  allowUnsafePatterns?: boolean;
}

/** `trackplan build`: compile the plan into the output folder, or with --check, say what is stale. */
export async function runBuild(options: BuildOptions, io: Io): Promise<ExitCode> {
  const { plan, diagnostics } = await loadPlan(options.plan, { cwd: io.cwd });
  if (!plan || hasErrors(diagnostics)) {
    io.stderr(formatPretty(diagnostics, { color: io.color, source: sourceReader(io.cwd) }));
    io.stderr(`trackplan build: the plan has errors; nothing was written to ${options.out}\n`);
    return EXIT.error;
  }
  // The schemas built here run patterns on every event: one that can backtrack catastrophically is refused.
  const patterns = await checkPatternSafety(plan);
  if (patterns.diagnostics.length > 0 && !options.allowUnsafePatterns) {
    io.stderr(formatPretty(patterns.diagnostics, { color: io.color, source: sourceReader(io.cwd) }));
    io.stderr(unsafePatternsHint('build'));
    return EXIT.error;
  }
  const { files, diagnostics: codegen } = await compileOutputs(plan, { sdk: options.sdk });
  if (codegen.length > 0) {
    io.stderr(`trackplan: cannot generate the tracking functions; nothing was written:\n${formatPretty(codegen)}\n`);
    return EXIT.error;
  }
  const outDir = path.resolve(io.cwd, options.out);
  if (options.check) {
    const { stale, extra } = await checkOutput(outDir, files);
    if (stale.length + extra.length === 0) {
      io.stdout(`${options.out} is up to date with ${plan.id}@${plan.version} (${files.size} files)\n`);
      return EXIT.clean;
    }
    for (const file of stale) io.stdout(`stale: ${path.posix.join(options.out, file)}\n`);
    for (const file of extra) io.stdout(`not produced by the plan: ${path.posix.join(options.out, file)}\n`);
    io.stdout(`${options.out} is out of date: run \`trackplan build\`\n`);
    return EXIT.findings;
  }
  await writeOutput(outDir, files);
  const counts = new Map<string, number>();
  for (const event of plan.events) counts.set(event.call, (counts.get(event.call) ?? 0) + 1);
  const summary = [...counts].map(([call, n]) => `${n} ${call}`).join(', ');
  io.stdout(`built ${plan.id}@${plan.version}: ${files.size} files in ${options.out} (${summary})\n`);
  return EXIT.clean;
}

export function registerBuild(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command('build')
    .description('compile the plan to JSON Schemas, plan.json and typed tracking code in the output folder')
    .option('--plan <dir>', 'plan folder', 'plans')
    .option('--out <dir>', 'output folder', 'generated')
    .option('--check', 'write nothing; exit 1 when the output folder is stale')
    .option('--allow-unsafe-patterns', 'build even when a pattern can backtrack catastrophically (ReDoS)')
    .option('--sdk <sdk>', 'SDK of the generated tracking.ts: rudderstack-js, segment-js, rudderstack-node, segment-node (default: the plan sources\' sdk)')
    .action(async (options: BuildOptions) => done(await runBuild(options, io)));
}
