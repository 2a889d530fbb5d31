import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { InvalidArgumentError, type Command } from 'commander';
import { compileRuntimePlan } from '../core/compiled-plan.js';
import { hasErrors } from '../core/diagnostics.js';
import { formatPretty } from '../report/diagnostics.js';
import { formatValidationPretty } from '../report/validation-pretty.js';
import { DEFAULT_MAX_EVENT_BYTES } from '../runtime/ndjson-lines.js';
import { openNdjsonInput } from '../runtime/ndjson-input.js';
import { validateNdjson, type Progress } from '../runtime/ndjson-run.js';
import { loadPlan } from '../sources/load-plan.js';
import { EXIT, formatOption, processIo, type ExitCode, type Io } from './io.js';

export interface ValidateOptions {
  /** NDJSON file (plain or gzip), or `-` for stdin. */
  file?: string | undefined;
  plan: string;
  format: 'pretty' | 'json';
  /** Write the events that pass the policy here (with violations attached when propagated). */
  out?: string;
  maxEventBytes: number;
  workers: number;
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
  const input = await openNdjsonInput(file === '-' ? '-' : path.resolve(io.cwd, file), stdin ?? (file === '-' ? process.stdin : undefined));
  const compiled = compileRuntimePlan(plan);
  const stdout = io === processIo ? streamWriter(process.stdout) : (text: string) => io.stdout(text);
  const out = options.out === undefined ? undefined : await openOutFile(path.resolve(io.cwd, options.out));
  const progress = options.progress ?? (io === processIo && Boolean(process.stderr.isTTY));
  const meter = progress ? progressLine(file, io, options.now ?? Date.now) : undefined;
  let summary;
  try {
    summary = await validateNdjson(input.chunks, compiled, {
      maxEventBytes: options.maxEventBytes,
      workers: options.workers,
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
    meter?.clear();
  }
  const planLabel = `${compiled.id}@${compiled.version}`;
  if (options.format === 'pretty') {
    io.stdout(formatValidationPretty(summary, { source: file, plan: planLabel, color: io.color, ...(options.out !== undefined ? { out: options.out } : {}) }));
  } else {
    io.stderr(`${summary.events} events, ${summary.violating} with violations (${planLabel})\n`);
  }
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
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** `--out` is written to a temporary file beside the target and renamed at the end: never half-written. */
async function openOutFile(target: string): Promise<OutFile> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const stream = createWriteStream(temporary);
  await once(stream, 'open');
  return {
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
    .argument('[file]', 'NDJSON events, one per line; - reads stdin')
    .option('--plan <dir>', 'plan folder', 'plans')
    .addOption(formatOption(['pretty', 'json'] as const, 'pretty'))
    .option('--out <file>', 'write the events that pass the policy to this NDJSON file')
    .option('--max-event-bytes <n>', 'a longer line is a malformed event', positiveInteger('--max-event-bytes', 2 ** 30), DEFAULT_MAX_EVENT_BYTES)
    .option('--workers <n>', 'validate on n threads: this one and n - 1 worker threads (output keeps the input order)', positiveInteger('--workers', 64), 1)
    .action(async (file: string | undefined, options: Omit<ValidateOptions, 'file'>) => done(await runValidate({ ...options, file }, io)));
}
