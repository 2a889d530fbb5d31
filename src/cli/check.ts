import type { Command } from 'commander';
import { hasErrors } from '../core/diagnostics.js';
import { loadPlan } from '../sources/load-plan.js';
import { formatDiagnostics, type DiagnosticFormat } from '../report/diagnostics.js';
import { EXIT, formatOption, type ExitCode, type Io } from './io.js';

export interface CheckOptions {
  plan: string;
  format: DiagnosticFormat;
}

/** `trackplan check`: the plan's own validity (exit 2) and plan rule findings (exit 1). */
export async function runCheck(options: CheckOptions, io: Io): Promise<ExitCode> {
  const { plan, diagnostics } = await loadPlan(options.plan, { cwd: io.cwd });
  const all = [...diagnostics];
  io.stdout(formatDiagnostics(all, options.format, io.color));
  if (!plan || hasErrors(diagnostics)) return EXIT.error;
  if (all.length > 0 && hasErrors(all)) return EXIT.findings;
  if (options.format === 'pretty') io.stdout(`${plan.id}@${plan.version}: ${plan.events.length} planned calls, no problems\n`);
  return EXIT.clean;
}

export function registerCheck(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command('check')
    .description('check the plan: format errors and plan rules')
    .option('--plan <dir>', 'plan folder', 'plans')
    .addOption(formatOption(['pretty', 'json', 'github'] as const, 'pretty'))
    .action(async (options: CheckOptions) => done(await runCheck(options, io)));
}
