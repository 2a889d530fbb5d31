import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import { describeFormats } from '../report/reporter.js';

/** Exit codes of every command (DESIGN section 5). */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where commands write; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  color: boolean;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
};

/** `--format`: its choices and help come from a reporter registry (src/report). */
export function formatOption(registry: readonly { name: string; description: string }[], fallback = 'pretty'): Option {
  return new Option('--format <format>', describeFormats(registry)).choices(registry.map((r) => r.name)).default(fallback);
}

/** Reads (and caches) files named in diagnostics, relative to the working directory, for code frames. */
export function sourceReader(cwd: string): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(path.resolve(cwd, file), 'utf8');
      } catch {
        text = undefined; // a file that went away since loading: print the line without a frame
      }
      cache.set(file, text);
    }
    return cache.get(file);
  };
}
