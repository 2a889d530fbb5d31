import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../core/errors.js';
import { EXIT, processIo, type ExitCode, type Io } from './io.js';

type Register = (program: Command, io: Io, done: (code: ExitCode) => void) => void;

/**
 * Each command's module, loaded only when that command runs: `lint` pulls in the TypeScript
 * compiler, `build` the type generator, `sheets` googleapis, and none of them should slow the others.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  build: async () => (await import('./build.js')).registerBuild,
  check: async () => (await import('./check.js')).registerCheck,
  diff: async () => (await import('./diff.js')).registerDiff,
  docs: async () => (await import('./docs.js')).registerDocs,
  export: async () => (await import('./export.js')).registerExport,
  import: async () => (await import('./import.js')).registerImport,
  infer: async () => (await import('./infer.js')).registerInfer,
  init: async () => (await import('./init.js')).registerInit,
  lint: async () => (await import('./lint.js')).registerLint,
  serve: async () => (await import('./serve.js')).registerServe,
  sheets: async () => (await import('./sheets.js')).registerSheets,
  stream: async () => (await import('./stream.js')).registerStream,
  validate: async () => (await import('./validate.js')).registerValidate,
};

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** What exit code 1 means for each command; every `--help` ends with the exit codes. */
const FINDINGS: Record<string, string | null | 'own'> = {
  build: 'with --check, the output folder is stale',
  check: 'plan rule findings at error level',
  // These state their exit codes in their own help.
  docs: 'own',
  export: 'own',
  import: 'own',
  diff: 'a breaking change without a major version bump, or a version bump too small',
  init: null,
  infer: 'with --merge, the drafted plan disagrees with the existing one',
  lint: 'lint errors, or more warnings than --max-warnings (never with --suggest-wrappers: 0 with or without suggestions)',
  serve: null,
  sheets: 'with --check, the plan folder differs from the sheet',
  validate: 'events with violations',
};

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.clean;
  const done = (result: ExitCode) => {
    code = result;
  };
  const program = new Command('trackplan')
    .description('Analytics tracking plans as code')
    .version(version, '-V, --version', 'print the trackplan version')
    .option('--debug', 'show stack traces of errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  try {
    // The named command alone; for help, a typo or no command, all of them (to list them).
    const named = argv.find((arg) => !arg.startsWith('-'));
    const names = named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS);
    for (const name of names) (await COMMANDS[name]!())(program, io, done);
    for (const command of program.commands) {
      const findings = FINDINGS[command.name()];
      if (findings !== 'own') addExitCodes(command, findings);
    }
    program.addHelpText('after', `\n${exitCodesText('findings (see each command\'s --help)')}`);
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.clean : EXIT.error;
    }
    const debug = argv.includes('--debug');
    if (error instanceof ConfigError || (error as NodeJS.ErrnoException).code !== undefined) {
      io.stderr(`trackplan: ${(error as Error).message}\n`);
      if (debug) io.stderr(`${(error as Error).stack}\n`);
      return EXIT.error;
    }
    io.stderr(`trackplan: internal error: ${(error as Error).message}\n${debug ? `${(error as Error).stack}\n` : 'run with --debug for the stack\n'}`);
    return EXIT.error;
  }
}

function exitCodesText(findings: string | null): string {
  return `Exit codes: 0 clean; ${findings === null ? '' : `1 ${findings}; `}2 usage, configuration or input error.\n`;
}

function addExitCodes(command: Command, findings: string | null = 'findings'): void {
  command.addHelpText('after', `\n${exitCodesText(findings)}`);
  for (const sub of command.commands) addExitCodes(sub, findings);
}
