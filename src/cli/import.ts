import path from 'node:path';
import { Argument, Option, type Command } from 'commander';
import { hasErrors } from '../core/diagnostics.js';
import { ConfigError } from '../core/errors.js';
import { DIAGNOSTIC_REPORTERS, formatDiagnostics, type DiagnosticFormat } from '../report/diagnostics.js';
import { loadPlanFiles } from '../sources/load-plan-files.js';
import { readInputs } from '../sources/interop/read-inputs.js';
import { IMPORT_FORMAT_NAMES, IMPORT_FORMATS, loadImportFormat, type ImportFormatName } from '../sources/interop/registry.js';
import type { ImportOptions } from '../sources/interop/types.js';
import { renderPlanDocuments, writePlanDocuments } from '../sources/interop/write-plan-documents.js';
import { EXIT, formatOption, sourceReader, type ExitCode, type Io } from './io.js';

export interface ImportCliOptions {
  out: string;
  format: DiagnosticFormat;
  eventVersion?: string;
  columns?: string;
}

/**
 * `trackplan import <format> <input...> --out <dir>`: reads another tool's plan, writes a plan
 * folder, prints what could not be carried. Exit 0 nothing lost, 1 warnings, 2 bad input.
 */
export async function runImport(format: ImportFormatName, inputs: readonly string[], options: ImportCliOptions, io: Io): Promise<ExitCode> {
  const importOptions: ImportOptions = {};
  if (options.eventVersion !== undefined) {
    if (!/^[1-9]\d*$/.test(options.eventVersion)) throw new ConfigError(`--event-version: expected a positive whole number, found ${JSON.stringify(options.eventVersion)}`);
    importOptions.eventVersion = Number(options.eventVersion);
  }
  if (options.columns !== undefined) importOptions.columns = options.columns;
  const importer = await loadImportFormat(format);
  const files = await readInputs(inputs, io.cwd);
  const result = importer.importPlan(files, importOptions);
  const rendered = renderPlanDocuments(result.documents);
  // The plan is checked before anything is written: an import must give a plan `check` accepts.
  const display = (file: string) => path.posix.join(options.out.split(path.sep).join('/'), file);
  const loaded = loadPlanFiles([...rendered].map(([file, text]) => ({ name: display(file), text, path: file })));
  if (!loaded.plan || hasErrors(loaded.diagnostics)) {
    io.stdout(formatDiagnostics([...result.diagnostics, ...loaded.diagnostics], options.format, io.color));
    io.stderr(`trackplan import: the ${format} input gave a plan with errors (a bug in the importer); nothing was written\n`);
    return EXIT.error;
  }
  await writePlanDocuments(options.out, rendered, io.cwd);
  io.stdout(formatDiagnostics(result.diagnostics, options.format, io.color, sourceReader(io.cwd)));
  if (options.format === 'pretty') {
    const lost = result.diagnostics.length;
    io.stdout(`imported ${loaded.plan.events.length} planned calls from ${format} into ${options.out}${lost === 0 ? ', nothing lost' : `, ${lost} warning${lost === 1 ? '' : 's'} (see above)`}\n`);
  }
  return result.diagnostics.length > 0 ? EXIT.findings : EXIT.clean;
}

export function registerImport(program: Command, io: Io, done: (code: ExitCode) => void): void {
  const formats = IMPORT_FORMAT_NAMES.map((name) => `  ${name.padEnd(12)}${IMPORT_FORMATS[name]}`).join('\n');
  program
    .command('import')
    .description('import a tracking plan from another tool into a plan folder')
    .addArgument(new Argument('<format>', 'the input format').choices(IMPORT_FORMAT_NAMES))
    .argument('<input...>', 'input files or folders')
    .requiredOption('--out <plan-dir>', 'plan folder to write (replaced at once; other files in it stay)')
    .addOption(new Option('--event-version <n>', 'segment: the version of each track event to take (default: the newest)'))
    .addOption(new Option('--columns <set>', 'csv: the column set (segment, avo, amplitude, tracklint); default: detected from the header row'))
    .addOption(formatOption(DIAGNOSTIC_REPORTERS))
    .addHelpText('after', `\nFormats:\n${formats}\n\nExit codes:\n  0  imported, nothing lost\n  1  imported, with warnings for what the plan cannot hold\n  2  input unreadable or not the named format (nothing written)\n`)
    .action(async (format: ImportFormatName, inputs: string[], options: ImportCliOptions) => done(await runImport(format, inputs, options, io)));
}
