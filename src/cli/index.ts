import { Command, CommanderError } from 'commander';
import { ConfigError } from '../core/errors.js';
import { registerBuild } from './build.js';
import { registerCheck } from './check.js';
import { EXIT, processIo, type ExitCode, type Io } from './io.js';

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.clean;
  const done = (result: ExitCode) => {
    code = result;
  };
  const program = new Command('trackplan')
    .description('Analytics tracking plans as code')
    .option('--debug', 'show stack traces of errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  registerBuild(program, io, done);
  registerCheck(program, io, done);
  try {
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
