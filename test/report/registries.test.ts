import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { DIAGNOSTIC_REPORTERS, DIFF_REPORTERS, LINT_REPORTERS, VALIDATION_REPORTERS } from '../../src/report/reporters.js';
import { captureIo } from '../runtime/helpers.js';

const COMMANDS = [
  { command: ['check'], registry: DIAGNOSTIC_REPORTERS },
  { command: ['sheets', 'pull'], registry: DIAGNOSTIC_REPORTERS },
  { command: ['lint'], registry: LINT_REPORTERS },
  { command: ['diff'], registry: DIFF_REPORTERS },
  { command: ['validate'], registry: VALIDATION_REPORTERS },
];

describe('--format comes from the reporter registries', () => {
  it.each(COMMANDS)('$command.0 $command.1: help lists each reporter, and only those are accepted', async ({ command, registry }) => {
    const help = captureIo(process.cwd());
    expect(await runCli([...command, '--help'], help)).toBe(0);
    const flat = help.out.replace(/\s+/g, ' ');
    for (const reporter of registry) expect(flat).toContain(`${reporter.name} (${reporter.description})`);
    expect(flat).toContain(`choices: ${registry.map((r) => `"${r.name}"`).join(', ')}`);

    const bad = captureIo(process.cwd());
    expect(await runCli([...command, '--format', 'no-such-format'], bad)).toBe(2);
    expect(bad.err).toContain("option '--format <format>' argument 'no-such-format' is invalid");
  });

  it('has unique names within each registry', () => {
    for (const registry of [DIAGNOSTIC_REPORTERS, LINT_REPORTERS, DIFF_REPORTERS, VALIDATION_REPORTERS]) {
      const names = registry.map((r) => r.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
