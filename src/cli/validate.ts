import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { compileRuntimePlan } from '../core/compiled-plan.js';
import { hasErrors } from '../core/diagnostics.js';
import { ConfigError } from '../core/errors.js';
import { formatPretty } from '../report/diagnostics.js';
import { findReporter } from '../report/reporter.js';
import { VALIDATION_REPORTERS } from '../report/reporters.js';
import { DEFAULT_MAX_EVENT_BYTES } from '../runtime/ndjson-lines.js';
import { openNdjsonInput } from '../runtime/ndjson-input.js';
import { DEFAULT_MAX_DEPTH } from '../runtime/ndjson-batch.js';
import { validateNdjson, type Progress } from '../runtime/ndjson-run.js';
import type { PiiMode } from '../runtime/redact.js';
import { checkPatternSafety, unsafePatternsHint } from '../app/safe-patterns.js';
import { loadPlan } from '../sources/load-plan.js';
import { EXIT, formatOption, processIo, type ExitCode, type Io } from './io.js';

export interface ValidateOptions {
  /** NDJSON file (plain or gzip), or `-` for stdin. */
  file?: string | undefined;
  plan: string;
  /** The name of one of VALIDATION_REPORTERS. */
  format: string;
  /** Write the events that pass the policy here (with violations attached when propagated). */
  out?: string;
  maxEventBytes: number;
  /** Default 64. */
  maxDepth?: number;
  workers: number;
  /** Default `keep`. */
  redactPii?: PiiMode;
  allowUnsafePatterns?: boolean;
  /** A progress line on stderr; default: when stderr is a terminal. */
  progress?: boolean;
  /** Clock of the progress line, in milliseconds (tests pass their own). */
  now?: () => number;
}

/** `trackplan validate`: check an NDJSON stream of events against the plan. */
export async function runValidate(options: ValidateOptions, io: Io, stdin?: NodeJS.ReadableStream): Promise<ExitCode> {
  const file = options.file ?? (io === processIo && process.stdin.isTTY ? undefined : '-');
  if (file === undefined) {
    io.stderr('trackplan validate: no events to read: give an NDJSON file, or pipe events into `trackplan validate -`\n');
    return EXIT.error;
  }
  const { plan, diagnostics } = await loadPlan(options.plan, { cwd: io.cwd });
  if (!plan || hasErrors(diagnostics)) {
    io.stderr(formatPretty(diagnostics, { color: io.color }));
    io.stderr(`trackplan validate: the plan in ${options.plan} has errors; fix them first (see \`trackplan check\`)\n`);
    return EXIT.error;
  }
  const patterns = await checkPatternSafety(plan);
  if (patterns.diagnostics.length > 0 && !options.allowUnsafePatterns) {
    io.stderr(formatPretty(patterns.diagnostics, { color: io.color }));
    io.stderr(unsafePatternsHint('validate'));
    return EXIT.error;
  }
  const inputPath = file === '-' ? '-' : path.resolve(io.cwd, file);
  const outPath = options.out === undefined ? undefined : path.resolve(io.cwd, options.out);
  if (outPath !== undefined) await checkOutTarget(outPath, inputPath);
  const input = await openNdjsonInput(inputPath, stdin ?? (file === '-' ? process.stdin : undefined));
  const compiled = compileRuntimePlan(plan);
  const stdout = io === processIo ? streamWriter(process.stdout) : (text: string) => io.stdout(text);
  // Ctrl-C or a kill while writing: the temporary file goes, the target stays as it was (watched
  // before the file exists, so no signal falls between its creation and the watch).
  const unwatch = outPath !== undefined && io === processIo ? removeOnSignal(temporaryOf(outPath)) : undefined;
  const out = outPath === undefined ? undefined : await openOutFile(outPath);
  const progress = options.progress ?? (io === processIo && Boolean(process.stderr.isTTY));
  const meter = progress ? progressLine(file, io, options.now ?? Date.now) : undefined;
  let summary;
  try {
    summary = await validateNdjson(input.chunks, compiled, {
      maxEventBytes: options.maxEventBytes,
      maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
      workers: options.workers,
      validator: { safePatterns: patterns.safe },
      pii: options.redactPii ?? 'keep',
      ...(process.env['TRACKPLAN_PII_HASH_KEY'] ? { piiHashKey: process.env['TRACKPLAN_PII_HASH_KEY'] } : {}),
      records: options.format === 'json',
      passed: out !== undefined,
      ...(meter ? { onProgress: meter.update } : {}),
    }, async (output) => {
      if (output.records !== '') await stdout(output.records);
      if (out && output.passed !== '') await out.write(output.passed);
    });
    await out?.commit();
  } catch (error) {
    await out?.discard();
    if (error instanceof OutputClosed) return EXIT.findings;
    throw error;
  } finally {
    unwatch?.();
    meter?.clear();
  }
  const planLabel = `${compiled.id}@${compiled.version}`;
  const reporter = findReporter(VALIDATION_REPORTERS, options.format);
  const report = reporter.format(summary, { source: file, plan: planLabel, color: io.color, ...(options.out !== undefined ? { out: options.out } : {}) });
  (reporter.output === 'stderr' ? io.stderr : io.stdout)(report);
  return summary.violating > 0 ? EXIT.findings : EXIT.clean;
}

/** The reader of the output went away (`| head`): stop reading, no error. */
class OutputClosed extends Error {}

function streamWriter(stream: Writable): (text: string) => Promise<void> {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
  });
  return async (text) => {
    if (closed) throw new OutputClosed('output closed');
    if (stream.write(text)) return;
    await once(stream, 'drain').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EPIPE' ? new OutputClosed('output closed') : error;
    });
  };
}

interface OutFile {
  /** The temporary file being written, when there is one (not for devices and pipes). */
  temporary: string | undefined;
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Refuses an `--out` that would destroy something: the input itself (renaming over it would
 * replace the events with the passing ones) or a folder. Devices and pipes are fine: they are
 * written directly (see `openOutFile`).
 */
async function checkOutTarget(target: string, input: string): Promise<void> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return;
  if (info.isDirectory()) throw new ConfigError(`--out ${target}: it is a folder; name a file`);
  if (input === '-' || !info.isFile()) return;
  const source = await stat(input).catch(() => undefined);
  if (source && source.dev === info.dev && source.ino === info.ino) {
    throw new ConfigError(`--out ${target}: it is the input file; the passing events would replace the events being read. Name another file`);
  }
}

/**
 * `--out` is written to a temporary file beside the target and renamed at the end: never
 * half-written. A target that exists and is not a regular file (`/dev/null`, a named pipe, a
 * terminal) is written directly: renaming over it would replace the device with a file.
 */
async function openOutFile(target: string): Promise<OutFile> {
  const info = await stat(target).catch(() => undefined);
  if (info && !info.isFile()) {
    const direct = createWriteStream(target, { flags: 'a' });
    await once(direct, 'open');
    return {
      temporary: undefined,
      async write(text) {
        if (!direct.write(text)) await once(direct, 'drain');
      },
      async commit() {
        direct.end();
        await once(direct, 'finish');
      },
      async discard() {
        direct.destroy();
      },
    };
  }
  const temporary = temporaryOf(target);
  const stream = createWriteStream(temporary);
  await once(stream, 'open');
  return {
    temporary,
    async write(text) {
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async commit() {
      stream.end();
      await once(stream, 'finish');
      await rename(temporary, target);
    },
    async discard() {
      stream.destroy();
      await rm(temporary, { force: true });
    },
  };
}

function temporaryOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
}

/** Until the returned function is called, SIGINT and SIGTERM remove the temporary file and exit (130, 143). */
function removeOnSignal(temporary: string): () => void {
  const handler = (signal: NodeJS.Signals) => {
    rmSync(temporary, { force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

function progressLine(file: string, io: Io, clock: () => number): { update: (progress: Progress) => void; clear: () => void } {
  const started = clock();
  let shown = 0;
  const name = file === '-' ? 'stdin' : file;
  return {
    update({ bytes, lines }) {
      const now = clock();
      // Only for long inputs, and at most 4 times a second.
      if (now - started < 1000 || now - shown < 250) return;
      shown = now;
      const seconds = (now - started) / 1000;
      io.stderr(`\r\u001b[Kvalidating ${name}: ${lines.toLocaleString('en-US')} lines, ${(bytes / 1e6).toFixed(0)} MB, ${Math.round(lines / seconds).toLocaleString('en-US')} lines/s`);
    },
    clear() {
      if (shown > 0) io.stderr('\r\u001b[K');
    },
  };
}

function positiveInteger(name: string, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}.`);
    return number;
  };
}

export function registerValidate(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command('validate')
    .description('validate an NDJSON stream of events (a file, .gz too, or - for stdin) against the plan')
    .addHelpText('after', '\nExit codes: 0 no violations, 1 violations found, 2 usage, configuration, input or plan error (unsafe patterns included).')
    .argument('[file]', 'NDJSON events, one per line; - reads stdin')
    .option('--plan <dir>', 'plan folder', 'plans')
    .addOption(formatOption(VALIDATION_REPORTERS))
    .option('--out <file>', 'write the events that pass the policy to this NDJSON file')
    .option('--max-event-bytes <n>', 'a longer line is a malformed event', positiveInteger('--max-event-bytes', 2 ** 30), DEFAULT_MAX_EVENT_BYTES)
    .option('--max-depth <n>', 'deeper nesting is a malformed event', positiveInteger('--max-depth', 1_000_000), DEFAULT_MAX_DEPTH)
    .addOption(new Option('--redact-pii <mode>', 'values of pii: true properties in the --out events (records never hold them)').choices(['hash', 'drop', 'keep']).default('keep'))
    .option('--allow-unsafe-patterns', 'run even when a pattern can backtrack catastrophically (it runs on the linear-time engine)')
    .option('--workers <n>', 'validate on n threads: this one and n - 1 worker threads (output keeps the input order)', positiveInteger('--workers', 64), 1)
    .action(async (file: string | undefined, options: Omit<ValidateOptions, 'file'>) => done(await runValidate({ ...options, file }, io)));
}
