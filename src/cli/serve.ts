import path from 'node:path';
import { Option, type Command } from 'commander';
import { compileRuntimePlan } from '../core/compiled-plan.js';
import { hasErrors } from '../core/diagnostics.js';
import { ConfigError } from '../core/errors.js';
import { formatPretty } from '../report/diagnostics.js';
import { startServer, type ServeOptions as ServerOptions } from '../runtime/http/server.js';
import type { FsyncPolicy } from '../runtime/http/spool/spool.js';
import { maskUrl } from '../runtime/http/mask-url.js';
import { createRedactor, type PiiMode } from '../runtime/redact.js';
import { createValidator } from '../runtime/validator.js';
import { checkPatternSafety, unsafePatternsHint } from '../app/safe-patterns.js';
import { loadPlan } from '../sources/load-plan.js';
import { EXIT, type ExitCode, type Io } from './io.js';
import { ViolationTicker } from './violation-ticker.js';
import { parseNumberOption } from './options.js';
import { runServeWorkers } from './serve-workers.js';

export interface ServeOptions {
  plan: string;
  host: string;
  port: string;
  adminPort?: string;
  forward?: string;
  violations?: string;
  violationsWebhook?: string;
  webhookInterval: string;
  writeKey: string[];
  spool: string;
  spoolMaxSize: string;
  fsync: FsyncPolicy;
  maxMessageSize: string;
  maxBatchSize: string;
  maxBatchEntries: string;
  maxDepth: string;
  headerTimeout: string;
  bodyTimeout: string;
  idleTimeout: string;
  violationsMaxSize: string;
  violationsMaxFiles: string;
  redactPii: PiiMode;
  allowUnsafePatterns?: boolean;
  drainTimeout: string;
  /** Seconds between the one-line violation summaries on stderr; 0: none. Default 10. */
  summaryInterval?: string;
  /** Worker processes (`--workers`); default 1: this process serves. */
  workers?: string;
}

/**
 * `trackplan serve`: a validating proxy for the Segment/RudderStack HTTP API. Runs until
 * `waitForStop` resolves (SIGTERM or SIGINT from the CLI), then drains the spool and returns 0.
 */
export async function runServe(options: ServeOptions, io: Io, waitForStop: () => Promise<void>): Promise<ExitCode> {
  const settings = readSettings(options);
  const { plan, diagnostics } = await loadPlan(options.plan, { cwd: io.cwd });
  if (!plan || hasErrors(diagnostics)) {
    io.stderr(formatPretty(diagnostics, { color: io.color }));
    io.stderr('trackplan serve: the plan has errors; not starting\n');
    return EXIT.error;
  }
  const patterns = await checkPatternSafety(plan);
  if (patterns.diagnostics.length > 0 && !options.allowUnsafePatterns) {
    io.stderr(formatPretty(patterns.diagnostics, { color: io.color }));
    io.stderr(unsafePatternsHint('serve'));
    return EXIT.error;
  }
  const compiled = compileRuntimePlan(plan);
  const validator = createValidator(compiled, { safePatterns: patterns.safe });
  const log = (text: string) => io.stderr(`trackplan serve: ${text}\n`);
  const intervalSeconds = Number(options.summaryInterval ?? '10');
  if (!(intervalSeconds >= 0)) fail(`--summary-interval: expected seconds, found "${options.summaryInterval}"`);
  const ticker = intervalSeconds > 0 ? new ViolationTicker({ intervalMs: intervalSeconds * 1000, write: log }) : undefined;
  let server;
  try {
    server = await startServer({
      ...settings,
      validator,
      log,
      output: io.stdout,
      pii: { redactor: createRedactor(compiled, process.env['TRACKPLAN_PII_HASH_KEY']), mode: options.redactPii },
      ...(ticker ? { onViolations: (results) => ticker.add(results) } : {}),
      ...(options.violations ? { violationsFile: path.resolve(io.cwd, options.violations) } : {}),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new ConfigError(`${(error as Error).message}: another process listens there; stop it, or pick another port with --port (0: any free port)`);
  }
  const waiting = server.spool?.stats.messages ?? 0;
  const where = options.forward ? `forwarding to ${maskUrl(options.forward)} through the spool ${options.spool}${waiting ? ` (${waiting} messages from the last run to send first)` : ''}` : 'writing accepted events to stdout';
  log(`listening on ${server.url} with ${plan.id}@${plan.version}; ${where}${server.adminUrl !== server.url ? `; /health and /metrics on ${server.adminUrl}` : ''}`);
  await waitForStop();
  log('stopping: no new requests; sending what the spool holds');
  const { delivered, left } = await server.close({ drainTimeoutMs: Number(options.drainTimeout) * 1000 });
  ticker?.close();
  if (!options.forward) log('stopped');
  else log(delivered ? 'stopped; everything was delivered' : `stopped; ${left} messages stay in the spool ${options.spool} and go out at the next start`);
  return EXIT.clean;
}

function readSettings(options: ServeOptions): Omit<ServerOptions, 'validator'> {
  const port = readPort('--port', options.port);
  const size = (flag: string, text: string) => parseNumberOption(flag, text, 'size');
  const seconds = (flag: string, text: string) => (Number(text) >= 0 ? Number(text) : fail(`${flag}: expected seconds, found "${text}"`));
  const count = (flag: string, text: string) => parseNumberOption(flag, text, 'integer', { min: 1 });
  const limits = {
    maxMessageBytes: size('--max-message-size', options.maxMessageSize),
    maxBatchBytes: size('--max-batch-size', options.maxBatchSize),
    maxBatchEntries: count('--max-batch-entries', options.maxBatchEntries),
    maxDepth: count('--max-depth', options.maxDepth),
  };
  const timeouts = {
    headersMs: seconds('--header-timeout', options.headerTimeout) * 1000,
    bodyMs: seconds('--body-timeout', options.bodyTimeout) * 1000,
    idleMs: seconds('--idle-timeout', options.idleTimeout) * 1000,
  };
  const violationsRotation = { maxFileBytes: size('--violations-max-size', options.violationsMaxSize), maxFiles: count('--violations-max-files', options.violationsMaxFiles) };
  const spoolMaxBytes = size('--spool-max-size', options.spoolMaxSize);
  const webhookSeconds = seconds('--webhook-interval', options.webhookInterval);
  seconds('--drain-timeout', options.drainTimeout);
  // Keys can also come from the environment, which, unlike arguments, other users cannot list.
  const envKeys = (process.env['TRACKPLAN_WRITE_KEYS'] ?? '').split(',').map((key) => key.trim()).filter(Boolean);
  const writeKeys = [...options.writeKey, ...envKeys];
  const settings: Omit<ServerOptions, 'validator'> = {
    host: options.host, port, limits, timeouts, violationsRotation,
    ...(options.adminPort !== undefined ? { adminPort: readPort('--admin-port', options.adminPort) } : {}),
    ...(writeKeys.length ? { writeKeys } : {}),
  };
  if (options.forward) {
    settings.forward = {
      url: checkUrl('--forward', options.forward),
      spool: { dir: options.spool, maxBytes: spoolMaxBytes, fsync: options.fsync },
    };
  }
  if (options.violationsWebhook) {
    settings.webhook = { url: checkUrl('--violations-webhook', options.violationsWebhook), intervalMs: webhookSeconds * 1000 };
  }
  return settings;
}

function readPort(flag: string, text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`${flag}: expected a port number (0-65535), found "${text}"`);
  return port;
}

function checkUrl(flag: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The text may hold credentials: it is not repeated in the message.
    return fail(`${flag}: expected an http(s) URL, found text that does not parse as one`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`${flag}: expected an http(s) URL, found ${maskUrl(text)}`);
  return text;
}

function fail(message: string): never {
  throw new ConfigError(message);
}

/** Resolves on the first SIGTERM or SIGINT; a second one exits at once. */
function onShutdownSignal(): Promise<void> {
  return new Promise((resolve) => {
    const first = () => {
      process.once('SIGTERM', () => process.exit(1));
      process.once('SIGINT', () => process.exit(1));
      resolve();
    };
    process.once('SIGTERM', first);
    process.once('SIGINT', first);
  });
}

export function registerServe(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command('serve')
    .description('a validating proxy for the Segment/RudderStack HTTP tracking API')
    .addHelpText('after', '\nLimits, timeouts and PII redaction: docs/hardening.md')
    .option('--plan <dir>', 'plan folder', 'plans')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '8088')
    .option('--admin-port <port>', 'serve /health and /metrics on this port instead (default: the ingestion port)')
    .option('--forward <url>', 'RudderStack data plane or Segment-compatible API; batches go to URL/v1/batch')
    .option('--write-key <key>', 'accepted write key (repeatable; also TRACKPLAN_WRITE_KEYS=a,b); none: accept any', (key: string, keys: string[]) => [...keys, key], [] as string[])
    .option('--violations <file>', 'append one NDJSON record per violating event')
    .option('--violations-webhook <url>', 'post a violation summary to a Slack-compatible incoming webhook')
    .option('--webhook-interval <seconds>', 'at most one webhook post per this many seconds', '60')
    .option('--spool <dir>', 'spool folder for accepted messages not yet forwarded', '.trackplan/spool')
    .option('--spool-max-size <size>', 'spool bound; past it clients get 503', '1GiB')
    .addOption(new Option('--fsync <policy>', 'when the spool syncs to disk').choices(['always', 'interval', 'never']).default('interval'))
    .option('--max-message-size <size>', 'largest message', '32KiB')
    .option('--max-batch-size <size>', 'largest batch request body', '500KiB')
    .option('--summary-interval <seconds>', 'at most one line summing up violations on stderr per this many seconds (0: none)', '10')
    .option('--max-batch-entries <n>', 'most messages in one batch', '2000')
    .option('--max-depth <n>', 'deepest nesting of a message; deeper ones are dropped as Malformed-Event', '64')
    .option('--header-timeout <seconds>', 'a client must send its request headers within this', '10')
    .option('--body-timeout <seconds>', 'a client must send its whole request within this', '30')
    .option('--idle-timeout <seconds>', 'an idle keep-alive connection is closed after this', '65')
    .option('--violations-max-size <size>', 'rotate the violations file past this size', '100MiB')
    .option('--violations-max-files <n>', 'rotated violations files kept (file.1 ... file.n)', '5')
    .addOption(new Option('--redact-pii <mode>', 'values of pii: true properties in forwarded messages (violation records never hold them)').choices(['hash', 'drop', 'keep']).default('keep'))
    .option('--allow-unsafe-patterns', 'start even when a pattern can backtrack catastrophically (it runs on the linear-time engine)')
    .option('--drain-timeout <seconds>', 'on SIGTERM, how long to keep forwarding before exiting', '30')
    .option('--workers <n>', 'processes sharing the port, each with its own spool <spool>/worker-<n> (needs --forward)', '1')
    .action(async (options: ServeOptions) => done(await runServeWorkers(options, io, (mine, stop) => runServe(mine, io, stop), onShutdownSignal)));
}
