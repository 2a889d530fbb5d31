import { Argument, Option, type Command } from 'commander';
import { ENFORCEMENT_EXPORTS, isEnforcementExportName, loadEnforcementExport, type EnforcementExportName } from '../app/enforcement/index.js';
import { hasErrors } from '../core/diagnostics.js';
import type { PlanIR } from '../core/ir.js';
import { DIAGNOSTIC_REPORTERS, formatDiagnostics, formatPretty, type DiagnosticFormat } from '../report/diagnostics.js';
import { loadPlanAtRef } from '../sources/git-plan.js';
import { EXPORT_FORMATS, loadExportFormat, type ExportFormatName } from '../sources/interop/registry.js';
import type { ExportOptions } from '../sources/interop/types.js';
import { writeExport } from '../sources/interop/write-export.js';
import { loadPlan } from '../sources/load-plan.js';
import { EXIT, formatOption, type ExitCode, type Io } from './io.js';

/**
 * Every format `export` writes: the interop registry's, and the enforcement exporters of src/app
 * (they compile validators, which src/sources may not do).
 */
type ExportName = ExportFormatName | EnforcementExportName;
const FORMATS: Record<ExportName, string> = { ...EXPORT_FORMATS, ...ENFORCEMENT_EXPORTS };
const NAMES = Object.keys(FORMATS) as ExportName[];

export interface ExportCliOptions {
  plan: string;
  out: string;
  base?: string;
  format: DiagnosticFormat;
}

/**
 * `trackplan export <format> --out <path>`: writes the plan in another tool's format and prints
 * what the target cannot hold. Exit 0 nothing lost, 1 warnings, 2 plan or usage error.
 */
export async function runExport(format: ExportName, options: ExportCliOptions, io: Io): Promise<ExitCode> {
  const plan = await loadValidPlan(() => loadPlan(options.plan, { cwd: io.cwd }), options.plan, io);
  if (!plan) return EXIT.error;
  const exportOptions: ExportOptions = {};
  if (options.base !== undefined) {
    const base = await loadValidPlan(() => loadPlanAtRef(options.base!, options.plan, { cwd: io.cwd }), `${options.plan} at ${options.base}`, io);
    if (!base) return EXIT.error;
    exportOptions.base = base;
  }
  const exporter = isEnforcementExportName(format) ? await loadEnforcementExport(format) : await loadExportFormat(format);
  const result = exporter.exportPlan(plan, exportOptions);
  await writeExport(options.out, result.files, exporter.output, io.cwd);
  io.stdout(formatDiagnostics(result.diagnostics, options.format, io.color));
  if (options.format === 'pretty') {
    const lost = result.diagnostics.length;
    io.stdout(`exported ${plan.events.length} planned calls as ${format} to ${options.out}${lost === 0 ? ', nothing lost' : `, ${lost} warning${lost === 1 ? '' : 's'} (see above)`}\n`);
  }
  return result.diagnostics.length > 0 ? EXIT.findings : EXIT.clean;
}

async function loadValidPlan(load: () => Promise<{ plan: PlanIR | undefined; diagnostics: Parameters<typeof hasErrors>[0] }>, label: string, io: Io): Promise<PlanIR | undefined> {
  const loaded = await load();
  if (loaded.plan && !hasErrors(loaded.diagnostics)) return loaded.plan;
  io.stderr(formatPretty(loaded.diagnostics, { color: io.color }));
  io.stderr(`trackplan export: the plan ${label} has errors; fix them before exporting\n`);
  return undefined;
}

export function registerExport(program: Command, io: Io, done: (code: ExitCode) => void): void {
  const width = Math.max(...NAMES.map((name) => name.length)) + 2;
  const formats = NAMES.map((name) => `  ${name.padEnd(width)}${FORMATS[name]}`).join('\n');
  program
    .command('export')
    .description('write the plan in another tool\'s format')
    .addArgument(new Argument('<format>', 'the output format').choices(NAMES))
    .option('--plan <dir>', 'plan folder', 'plans')
    .requiredOption('--out <path>', 'file or folder to write (written whole or not at all)')
    .addOption(new Option('--base <git-ref>', 'iglu: the published plan, to compute SchemaVer bumps with the plan diff'))
    .addOption(formatOption(DIAGNOSTIC_REPORTERS))
    .addHelpText('after', `\nFormats:\n${formats}\n\nExit codes:\n  0  exported, nothing lost\n  1  exported, with warnings for what the target cannot hold\n  2  usage error, or the plan has errors (nothing written)\n`)
    .action(async (format: ExportName, options: ExportCliOptions) => done(await runExport(format, options, io)));
}
