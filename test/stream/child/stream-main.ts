// `trackplan stream` in a process of its own, for the crash test: the real option parsing,
// signal handling and exit code, without the other commands' imports.
import { Command } from 'commander';
import { processIo } from '../../../src/cli/io.js';
import { registerStream } from '../../../src/cli/stream.js';

const program = new Command('trackplan').exitOverride();
registerStream(program, processIo, (code) => {
  process.exitCode = code;
});
await program.parseAsync(process.argv.slice(2), { from: 'user' });
