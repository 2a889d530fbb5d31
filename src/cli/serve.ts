import path from 'node:path';
import { Option, type Command } from 'commander';
import { compileRuntimePlan } from '../core/compiled-plan.js';
import { hasErrors } from '../core/diagnostics.js';
import { ConfigError } from '../core/errors.js';
import { formatPretty } from '../report/diagnostics.js';
import { parseSize } from '../runtime/http/size.js';
import { startServer, type ServeOptions as ServerOptions } from '../runtime/http/server.js';
import type { FsyncPolicy } from '../runtime/http/spool/spool.js';
import { createValidator } from '../runtime/validator.js';
import { loadPlan } from '../sources/load-plan.js';
import { EXIT, type ExitCode, type Io } from './io.js';
import { runServeWorkers } from './serve-workers.js';

export interface ServeOptions {
  plan: string;
  host: string;
  port: string;
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
  drainTimeout: string;
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
  const validator = createValidator(compileRuntimePlan(plan));
  const log = (text: string) => io.stderr(`trackplan serve: ${text}\n`);
  const server = await startServer({
    ...settings,
    validator,
    log,
    output: io.stdout,
    ...(options.violations ? { violationsFile: path.resolve(io.cwd, options.violations) } : {}),
  });
  const waiting = server.spool?.stats.messages ?? 0;
  const where = options.forward ? `forwarding to ${options.forward} through the spool ${options.spool}${waiting ? ` (${waiting} messages from the last run to send first)` : ''}` : 'writing accepted events to stdout';
  log(`listening on ${server.url} with ${plan.id}@${plan.version}; ${where}`);
  await waitForStop();
  log('stopping: no new requests; sending what the spool holds');
  const { delivered, left } = await server.close({ drainTimeoutMs: Number(options.drainTimeout) * 1000 });
  if (!options.forward) log('stopped');
  else log(delivered ? 'stopped; everything was delivered' : `stopped; ${left} messages stay in the spool ${options.spool} and go out at the next start`);
  return EXIT.clean;
}

function readSettings(options: ServeOptions): Omit<ServerOptions, 'validator'> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port: expected a port number (0-65535), found "${options.port}"`);
  const size = (flag: string, text: string) => parseSize(text) ?? fail(`${flag}: expected a size like 32KiB or 1GiB, found "${text}"`);
  const seconds = (flag: string, text: string) => (Number(text) >= 0 ? Number(text) : fail(`${flag}: expected seconds, found "${text}"`));
  const limits = { maxMessageBytes: size('--max-message-size', options.maxMessageSize), maxBatchBytes: size('--max-batch-size', options.maxBatchSize) };
  const spoolMaxBytes = size('--spool-max-size', options.spoolMaxSize);
  const webhookSeconds = seconds('--webhook-interval', options.webhookInterval);
  seconds('--drain-timeout', options.drainTimeout);
  // Keys can also come from the environment, which, unlike arguments, other users cannot list.
  const envKeys = (process.env['TRACKPLAN_WRITE_KEYS'] ?? '').split(',').map((key) => key.trim()).filter(Boolean);
  const writeKeys = [...options.writeKey, ...envKeys];
  const settings: Omit<ServerOptions, 'validator'> = { host: options.host, port, limits, ...(writeKeys.length ? { writeKeys } : {}) };
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

function checkUrl(flag: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`${flag}: expected an http(s) URL, found "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`${flag}: expected an http(s) URL, found "${text}"`);
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
    .option('--plan <dir>', 'plan folder', 'plans')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '8088')
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
    .option('--drain-timeout <seconds>', 'on SIGTERM, how long to keep forwarding before exiting', '30')
    .option('--workers <n>', 'processes sharing the port, each with its own spool <spool>/worker-<n> (needs --forward)', '1')
    .action(async (options: ServeOptions) => done(await runServeWorkers(options, io, (mine, stop) => runServe(mine, io, stop), onShutdownSignal)));
}
