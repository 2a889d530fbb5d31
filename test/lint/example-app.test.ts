import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the example app (npm start)', () => {
  it('holds the wrong calls it means to, and no others, in its site and server', async () => {
    const io: Io & { out: string } = { out: '', cwd: root, color: false, stdout: (t) => void (io.out += t), stderr: () => undefined };
    const code = await runCli(['lint', 'examples/app', '--call', 'analyticsService.track:properties=2', '--format', 'json'], io);
    expect(code).toBe(1);
    const report = JSON.parse(io.out) as { diagnostics: { file: string; line: number; ruleId: string }[] };
    const ours = report.diagnostics.filter((d) => /^examples\/app\/src\/(site|server)\//.test(d.file));
    expect(ours.map((d) => [d.file.replace('examples/app/src/', ''), d.line, d.ruleId])).toEqual([
      ['server/invitations.ts', 13, 'missing-required-property'],
      ['server/salesforce.ts', 12, 'dynamic-event-name'],
      ['server/signup.ts', 25, 'deprecated-event'],
      ['server/signup.ts', 30, 'property-type-mismatch'],
      ['server/signup.ts', 30, 'invalid-property-value'],
      ['site/chat-widget.js', 6, 'property-type-mismatch'],
      ['site/forms.ts', 25, 'unplanned-event'],
      ['site/forms.ts', 27, 'missing-required-property'],
      ['site/forms.ts', 27, 'unknown-property'],
      ['site/forms.ts', 29, 'invalid-property-value'],
      ['site/pages.ts', 23, 'invalid-property-value'],
      ['site/try-it.ts', 7, 'wrong-source'],
    ]);
  });
});
