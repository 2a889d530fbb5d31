import { Option, type Command } from 'commander';
import { ConfigError } from '../core/errors.js';
import { buildSite, type DocsOptions } from './docs-site.js';
import { watchDocs } from './docs-watch.js';
import { EXIT, type ExitCode, type Io } from './io.js';

export type { DocsOptions } from './docs-site.js';

/** `trackplan docs`: the static catalog site of the plan; with `--watch`, rebuilt on changes and served on 127.0.0.1. */
export async function runDocs(options: DocsOptions, io: Io, waitForStop: () => Promise<void> = onInterrupt): Promise<ExitCode> {
  if (!Number.isInteger(options.history) || options.history < 0) throw new ConfigError(`--history: expected a whole number of versions, got ${String(options.history)}`);
  if (options.watch) return watchDocs(options, io, waitForStop);
  return (await buildSite(options, io)) ? EXIT.clean : EXIT.error;
}

function onInterrupt(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

const HELP = `
Exit codes:
  0  the site was written (with --watch: stopped with Ctrl-C)
  2  usage error, a plan with errors, or an unreadable --coverage/--violations file (nothing written)

Open <out>/index.html from disk or any static host: the site loads nothing from the network.
Reference: docs/catalog.md`;

export function registerDocs(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command('docs')
    .description('write a static, searchable catalog site of the plan (events, library, coverage, violations, changelog)')
    .option('--plan <dir>', 'plan folder', 'plans')
    .requiredOption('--out <dir>', 'site folder to write (all at once; files trackplan did not write are kept)')
    .option('--coverage <file>', 'coverage from `trackplan lint --coverage --format json`')
    .option('--violations <files...>', 'violation records (NDJSON) of `validate --format json`, `serve --violations` or the stream')
    .addOption(new Option('--history <n>', 'versions of the plan read from git for history and changelog').default(20).argParser((v) => Number(v)))
    .option('--repo-url <url>', 'link call sites to a code host: <url>/<file>#L<line> (e.g. https://github.com/acme/web/blob/main)')
    .option('--watch', 'rebuild when the plan changes and serve the site on 127.0.0.1')
    .option('--port <port>', 'port of --watch (0: any free port)', '8090')
    .addHelpText('after', HELP)
    .action(async (options: DocsOptions) => done(await runDocs(options, io)));
}
