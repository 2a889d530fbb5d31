import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';

const HEADER = 'trackplan: 1\nid: shop\nname: Shop\nversion: 1.0.0\n';
const CLEAN = 'events:\n  order_completed:\n    description: Paid.\n    owner: checkout\n    properties:\n      total: { type: number, required: true, description: Sum. }\n';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

async function check(files: Record<string, string>, ...args: string[]) {
  const dir = await tempTree(files);
  const io = capture(dir);
  const code = await runCli(['check', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('trackplan check runs the plan rules', () => {
  it('exits 0 on a clean plan', async () => {
    const { code, out } = await check({ 'plans/plan.yaml': HEADER, 'plans/events.yaml': CLEAN });
    expect(code).toBe(0);
    expect(out).toBe('shop@1.0.0: 1 planned calls, no problems\n');
  });

  it('exits 1 on rule errors, with rule id, message id and place in json', async () => {
    const { code, out } = await check({ 'plans/plan.yaml': HEADER, 'plans/events.yaml': CLEAN.replace('    owner: checkout\n', '') }, '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as { diagnostics: Record<string, unknown>[]; summary: unknown };
    expect(report.diagnostics).toEqual([
      { file: 'plans/events.yaml', line: 2, column: 3, endLine: 2, endColumn: 18, ruleId: 'require-owner', messageId: 'missingOwner', severity: 'error', message: 'events.order_completed: the event has no owner; add `owner: <team>`' },
    ]);
    expect(report.summary).toEqual({ errors: 1, warnings: 0 });
  });

  it('exits 0 on warnings alone, and the header sets severities', async () => {
    const header = `${HEADER}rules:\n  require-owner: warn\n  naming-convention: [error, { events: Object Action }]\n`;
    const events = CLEAN.replace('    owner: checkout\n', '').replace('order_completed', 'Order Completed');
    const { code, out } = await check({ 'plans/plan.yaml': header, 'plans/events.yaml': events });
    expect(code).toBe(0);
    expect(out).toBe(
      'plans/events.yaml:2:3  warning  events.Order Completed: the event has no owner; add `owner: <team>`  require-owner\n' +
      '  1 | events:\n> 2 |   Order Completed:\n    |   ^^^^^^^^^^^^^^^\n\n0 errors, 1 warning\n' +
      'shop@1.0.0: 1 planned calls, no errors, 1 warning\n',
    );
  });

  it('turns rules off', async () => {
    const header = `${HEADER}rules:\n  require-owner: off\n`;
    const { code } = await check({ 'plans/plan.yaml': header, 'plans/events.yaml': CLEAN.replace('    owner: checkout\n', '') });
    expect(code).toBe(0);
  });

  it('exits 2 on an unknown rule id, with its place and a did-you-mean', async () => {
    const header = `${HEADER}rules:\n  require-ower: warn\n`;
    const { code, out } = await check({ 'plans/plan.yaml': header, 'plans/events.yaml': CLEAN });
    expect(code).toBe(2);
    expect(out).toContain('plans/plan.yaml:6:3  error  rules: unknown rule "require-ower" (did you mean "require-owner"?); expected one of: conflicting-property-types,');
    expect(out).toContain('unknown-rule');
  });

  it('exits 2 on bad rule options', async () => {
    const header = `${HEADER}rules:\n  naming-convention: [error, { event: snake_case, properties: SCREAMING }]\n`;
    const { code, out } = await check({ 'plans/plan.yaml': header, 'plans/events.yaml': CLEAN }, '--format', 'json');
    expect(code).toBe(2);
    const report = JSON.parse(out) as { diagnostics: Record<string, unknown>[] };
    expect(report.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.messageId])).toEqual([
      [6, 3, 'invalid-rule-options', 'unknownOption'],
      [6, 3, 'invalid-rule-options', 'invalidOption'],
    ]);
    expect(report.diagnostics.map((d) => d.message)).toEqual([
      'rules.naming-convention: unknown option "event" (did you mean "events"?); expected one of: events, properties',
      'rules.naming-convention.properties: expected one of "snake_case", "camelCase", "PascalCase", "kebab-case", "Title Case", "Object Action", "any", found string "SCREAMING"',
    ]);
  });

  it('exits 2 on a plan with errors, without running the rules', async () => {
    const { code, out } = await check({ 'plans/plan.yaml': HEADER, 'plans/events.yaml': 'events:\n  Bad Name:\n    properties:\n      p: strng\n' });
    expect(code).toBe(2);
    expect(out).toContain('unknown-type');
    expect(out).not.toContain('naming-convention');
  });
});
