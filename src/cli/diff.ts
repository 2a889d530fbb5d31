import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { hasErrors } from '../core/diagnostics.js';
import { diffPlans } from '../core/diff/diff-plans.js';
import { ConfigError } from '../core/errors.js';
import type { PlanIR } from '../core/ir.js';
import { formatPretty } from '../report/diagnostics.js';
import { DIFF_REPORTERS, formatDiff, type DiffFormat } from '../report/diff.js';
import { loadPlanAtRef, resolveGitRef } from '../sources/git-plan.js';
import { loadPlan, type LoadedPlan } from '../sources/load-plan.js';
import { EXIT, formatOption, type ExitCode, type Io } from './io.js';

export interface DiffOptions {
  plan: string;
  format: DiffFormat;
}

interface Side {
  label: string;
  plan: PlanIR;
}

/**
 * `trackplan diff <base> [head]`: every change between two versions of the plan, classified, and
 * exit 1 when the head's version bump is smaller than the changes need (or goes backwards).
 */
export async function runDiff(base: string, head: string | undefined, options: DiffOptions, io: Io): Promise<ExitCode> {
  const before = await loadSide(base, options.plan, io);
  const after = await loadSide(head, options.plan, io);
  if (!before || !after) return EXIT.error;
  const diff = diffPlans(before.plan, after.plan);
  io.stdout(formatDiff(diff, { base: before.label, head: after.label }, options.format, io.color));
  return diff.bump.ok ? EXIT.clean : EXIT.findings;
}

/** A folder (or plan file) when one exists at that path, else a git ref; nothing means the working tree. */
async function loadSide(spec: string | undefined, planPath: string, io: Io): Promise<Side | undefined> {
  let loaded: LoadedPlan;
  let label: string;
  if (spec === undefined) {
    loaded = await loadPlan(planPath, { cwd: io.cwd });
    label = 'working tree';
  } else if (await stat(path.resolve(io.cwd, spec)).catch(() => undefined)) {
    loaded = await loadPlan(spec, { cwd: io.cwd });
    label = spec;
  } else if (await resolveGitRef(spec, io.cwd)) {
    loaded = await loadPlanAtRef(spec, planPath, { cwd: io.cwd });
    label = spec;
  } else {
    throw new ConfigError(`"${spec}" is neither a folder nor a git ref (a branch, tag or commit of the repository at ${io.cwd})`);
  }
  if (!loaded.plan || hasErrors(loaded.diagnostics)) {
    io.stderr(formatPretty(loaded.diagnostics, { color: io.color }));
    io.stderr(`trackplan diff: the plan at ${label} has errors; fix them before comparing\n`);
    return undefined;
  }
  return { label, plan: loaded.plan };
}

export function registerDiff(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command('diff')
    .description('classify every change between two versions of the plan and check the version bump')
    .argument('<base>', 'the plan before: a git ref (read with git, no checkout) or a folder')
    .argument('[head]', 'the plan after: a git ref or a folder (default: the --plan folder in the working tree)')
    .option('--plan <dir>', 'plan folder (in the working tree and in git refs)', 'plans')
    .addOption(formatOption(DIFF_REPORTERS))
    .action(async (base: string, head: string | undefined, options: DiffOptions) => done(await runDiff(base, head, options, io)));
}
