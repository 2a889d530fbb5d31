import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { checkPatternSafety, unsafePatternsHint } from '../app/safe-patterns.js';
import { compileRuntimePlan } from '../core/compiled-plan.js';
import { hasErrors } from '../core/diagnostics.js';
import { ConfigError } from '../core/errors.js';
import { formatPretty } from '../report/diagnostics.js';
import { expandStreams, parseRedisUrl, produceLines, scrubSecret, startStreamConsumer, startStreamHttp } from '../runtime/stream/index.js';
import type { Validator } from '../runtime/types.js';
import { createValidator } from '../runtime/validator.js';
import { loadPlan } from '../sources/load-plan.js';
import { EXIT, type ExitCode, type Io } from './io.js';

export interface StreamOptions {
  plan: string;
  redis?: string;
  in?: string[];
  group?: string;
  consumer?: string;
  out?: string;
  violations?: string;
  deadLetter?: string;
  field: string;
  batch: string;
  blockMs: string;
  claimIdleMs: string;
  maxDeliveries: string;
  writeMode: string;
  createGroup?: boolean;
  host: string;
  port: string;
  tlsCa?: string;
  allowUnsafePatterns?: boolean;
}

const EXIT_CODES = '\nExit codes: 0 stopped by SIGTERM/SIGINT after the batch in flight, 2 usage, plan or Redis configuration error (no group, wrong password).\n';

/** `trackplan stream`: a consumer-group worker that validates entries of Redis Streams. */
export async function runStream(options: StreamOptions, io: Io, listen: () => StreamSignals): Promise<ExitCode> {
  const redis = required('--redis <url>', options.redis);
  const group = required('--group <name>', options.group);
  const out = required('--out <stream>', options.out);
  const log = (text: string) => io.stderr(`trackplan stream: ${text}\n`);
  const target = parseRedisUrl(redis, process.env['REDIS_PASSWORD'], readCa(options.tlsCa, io));
  const streams = expandStreams(required('--in <stream>', options.in));
  if (streams.length === 0) throw new ConfigError('--in: give at least one input stream');
  const validator = await loadValidator(options, io);
  if (!validator) return EXIT.error;
  const consumer = await startStreamConsumer({
    redis: target.options, secret: target.secret, streams, group, out, field: options.field,
    violations: options.violations, deadLetter: options.deadLetter, validator, log,
    ...(options.consumer ? { consumer: options.consumer } : {}),
    batch: count('--batch', options.batch, 1), blockMs: count('--block-ms', options.blockMs, 1),
    claimIdleMs: count('--claim-idle-ms', options.claimIdleMs, 1), maxDeliveries: count('--max-deliveries', options.maxDeliveries, 1),
    createGroup: options.createGroup ?? false, writeMode: writeModeOf(options.writeMode),
  });
  const http = await startStreamHttp(consumer, { group, streams, redis: target.label }, options.host, count('--port', options.port, 0));
  if (options.violations === undefined && options.deadLetter === undefined) {
    log('warning: without --violations or --dead-letter, violation records, events the policy drops and malformed entries are only counted in /metrics');
  }
  const signals = listen();
  log(`consumer ${consumer.consumer} of group ${group} on ${target.label} (${streams.join(', ')} -> ${out}) with ${validator.planId}@${validator.planVersion}; /metrics and /health on ${http.url}`);
  signals.onReload(async () => {
    // A broken plan keeps the running one: entries keep flowing while the plan gets fixed.
    const next = await loadValidator(options, io).catch((error: Error) => void log(`plan not reloaded: ${error.message}`));
    if (!next) return log('plan not reloaded; still using the previous one');
    consumer.setValidator(next);
    log(`plan reloaded: ${next.planId}@${next.planVersion}`);
  });
  const stopped = await Promise.race([signals.stop.then(() => 'signal' as const), consumer.done.then(() => 'done' as const)]);
  if (stopped === 'signal') log('stopping after the batch in flight');
  try {
    await consumer.stop();
    await consumer.done;
  } catch (error) {
    log(scrubSecret((error as Error).message, target.secret));
    return EXIT.error;
  } finally {
    await http.close();
  }
  log('stopped');
  return EXIT.clean;
}

async function loadValidator(options: Pick<StreamOptions, 'plan' | 'allowUnsafePatterns'>, io: Io): Promise<Validator | undefined> {
  const { plan, diagnostics } = await loadPlan(options.plan, { cwd: io.cwd });
  if (!plan || hasErrors(diagnostics)) {
    io.stderr(formatPretty(diagnostics, { color: io.color }));
    io.stderr(`trackplan stream: the plan in ${options.plan} has errors\n`);
    return undefined;
  }
  // As serve and validate: a pattern that can backtrack catastrophically is refused, or runs on the linear-time engine.
  const patterns = await checkPatternSafety(plan);
  if (patterns.diagnostics.length > 0 && !options.allowUnsafePatterns) {
    io.stderr(formatPretty(patterns.diagnostics, { color: io.color }));
    io.stderr(unsafePatternsHint('stream'));
    return undefined;
  }
  return createValidator(compileRuntimePlan(plan), { safePatterns: patterns.safe });
}

/** `trackplan stream produce`: loads an NDJSON file into a stream (tests and demos). */
export async function runProduce(file: string, options: { redis: string; to: string; field: string; tlsCa?: string }, io: Io): Promise<ExitCode> {
  const target = parseRedisUrl(options.redis, process.env['REDIS_PASSWORD'], readCa(options.tlsCa, io));
  const added = await produceLines(readLines(file === '-' ? undefined : path.resolve(io.cwd, file)), { redis: target.options, stream: options.to, field: options.field });
  io.stderr(`trackplan stream produce: ${added} entries added to ${options.to} on ${target.label}\n`);
  return EXIT.clean;
}

function readCa(file: string | undefined, io: Io): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(path.resolve(io.cwd, file));
  } catch (error) {
    throw new ConfigError(`--tls-ca: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Opened when first read: a readline interface made before then would lose the lines it read meanwhile. */
async function* readLines(file: string | undefined): AsyncGenerator<string> {
  yield* createInterface({ input: file === undefined ? process.stdin : createReadStream(file, 'utf8'), crlfDelay: Infinity });
}

/** Required, but checked here: commander would also demand the worker's options of `stream produce`. */
function required<T>(flag: string, value: T | undefined): T {
  if (value === undefined) throw new ConfigError(`required option ${flag} not given (see trackplan stream --help)`);
  return value;
}

function writeModeOf(text: string): 'script' | 'multi' {
  if (text !== 'script' && text !== 'multi') throw new ConfigError(`--write-mode: expected script or multi, found "${text}"`);
  return text;
}

function count(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${flag}: expected a whole number >= ${min}, found "${text}"`);
  return value;
}

export interface StreamSignals {
  /** Resolves on the first SIGTERM or SIGINT. */
  stop: Promise<void>;
  onReload(reload: () => Promise<void>): void;
}

function processSignals(): StreamSignals {
  return {
    stop: new Promise((resolve) => {
      const first = () => {
        process.once('SIGTERM', () => process.exit(1));
        process.once('SIGINT', () => process.exit(1));
        resolve();
      };
      process.once('SIGTERM', first);
      process.once('SIGINT', first);
    }),
    onReload: (reload) => void process.on('SIGHUP', () => void reload()),
  };
}

export function registerStream(program: Command, io: Io, done: (code: ExitCode) => void): void {
  const stream = program
    .command('stream')
    .description('validate events flowing through Redis Streams, as a consumer group worker')
    .option('--plan <dir>', 'plan folder (re-read on SIGHUP)', 'plans')
    .option('--redis <url>', 'redis://host:port/db or rediss:// (TLS); password from REDIS_PASSWORD or the URL')
    .option('--in <stream>', 'input stream (repeatable; {0..N} expands to sharded streams)', (value: string, list: string[] = []) => [...list, value])
    .option('--group <name>', 'consumer group')
    .option('--consumer <name>', 'consumer name (default: host name and pid)')
    .option('--out <stream>', 'stream for the events the policy passes')
    .option('--violations <stream>', 'stream for violation records (the `validate --format json` shape)')
    .option('--dead-letter <stream>', 'stream for entries that are no event, or were delivered too often (default: --violations)')
    .option('--tls-ca <file>', 'certificate authority (PEM) to trust for a rediss:// server')
    .option('--field <name>', 'entry field holding the event JSON', 'data')
    .option('--batch <n>', 'entries per read', '100')
    .option('--block-ms <ms>', 'how long one read waits for entries', '1000')
    .option('--claim-idle-ms <ms>', 'take over entries pending this long at another consumer', '30000')
    .option('--max-deliveries <n>', 'dead-letter an entry delivered more often than this', '5')
    .option('--write-mode <mode>', 'script: each batch as one Lua script (least client CPU); multi: as MULTI/EXEC (least Redis CPU)', 'script')
    .option('--create-group', 'create the group (from the start of the streams) when missing')
    .option('--allow-unsafe-patterns', 'start even when a pattern can backtrack catastrophically (it runs on the linear-time engine)')
    .option('--host <host>', 'address of /metrics and /health', '127.0.0.1')
    .option('--port <port>', 'port of /metrics and /health (0: any free port, printed at start)', '0')
    .addHelpText('after', EXIT_CODES)
    .action(async (options: StreamOptions) => done(await runStream(options, io, processSignals)));
  stream
    .command('produce')
    .description('load an NDJSON file into a stream, one entry per line (tests and demos)')
    .argument('<file>', 'NDJSON file, or - for stdin')
    .requiredOption('--to <stream>', 'the stream to add to')
    // --redis and --field are the worker's own options (commander hands them to `stream`).
    .addHelpText('after', '\nAlso takes --redis <url> (required), --tls-ca <file> and --field <name> (default: data), as `trackplan stream` does.\nExit codes: 0 loaded, 2 usage error, unreadable file or Redis error.\n')
    .action(async (file: string, _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<{ redis?: string; to: string; field: string; tlsCa?: string }>();
      done(await runProduce(file, { ...options, redis: required('--redis <url>', options.redis) }, io));
    });
}
