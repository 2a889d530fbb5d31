// The `trackplan serve` command in a process of its own, for the crash and signal tests: the real
// option parsing, signal handling and exit code, without the other commands' imports.
import { Command } from 'commander';
import { processIo } from '../../../src/cli/io.js';
import { registerServe } from '../../../src/cli/serve.js';

const program = new Command('trackplan');
registerServe(program, processIo, (code) => {
  process.exitCode = code;
});
await program.parseAsync(process.argv.slice(2), { from: 'user' });
