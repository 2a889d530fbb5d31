import path from 'node:path';
import type { Command } from 'commander';
import { inferPlan, writeDraft, type InferSource } from '../app/infer-plan.js';
import { ConfigError } from '../core/errors.js';
import { DEFAULT_INFER_LIMITS, type InferLimits } from '../core/infer/value-stats.js';
import { formatPretty } from '../report/diagnostics.js';
import { formatDisagreements, formatInferReport } from '../report/infer-report.js';
import { DEFAULT_MAX_EVENT_BYTES } from '../runtime/ndjson-lines.js';
import { openNdjsonInput, type NdjsonInput } from '../runtime/ndjson-input.js';
import { EXIT, outputOption, processIo, writeReport, type ExitCode, type Io } from './io.js';
import { integerOption, sizeOption } from './options.js';
import { formatProgress } from './progress.js';

export interface InferOptions {
  fromCode?: string;
  fromEvents?: string;
  out: string;
  merge?: string;
  stdout?: boolean;
  enumMax: number;
  enumMinSamples: number;
  maxEventBytes: number;
  receiver?: string[];
  call?: string[];
  typeCheck?: boolean;
  tsconfig?: string;
  output?: string;
}

/** `trackplan infer`: draft plan files from the analytics calls in code or from recorded events. */
export async function runInfer(options: InferOptions, io: Io, stdin?: NodeJS.ReadableStream): Promise<ExitCode> {
  if ((options.fromCode === undefined) === (options.fromEvents === undefined)) throw new ConfigError('give one of --from-code <dir> and --from-events <file|->');
  const planDir = options.merge ?? options.out;
  const limits: InferLimits = { ...DEFAULT_INFER_LIMITS, enumMax: options.enumMax, enumMinSamples: options.enumMinSamples };
  const file = options.fromEvents ?? '';
  const meter = options.fromEvents !== undefined && io === processIo && Boolean(process.stderr.isTTY) ? progressMeter(file === '-' ? 'stdin' : file, io) : undefined;
  const source: InferSource = options.fromCode !== undefined
    ? { kind: 'code', paths: [options.fromCode], receiver: options.receiver, call: options.call, typeCheck: options.typeCheck, tsconfig: options.tsconfig }
    : await eventsSource(file, io, options.maxEventBytes, meter, stdin);
  const request = { cwd: io.cwd, planDir, merge: options.merge !== undefined, limits, source };
  const result = await inferPlan(request).finally(() => meter?.clear());
  if (!result.ok) {
    io.stderr(formatPretty(result.diagnostics, { color: io.color }));
    io.stderr(`trackplan infer: the plan in ${planDir} has errors; fix them first (see \`trackplan check\`)\n`);
    return EXIT.error;
  }
  const { calls, draft } = result;
  await writeReport(io, options.output, formatInferReport(calls, source.kind === 'code' ? 'call site' : 'event') + formatDisagreements(draft.disagreements));
  for (const call of result.dynamic) io.stderr(`${call.site}  warning  ${call.callee}(${call.text}, ...): the event name is not a literal, so no event was drafted for it  infer-dynamic-name\n`);
  const read = result.read;
  if (read && read.malformed > 0) io.stderr(`${file}: ${read.malformed} lines are not JSON events (lines ${read.malformedLines.join(', ')}${read.malformed > read.malformedLines.length ? ', ...' : ''}); skipped\n`);
  for (const [reason, n] of result.skipped) io.stderr(`${file}: ${n} events skipped (${reason})\n`);
  if (options.stdout) io.stdout(draft.changed.map((name) => `# ${path.posix.join(planDir, name)}\n${draft.files.get(name)}`).join('---\n'));
  else await writeDraft(request, draft);
  const where = options.stdout ? 'printed' : `written to ${draft.changed.map((f) => path.posix.join(planDir, f)).join(', ')}`;
  const summary = [
    draft.added.length > 0 ? `${draft.added.length} new planned call${draft.added.length === 1 ? '' : 's'} (${draft.added.join(', ')})` : 'no new planned calls',
    draft.extended.length > 0 ? `${draft.extended.length} new propert${draft.extended.length === 1 ? 'y' : 'ies'}` : undefined,
    draft.planned.length > 0 && options.merge === undefined ? `${draft.planned.length} already planned (compare with --merge)` : undefined,
    draft.disagreements.length > 0 ? `${draft.disagreements.length} disagreement${draft.disagreements.length === 1 ? '' : 's'} with the plan (left as planned)` : undefined,
  ].filter(Boolean).join('; ');
  io.stderr(`trackplan infer: ${summary}${draft.changed.length > 0 ? `; ${where}` : '; nothing written'}\n`);
  return draft.disagreements.length > 0 ? EXIT.findings : EXIT.clean;
}

async function eventsSource(file: string, io: Io, maxEventBytes: number, meter: Meter | undefined, stdin?: NodeJS.ReadableStream): Promise<InferSource> {
  const input = await openNdjsonInput(file === '-' ? '-' : path.resolve(io.cwd, file), stdin ?? (file === '-' ? process.stdin : undefined));
  return { kind: 'events', input, maxEventBytes, ...(meter ? { onProgress: (p: { bytes: number; lines: number }) => meter.update(p, input) } : {}) };
}

interface Meter {
  update(progress: { bytes: number; lines: number }, input: NdjsonInput): void;
  clear(): void;
}

/** The progress line on a terminal: at most 4 times a second, after the first second. */
function progressMeter(name: string, io: Io): Meter {
  const started = Date.now();
  let shown = 0;
  return {
    update({ bytes, lines }, input) {
      const now = Date.now();
      if (now - started < 1000 || now - shown < 250) return;
      shown = now;
      const position = input.size !== undefined && input.bytesRead ? { read: input.bytesRead(), size: input.size } : {};
      io.stderr(`\r\u001b[K${formatProgress({ name, lines, bytes, elapsedMs: now - started, ...position }, 'reading')}`);
    },
    clear() {
      if (shown > 0) io.stderr('\r\u001b[K');
    },
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerInfer(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command('infer')
    .description('draft plan files from the analytics calls in your code or from recorded events')
    .option('--from-code <dir>', 'the analytics calls of this code (every call form and wrapper `trackplan lint` knows)')
    .option('--from-events <file>', 'NDJSON events (a file, .gz too, or - for stdin)')
    .option('--out <dir>', 'plan folder: a complete plan when empty, else new calls in a new file', 'plans')
    .option('--merge <dir>', 'also add new properties to the planned calls of this plan and report where the samples disagree')
    .option('--stdout', 'print the YAML instead of writing it')
    .option('--enum-max <n>', 'an enum only for at most this many distinct string values', integerOption('--enum-max', { min: 1, max: 1000 }), DEFAULT_INFER_LIMITS.enumMax)
    .option('--enum-min-samples <n>', 'events: an enum only from at least this many samples', integerOption('--enum-min-samples', { min: 1 }), DEFAULT_INFER_LIMITS.enumMinSamples)
    .option('--max-event-bytes <size>', 'a longer line is skipped (bytes, or 32KiB, 1MiB)', sizeOption('--max-event-bytes', { max: 2 ** 30 }), DEFAULT_MAX_EVENT_BYTES)
    .option('--receiver <name>', 'code: an object whose track/identify/page/... are browser-SDK calls (repeatable)', collect)
    .option('--call <spec>', 'code: a wrapper, callee[:type=track,event=0,properties=1] (repeatable)', collect)
    .option('--no-type-check', 'code: do not start the TypeScript type checker (faster; fewer types)')
    .option('--tsconfig <file>', 'code: tsconfig.json for module resolution')
    .addOption(outputOption())
    .action(async (options: InferOptions) => done(await runInfer(options, io)));
}
