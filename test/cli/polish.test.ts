import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { parseNumberOption } from '../../src/cli/options.js';
import { formatProgress, type ProgressState } from '../../src/cli/progress.js';
import { formatTickerLine, ViolationTicker } from '../../src/cli/violation-ticker.js';
import type { ValidationResult } from '../../src/runtime/types.js';
import { tempTree } from '../helpers/temp.js';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const HEADER = 'trackplan: 1\nid: shop\nname: Shop\nversion: 1.0.0\n';
const SOURCES = 'sources:\n  api: { name: API, sdk: segment-node }\n';
const EVENTS = 'events:\n  Order Completed:\n    properties:\n      total: { type: number, required: true }\n';
const { version } = JSON.parse(await readFile(path.resolve('package.json'), 'utf8')) as { version: string };

describe('trackplan --version and --help', () => {
  it('prints the package version', async () => {
    const io = capture(process.cwd());
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out).toBe(`${version}\n`);
  });

  it.each([
    [['--help'], 'Exit codes: 0 clean; 1 findings (see each command\'s --help); 2 usage, configuration or input error.'],
    [['build', '--help'], 'Exit codes: 0 clean; 1 with --check, the output folder is stale; 2 usage'],
    [['check', '--help'], 'Exit codes: 0 clean; 1 plan rule findings at error level; 2 usage'],
    [['diff', '--help'], 'Exit codes: 0 clean; 1 a breaking change'],
    [['lint', '--help'], 'Exit codes: 0 clean; 1 lint errors'],
    [['validate', '--help'], 'Exit codes: 0 clean; 1 events with violations; 2 usage'],
    [['serve', '--help'], 'Exit codes: 0 clean; 2 usage'],
    [['sheets', 'pull', '--help'], 'Exit codes: 0 clean; 1 with --check'],
    [['sheets', 'push', '--help'], 'Exit codes: 0 clean; 1 with --check'],
    [['init', '--help'], 'Exit codes: 0 clean; 2 usage'],
    [['infer', '--help'], 'Exit codes: 0 clean; 1 with --merge'],
  ])('%j states the exit codes', async (args, text) => {
    const io = capture(process.cwd());
    expect(await runCli(args, io)).toBe(0);
    expect(io.out).toContain(text);
  });
});

describe('every command states its exit codes once', () => {
  it.each(['build', 'check', 'diff', 'docs', 'export', 'import', 'infer', 'init', 'lint', 'serve', 'sheets', 'validate'])('%s --help', async (command) => {
    const io = capture(process.cwd());
    expect(await runCli([command, '--help'], io)).toBe(0);
    expect(io.out.match(/Exit codes/g)).toHaveLength(1);
  });
});

describe('the one parser of numeric flags', () => {
  it.each([
    ['--workers', '4', 'integer', { min: 1, max: 64 }, 4],
    ['--max-event-bytes', '32KiB', 'size', {}, 32768],
    ['--max-event-bytes', '1.5k', 'size', {}, 1536],
    ['--max-event-bytes', '1000', 'size', {}, 1000],
    ['--max-message-size', '1MiB', 'size', {}, 1048576],
  ] as const)('%s %s', (flag, text, kind, range, expected) => {
    expect(parseNumberOption(flag, text, kind, range)).toBe(expected);
  });

  it.each([
    ['--workers', '0', 'integer', { min: 1, max: 64 }, '--workers: expected a whole number from 1 to 64, found "0"'],
    ['--workers', '2.5', 'integer', { min: 1, max: 64 }, '--workers: expected a whole number from 1 to 64, found "2.5"'],
    ['--retries', 'many', 'integer', {}, '--retries: expected a whole number, found "many"'],
    ['--max-warnings', '-1', 'integer', {}, '--max-warnings: expected a whole number, found "-1"'],
    ['--max-event-bytes', 'big', 'size', { max: 2 ** 30 }, '--max-event-bytes: expected a size like 32KiB or 1GiB up to 1GiB, found "big"'],
    ['--max-message-size', '0', 'size', {}, '--max-message-size: expected a size like 32KiB or 1GiB, found "0"'],
  ] as const)('%s %s is a usage error naming the flag', (flag, text, kind, range, message) => {
    expect(() => parseNumberOption(flag, text, kind, range)).toThrow(message);
  });

  it('lint --max-warnings goes through it (exit 2, flag named)', async () => {
    const io = capture(process.cwd());
    expect(await runCli(['lint', '--max-warnings', 'x'], io)).toBe(2);
    expect(io.err).toBe('trackplan: --max-warnings: expected a whole number, found "x"\n');
  });
});

describe('-o, --output: the report to a file', () => {
  it.each([
    [['check'], 1, /require-owner/],
    [['validate', 'events.ndjson', '--format', 'json'], 1, /^\{"line":2,/],
    [['validate', 'events.ndjson'], 1, /^events\.ndjson: 2 events validated/],
    [['diff', 'plans', 'plans', '--format', 'json'], 0, /^\{/],
  ])('%j -o report.txt', async (args, code, content) => {
    const dir = await tempTree({
      'plans/plan.yaml': HEADER + SOURCES,
      'plans/events.yaml': EVENTS,
      'events.ndjson': '{"type":"track","event":"Order Completed","userId":"u","properties":{"total":1}}\n{"type":"track","event":"Order Completed","userId":"u","properties":{}}\n',
    });
    const io = capture(dir);
    expect(await runCli([...args, '-o', 'out/report.txt'], io)).toBe(code);
    expect(io.out).toBe('');
    expect(await readFile(path.join(dir, 'out/report.txt'), 'utf8')).toMatch(content);
  });
});

describe('build without sources', () => {
  it.each([
    ['no sources', HEADER, 'warning: the plan has no `sources:`, so the typed functions are for the browser SDKs (rudderstack-js, segment-js)'],
    ['a source without a JavaScript SDK', `${HEADER}sources:\n  hook: { name: Hook }\n`, 'warning: no source of the plan names a JavaScript SDK'],
    ['a Node source', HEADER + SOURCES, ''],
  ])('%s', async (_name, header, warning) => {
    const dir = await tempTree({ 'plans/plan.yaml': header, 'plans/events.yaml': EVENTS });
    const io = capture(dir);
    expect(await runCli(['build'], io)).toBe(0);
    if (warning === '') expect(io.err).toBe('');
    else expect(io.err).toContain(warning);
  });

  it('says nothing with --sdk', async () => {
    const dir = await tempTree({ 'plans/plan.yaml': HEADER, 'plans/events.yaml': EVENTS });
    const io = capture(dir);
    expect(await runCli(['build', '--sdk', 'segment-node'], io)).toBe(0);
    expect(io.err).toBe('');
  });
});

describe('the validate progress line', () => {
  const base: ProgressState = { name: 'events.ndjson', lines: 100_000, bytes: 50e6, elapsedMs: 10_000 };
  it.each([
    ['size unknown (stdin)', { ...base, name: 'stdin' }, 'validating stdin: 100,000 lines, 50 MB, 10,000 lines/s'],
    ['a quarter read', { ...base, read: 25, size: 100 }, 'validating events.ndjson: 100,000 lines, 50 MB, 10,000 lines/s, 25%, 30s left'],
    ['a long run', { ...base, elapsedMs: 60_000, read: 10, size: 100 }, 'validating events.ndjson: 100,000 lines, 50 MB, 1,667 lines/s, 10%, 9m00s left'],
    ['done', { ...base, read: 100, size: 100 }, 'validating events.ndjson: 100,000 lines, 50 MB, 10,000 lines/s, 100%, 0s left'],
  ])('%s', (_name, state, line) => {
    expect(formatProgress(state)).toBe(line);
  });
});

describe('serve: the one-line violation summary', () => {
  afterEach(() => void vi.useRealTimers());
  const result = (event: string, type: string, outcome: 'forwarded' | 'dropped' = 'forwarded'): ValidationResult => ({
    valid: false, outcome, call: 'track', event, violations: [{ type, message: 'x', meta: { instancePath: '', schemaPath: '', keyword: 'k' } }],
  } as ValidationResult);

  it('formats counts by type, worst first', () => {
    const byType = new Map([['Unplanned-Event', new Map([['Form Submitted', 2]])], ['Required-Missing', new Map([['form_submit', 2], ['user_sign_up', 1]])]]);
    expect(formatTickerLine(5, 1, byType)).toBe('5 events with violations (1 dropped): Required-Missing ×3 (form_submit ×2, user_sign_up), Unplanned-Event ×2 (Form Submitted ×2)');
  });

  it('says the first violations at once, then at most one line per interval', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const ticker = new ViolationTicker({ intervalMs: 10_000, write: (line) => lines.push(line), now: () => Date.now() });
    ticker.add([result('a', 'Required-Missing')]);
    expect(lines).toEqual(['1 event with violations: Required-Missing ×1 (a)']);
    ticker.add([result('b', 'Unplanned-Event')]);
    ticker.add([result('b', 'Unplanned-Event', 'dropped')]);
    vi.advanceTimersByTime(9_999);
    expect(lines).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(lines).toEqual(['1 event with violations: Required-Missing ×1 (a)', '2 events with violations (1 dropped): Unplanned-Event ×2 (b ×2)']);
    ticker.add([result('c', 'Datatype-Mismatch')]);
    ticker.close();
    expect(lines).toHaveLength(3);
  });
});
