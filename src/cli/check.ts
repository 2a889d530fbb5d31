import type { Command } from 'commander';
import { hasErrors } from '../core/diagnostics.js';
import { checkPlan } from '../app/check-plan.js';
import { loadPlan } from '../sources/load-plan.js';
import { DIAGNOSTIC_REPORTERS, formatDiagnostics, summarize, type DiagnosticFormat } from '../report/diagnostics.js';
import { EXIT, formatOption, outputOption, sourceReader, writeReport, type ExitCode, type Io } from './io.js';

export interface CheckOptions {
  plan: string;
  format: DiagnosticFormat;
  output?: string;
}

/**
 * `trackplan check`: the plan's own validity and its `rules:` settings (exit 2), then the plan
 * rules (exit 1 on any finding at error level; warnings alone exit 0).
 */
export async function runCheck(options: CheckOptions, io: Io): Promise<ExitCode> {
  const { plan, diagnostics } = await loadPlan(options.plan, { cwd: io.cwd });
  const color = io.color && options.output === undefined;
  if (!plan || hasErrors(diagnostics)) {
    await writeReport(io, options.output, formatDiagnostics(diagnostics, options.format, color, sourceReader(io.cwd)));
    return EXIT.error;
  }
  const result = await checkPlan(plan);
  const all = [...diagnostics, ...result.configDiagnostics, ...result.diagnostics];
  let report = formatDiagnostics(all, options.format, color, sourceReader(io.cwd));
  const code = hasErrors(result.configDiagnostics) ? EXIT.error : hasErrors(result.diagnostics) ? EXIT.findings : EXIT.clean;
  if (code === EXIT.clean && options.format === 'pretty') {
    const { warnings } = summarize(all);
    const tail = warnings === 0 ? 'no problems' : `no errors, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    report += `${plan.id}@${plan.version}: ${plan.events.length} planned calls, ${tail}\n`;
  }
  await writeReport(io, options.output, report);
  return code;
}

export function registerCheck(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command('check')
    .description('check the plan: format errors and plan rules (severities in the header\'s `rules:`)')
    .option('--plan <dir>', 'plan folder', 'plans')
    .addOption(formatOption(DIAGNOSTIC_REPORTERS))
    .addOption(outputOption())
    .action(async (options: CheckOptions) => done(await runCheck(options, io)));
}
