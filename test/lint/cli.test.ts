import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHOP = path.join(here, 'fixtures', 'projects', 'shop');
const CLEAN = path.join(here, 'fixtures', 'projects', 'clean');
const PLAN = '../../plan';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  messageId: string;
  severity: string;
  message: string;
}

describe('trackplan lint', () => {
  it('prints each finding with its place and a code frame, then a summary, and exits 1', async () => {
    const io = capture(SHOP);
    expect(await runCli(['lint', '--plan', PLAN], io)).toBe(1);
    expect(io.out).toContain([
      'src/web/checkout.ts:6:19  error  "Order Complete" is not a planned event (did you mean "Order Completed"?)  unplanned-event',
      '  5 |   analytics.track(\'Order Completed\', { order_id: orderId, total, plan: \'pro\' });',
      '> 6 |   analytics.track(\'Order Complete\', { order_id: orderId, total });',
      '    |                   ^^^^^^^^^^^^^^^^',
    ].join('\n'));
    expect(io.out).toContain('3 errors, 1 warning (2 files, 2 parsed, 6 analytics calls)\n');
  });

  it('writes the stable JSON of DESIGN section 5', async () => {
    const io = capture(SHOP);
    expect(await runCli(['lint', 'src', '--plan', PLAN, '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out) as { diagnostics: JsonDiagnostic[]; coverage: { summary: object; events: { name: string; callSites: { file: string; line: number }[] }[] }; summary: object; projects: object[] };
    expect(report.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.messageId, d.severity])).toEqual([
      ['src/server/signup.ts', 8, 77, 'property-type-mismatch', 'typeMismatch', 'error'],
      ['src/server/signup.ts', 9, 33, 'deprecated-event', 'deprecatedEvent', 'warning'],
      ['src/web/checkout.ts', 6, 19, 'unplanned-event', 'unplannedEvent', 'error'],
      ['src/web/checkout.ts', 7, 72, 'invalid-property-value', 'notInEnum', 'error'],
    ]);
    expect(Object.keys(report.diagnostics[0]!)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'messageId', 'severity', 'message']);
    expect(report.diagnostics[3]!.message).toBe('property "plan" of "Order Completed": "gold" is not one of "free", "pro", "enterprise"');
    expect(report.summary).toEqual({ errors: 3, warnings: 1, files: 2, parsed: 2, calls: 6, checker: true });
    expect(report.projects).toEqual([{ tsconfig: 'tsconfig.json', checker: true, files: 2, filesWithCalls: ['src/server/signup.ts', 'src/web/checkout.ts'] }]);
    expect(report.coverage.summary).toEqual({ planned: 7, sent: 4, unsent: 3, callSites: 6, percent: 57.1 });
    expect(report.coverage.events.find((e) => e.name === 'Order Completed')!.callSites.map((s) => [s.file, s.line])).toEqual([['src/web/checkout.ts', 5], ['src/web/checkout.ts', 7]]);
  });

  it('annotates the pull request in GitHub format', async () => {
    const io = capture(SHOP);
    expect(await runCli(['lint', '--plan', PLAN, '--format', 'github', '--coverage'], io)).toBe(1);
    expect(io.out.split('\n')).toEqual([
      '::error file=src/server/signup.ts,line=8,col=77,endLine=8,endColumn=83,title=property-type-mismatch::property "referral" of "Signed Up" should be a string, found type number',
      '::warning file=src/server/signup.ts,line=9,col=33,endLine=9,endColumn=45,title=deprecated-event::"Old Signup" is deprecated; send "Signed Up" instead',
      '::error file=src/web/checkout.ts,line=6,col=19,endLine=6,endColumn=35,title=unplanned-event::"Order Complete" is not a planned event (did you mean "Order Completed"?)',
      '::error file=src/web/checkout.ts,line=7,col=72,endLine=7,endColumn=78,title=invalid-property-value::property "plan" of "Order Completed": "gold" is not one of "free", "pro", "enterprise"',
      '::notice title=trackplan coverage::4 of 7 planned calls are sent from the code (57.1%)',
      '',
    ]);
  });

  it('prints coverage: call sites per planned call, the calls never sent, and sources', async () => {
    const io = capture(SHOP);
    await runCli(['lint', '--plan', PLAN, '--coverage'], io);
    const coverage = io.out.slice(io.out.indexOf('Coverage:'));
    expect(coverage.split('\n').slice(0, 4)).toEqual([
      'Coverage: 4 of 7 planned calls are sent from the code (57.1%), 6 call sites',
      '  !  track Anything Goes     never sent',
      '  ok track Old Signup        1 call site: src/server/signup.ts:9 (deprecated)',
      '  ok track Order Completed   2 call sites: src/web/checkout.ts:5, src/web/checkout.ts:7',
    ]);
    expect(coverage).toContain('  -  track Webhook Received  not sent from code (sources webhook have no paths)\n');
    expect(coverage).toContain('  server   1 of 2 planned calls sent, 3 call sites; never sent: Order Completed\n');
    expect(coverage).toContain('Unplanned: Order Complete at src/web/checkout.ts:6\n');
  });

  it('exits 0 when only warnings are found, and 1 above --max-warnings', async () => {
    const clean = capture(CLEAN);
    expect(await runCli(['lint', '--plan', PLAN], clean)).toBe(0);
    expect(clean.out).toContain('0 errors, 1 warning');
    expect(await runCli(['lint', '--plan', PLAN, '--max-warnings', '0'], capture(CLEAN))).toBe(1);
    expect(await runCli(['lint', '--plan', PLAN, '--max-warnings', '1'], capture(CLEAN))).toBe(0);
  });

  it('writes the report to a file with --output', async () => {
    const dir = await tempTree({});
    const io = capture(SHOP);
    const target = path.join(dir, 'reports', 'lint.sarif');
    expect(await runCli(['lint', '--plan', PLAN, '--format', 'sarif', '--output', target], io)).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toContain('3 errors, 1 warnings; sarif report written to');
    expect(JSON.parse(await readFile(target, 'utf8')).version).toBe('2.1.0');
  });

  it('without the type checker, finds what the syntax tells', async () => {
    const io = capture(SHOP);
    expect(await runCli(['lint', '--plan', PLAN, '--no-type-check', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out) as { diagnostics: JsonDiagnostic[] };
    // `referral: logins` is a number only by type; the rest is in the syntax.
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(['deprecated-event', 'unplanned-event', 'invalid-property-value']);
  });

  const usage: [string, string[], string][] = [
    ['a path that does not exist', ['lint', 'nowhere', '--plan', PLAN], 'not found: nowhere'],
    ['a plan that does not exist', ['lint', '--plan', 'no-plan'], 'plan not found: no-plan'],
    ['a bad --call', ['lint', '--plan', PLAN, '--call', 'track:props=1'], '--call "track:props=1"'],
    ['a bad --max-warnings', ['lint', '--plan', PLAN, '--max-warnings', 'many'], 'expected a whole number'],
    ['a bad --format', ['lint', '--plan', PLAN, '--format', 'xml'], 'xml'],
    ['a bad --receiver', ['lint', '--plan', PLAN, '--receiver', 'a b'], '--receiver "a b"'],
  ];

  it.each(usage)('exits 2 on %s', async (_name, args, message) => {
    const io = capture(SHOP);
    expect(await runCli(args, io)).toBe(2);
    expect(io.err).toContain(message);
  });

  it('exits 2 on bad lint: settings, naming each place', async () => {
    const dir = await tempTree({
      'plans/plan.yaml': 'trackplan: 1\nid: p\nname: P\nversion: 1.0.0\nlint:\n  calls:\n    - { calee: track }\n',
      'src/a.ts': `analytics.track('x');\n`,
    });
    const io = capture(dir);
    expect(await runCli(['lint'], io)).toBe(2);
    expect(io.err).toContain('plans/plan.yaml:7:9  error  unknown key "calee" in lint.calls[0] (did you mean "callee"?)');
    expect(io.err).toContain('plans/plan.yaml:7:7  error  lint.calls[0]: required key "callee" is missing');
  });

  it('applies the wrappers declared in the plan header', async () => {
    const dir = await tempTree({
      'plans/plan.yaml': 'trackplan: 1\nid: p\nname: P\nversion: 1.0.0\nlint:\n  calls:\n    - { callee: analyticsService.track, properties: 2 }\nevents:\n  login: { properties: { method: { type: string, required: true } } }\n',
      'src/auth.ts': `export class Auth {\n  constructor(private analyticsService: { track(...a: unknown[]): void }) {}\n  login(id: string) {\n    this.analyticsService.track('login', id, { methd: 'sso' });\n  }\n}\n`,
    });
    const io = capture(dir);
    expect(await runCli(['lint', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out) as { diagnostics: JsonDiagnostic[] };
    expect(report.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId])).toEqual([
      ['src/auth.ts', 4, 46, 'missing-required-property'],
      ['src/auth.ts', 4, 48, 'unknown-property'],
    ]);
  });
});
