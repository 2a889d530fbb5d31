import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { hasErrors } from '../core/diagnostics.js';
import { ConfigError } from '../core/errors.js';
import { draftCalls, type DraftedCall } from '../core/infer/draft-plan.js';
import { detectConvention } from '../core/infer/naming.js';
import { SampleSet, type CallSamples } from '../core/infer/sample-set.js';
import { DEFAULT_INFER_LIMITS, type InferLimits } from '../core/infer/value-stats.js';
import { planIdFrom } from '../core/init/detect.js';
import { draftHeader } from '../core/init/templates.js';
import type { PlanIR } from '../core/ir.js';
import { formatDisagreements, formatInferReport } from '../report/infer-report.js';
import { formatPretty } from '../report/diagnostics.js';
import { DEFAULT_MAX_EVENT_BYTES } from '../runtime/ndjson-lines.js';
import { openNdjsonInput } from '../runtime/ndjson-input.js';
import { draftPlanFiles } from '../sources/draft-plan-files.js';
import { readEventSamples } from '../app/infer-events.js';
import { loadPlan } from '../sources/load-plan.js';
import { loadPlanFiles } from '../sources/load-plan-files.js';
import { writePlanFolder } from '../sources/sheets/write-plan-folder.js';
import { EXIT, outputOption, processIo, writeReport, type ExitCode, type Io } from './io.js';
import { integerOption, sizeOption } from './options.js';
import { formatProgress } from './progress.js';
import { projectSources, readPackageJson } from './project-info.js';

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
  const dir = path.resolve(io.cwd, planDir);
  const existing = await loadExisting(dir, planDir, io);
  if (existing === null) return EXIT.error;
  const limits: InferLimits = { ...DEFAULT_INFER_LIMITS, enumMax: options.enumMax, enumMinSamples: options.enumMinSamples };
  const fromCode = options.fromCode !== undefined;
  let set: SampleSet;
  let warnings = '';
  if (options.fromCode !== undefined) {
    const sampled = await (await import('../app/sample-code.js')).sampleCode(io.cwd, [options.fromCode], existing, limits, options);
    set = sampled.set;
    for (const call of sampled.dynamic) warnings += `${call.site}  warning  ${call.callee}(${call.text}, ...): the event name is not a literal, so no event was drafted for it  infer-dynamic-name\n`;
  } else {
    const file = options.fromEvents!;
    const input = await openNdjsonInput(file === '-' ? '-' : path.resolve(io.cwd, file), stdin ?? (file === '-' ? process.stdin : undefined));
    set = new SampleSet(limits);
    const started = Date.now();
    const showProgress = io === processIo && Boolean(process.stderr.isTTY);
    let shown = 0;
    const read = await readEventSamples(input, set, {
      maxEventBytes: options.maxEventBytes,
      onProgress: ({ bytes, lines }) => {
        const now = Date.now();
        if (!showProgress || now - started < 1000 || now - shown < 250) return;
        shown = now;
        const position = input.size !== undefined && input.bytesRead ? { read: input.bytesRead(), size: input.size } : {};
        io.stderr(`\r\u001b[K${formatProgress({ name: file === '-' ? 'stdin' : file, lines, bytes, elapsedMs: now - started, ...position }, 'reading')}`);
      },
    });
    if (shown > 0) io.stderr('\r\u001b[K');
    if (read.malformed > 0) warnings += `${file}: ${read.malformed} lines are not JSON events (lines ${read.malformedLines.join(', ')}${read.malformed > read.malformedLines.length ? ', ...' : ''}); skipped\n`;
    for (const [reason, n] of set.skipped) warnings += `${file}: ${n} events skipped (${reason})\n`;
  }
  const describe = (s: CallSamples) => fromCode
    ? [`drafted by trackplan infer from ${s.count} call site${s.count === 1 ? '' : 's'}: ${s.sites.join(', ')}${s.moreSites > 0 ? ` and ${s.moreSites} more` : ''}`]
    : [`drafted by trackplan infer from ${s.count.toLocaleString('en-US')} event${s.count === 1 ? '' : 's'}`];
  const calls = draftCalls(set, fromCode, describe);
  const draft = await draftPlanFiles({
    dir, cwd: io.cwd, calls, existing, merge: options.merge !== undefined, header: await headerFor(io.cwd, calls),
  });
  // The draft must load as a plan before anything is written.
  const check = loadPlanFiles([...draft.files].map(([name, text]) => ({ name: path.posix.join(planDir, name), text, path: name })));
  if (!check.plan || hasErrors(check.diagnostics)) {
    io.stderr(formatPretty(check.diagnostics, { color: io.color }));
    throw new Error('the drafted plan does not load; nothing was written');
  }
  const unit = fromCode ? 'call site' : 'event';
  await writeReport(io, options.output, formatInferReport(calls, unit) + formatDisagreements(draft.disagreements));
  io.stderr(warnings);
  if (options.stdout) {
    io.stdout(draft.changed.map((file) => `# ${path.posix.join(planDir, file)}\n${draft.files.get(file)}`).join('---\n'));
  } else if (draft.changed.length > 0) {
    await writePlanFolder(dir, draft.files, io.cwd);
  }
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

/** The folder's plan; undefined when it has no plan files yet; null (reported) when it has errors. */
async function loadExisting(dir: string, planDir: string, io: Io): Promise<PlanIR | undefined | null> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  if (!entries.some((entry) => /\.ya?ml$/i.test(entry) && !entry.split(/[\\/]/).some((part) => part.startsWith('.')))) return undefined;
  const { plan, diagnostics } = await loadPlan(planDir, { cwd: io.cwd });
  if (!plan || hasErrors(diagnostics)) {
    io.stderr(formatPretty(diagnostics, { color: io.color }));
    io.stderr(`trackplan infer: the plan in ${planDir} has errors; fix them first (see \`trackplan check\`)\n`);
    return null;
  }
  return plan;
}

/** The header of a new plan: named after the project, its SDKs as sources, the naming conventions of the draft. */
async function headerFor(cwd: string, calls: readonly DraftedCall[]): Promise<Record<string, unknown>> {
  const pkg = await readPackageJson(cwd);
  const id = planIdFrom(pkg?.json['name'] as string | undefined);
  const properties = calls.flatMap((c) => Object.keys((c.definition['properties'] ?? c.definition['traits'] ?? {}) as object));
  return draftHeader({
    id, name: `${id} tracking plan`, sources: projectSources(pkg?.json),
    events: detectConvention(calls.filter((c) => c.call === 'track').map((c) => c.name)),
    properties: detectConvention(properties),
  });
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
