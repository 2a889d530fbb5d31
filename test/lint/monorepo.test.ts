import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { fnv1a } from '../../src/core/file-names.js';
import { nameTrackingFunctions } from '../../src/core/naming/namer.js';
import { loadPlan } from '../../src/sources/load-plan.js';

/**
 * Issue 14's fixture monorepo (test/lint/fixtures/monorepo): npm workspaces, two apps with their own
 * `paths`, a shared package, `.tsx` enums, a Node service whose `this.segment` shares its name with
 * a wrapper, a bare `track` wrapper scoped by `from:` and an unrelated local `track`. Each row is a
 * finding `trackplan lint .` must give (place, rule, message, the name or property it is about,
 * related places); each item of the issue owns a region of the fixture, where nothing else may be found.
 */
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'monorepo');

type Row = [place: string, ruleId: string, messageId: string, subject: string, related?: string[]];

interface Item {
  item: number;
  /** Where the item's calls are: file -> [first line, last line]. */
  region: Record<string, [number, number]>;
  expected: Row[];
}

const SETUP = 'apps/web/src/pages/setup.tsx';
const METRICS = 'apps/web/src/metrics.ts';
const DASH = 'apps/dash/src/app.ts';
const SERVICE = 'services/api/src/events.service.ts';

const ITEMS: Item[] = [
  {
    // An enum in a .tsx file, imported under a tsconfig without `jsx`, through the app's `@/` alias.
    item: 1,
    region: { [SETUP]: [1, 9], 'apps/web/src/consts.tsx': [1, 5] },
    expected: [
      [`${SETUP}:6:9`, 'unplanned-event', 'unplannedEvent', 'Setup Skipped - [WEB]'],
      [`${SETUP}:7:36`, 'missing-required-property', 'missingProperty', 'step'],
    ],
  },
  {
    // `@/utils/telemetry` and `@acme/shared` resolve only with apps/dash/tsconfig.json.
    item: 2,
    region: { [DASH]: [1, 11] },
    expected: [
      [`${DASH}:8:17`, 'unplanned-event', 'unplannedEvent', 'Dash Exported'],
      [`${DASH}:10:17`, 'unplanned-event', 'unplannedEvent', 'Signed Out'],
    ],
  },
  {
    // `this.segment` is an Analytics of @segment/analytics-node: an SDK call, not the `segment.track` wrapper.
    item: 3,
    region: { [SERVICE]: [11, 14] },
    expected: [[`${SERVICE}:13:41`, 'unplanned-event', 'unplannedEvent', 'Service Unknown']],
  },
  {
    // A local `track({ clientKey, events })` is not the wrapper from '@/lib/analytics'.
    item: 4,
    region: { 'apps/web/src/local/upload.ts': [1, 8] },
    expected: [],
  },
  {
    // Node SDK messages held in local consts: resolved, and found at the call.
    item: 5,
    region: { [SERVICE]: [16, 22] },
    expected: [
      [`${SERVICE}:19:24`, 'dynamic-event-name', 'dynamicName', '`${command} - [CLI]`', [`${SERVICE}:18:30`]],
      [`${SERVICE}:21:24`, 'missing-required-property', 'missingProperty', 'command', [`${SERVICE}:20:62`]],
    ],
  },
  {
    // A template with a ternary inside: each name is checked.
    item: 6,
    region: { [METRICS]: [3, 6] },
    expected: [[`${METRICS}:5:9`, 'unplanned-event', 'unplannedEvent', 'Load Metric Experiments - [WEB]']],
  },
  {
    // A union-typed parameter, concatenated and in a template: each member is checked.
    item: 7,
    region: { [METRICS]: [8, 12] },
    expected: [
      [`${METRICS}:10:9`, 'unplanned-event', 'unplannedEvent', 'Experiment Snapshot: update - [WEB]'],
      [`${METRICS}:11:9`, 'unplanned-event', 'unplannedEvent', 'Experiment Snapshot: update - [WEB]'],
    ],
  },
  {
    // A shared const with an unplanned property: one finding per call, at the call, the const related.
    item: 8,
    region: { [METRICS]: [14, 19] },
    expected: [
      [`${METRICS}:17:24`, 'unknown-property', 'unknownProperty', 'extra', [`${METRICS}:15:25`]],
      [`${METRICS}:18:24`, 'unknown-property', 'unknownProperty', 'extra', [`${METRICS}:15:25`]],
    ],
  },
  {
    // Two planned names that differ only in case: both sent, neither a finding.
    item: 9,
    region: { [METRICS]: [21, 25] },
    expected: [],
  },
  {
    // The wrapper appends " - [WEB]": the planned name is the sent name.
    item: 10,
    region: { [SETUP]: [5, 5] },
    expected: [],
  },
];

interface JsonLocation {
  file: string;
  line: number;
  column: number;
}

interface JsonDiagnostic extends JsonLocation {
  ruleId: string;
  messageId: string;
  severity: string;
  message: string;
  related?: JsonLocation[];
}

function cliIo(): Io & { out: string; err: string } {
  const io: Io & { out: string; err: string } = {
    out: '', err: '', cwd: root, color: false,
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
  };
  return io;
}

const place = (l: JsonLocation) => `${l.file}:${l.line}:${l.column}`;

function rowOf(d: JsonDiagnostic & { data?: Record<string, unknown> }): Row {
  const subject = /"([^"]+)" is not a planned event|property "([^"]+)"|event name `(.*)` cannot/.exec(d.message);
  const row: Row = [place(d), d.ruleId, d.messageId, subject ? (subject[1] ?? subject[2] ?? subject[3])! : d.message];
  if (d.related && d.related.length > 0) row.push(d.related.map(place));
  return row;
}

function inRegion(d: JsonLocation, region: Item['region']): boolean {
  const lines = region[d.file];
  return lines !== undefined && d.line >= lines[0] && d.line <= lines[1];
}

describe('trackplan lint on a monorepo (issue 14)', () => {
  let code: number;
  let diagnostics: JsonDiagnostic[];
  let stderr: string;

  beforeAll(async () => {
    const io = cliIo();
    code = await runCli(['lint', '.', '--format', 'json'], io);
    stderr = io.err;
    diagnostics = code === 2 ? [] : (JSON.parse(io.out) as { diagnostics: JsonDiagnostic[] }).diagnostics;
  });

  it('lints the whole tree from its root: findings, not a usage error', () => {
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it.each(ITEMS)('item $item: the expected findings, and nothing else, in its region', ({ region, expected }) => {
    expect(code).toBe(1);
    const found = diagnostics.filter((d) => inRegion(d, region)).map(rowOf);
    expect(found).toEqual(expected);
  });

  it('finds nothing outside the rows of the table', () => {
    const rows = ITEMS.flatMap((i) => i.expected);
    expect(diagnostics.map(rowOf)).toEqual(expect.arrayContaining(rows));
    expect(diagnostics).toHaveLength(rows.length);
  });

  it('item 8: SARIF has one result per call, with the shared const as a related location', async () => {
    const io = cliIo();
    expect(await runCli(['lint', 'apps/web/src/metrics.ts', '--format', 'sarif'], io)).toBe(1);
    const results = (JSON.parse(io.out) as { runs: { results: SarifResult[] }[] }).runs[0]!.results;
    const unknown = results.filter((r) => r.ruleId === 'unknown-property');
    expect(unknown.map((r) => [regionOf(r.locations[0]!), (r.relatedLocations ?? []).map(regionOf)])).toEqual([
      [`${METRICS}:17:24`, [`${METRICS}:15:25`]],
      [`${METRICS}:18:24`, [`${METRICS}:15:25`]],
    ]);
    const keys = results.map((r) => JSON.stringify([r.ruleId, r.locations, r.message]));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('item 8: the pretty output shows the call, then the shared const', async () => {
    const io = cliIo();
    expect(await runCli(['lint', 'apps/web/src/metrics.ts'], io)).toBe(1);
    const lines = io.out.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`${METRICS}:17:24 `));
    const next = lines.findIndex((l, i) => i > start && /^\S+:\d+:\d+ /.test(l));
    const pointed = lines.slice(start, next).filter((l) => l.startsWith('>')).map((l) => l.replace(/^>\s*(\d+) \|.*$/, '$1'));
    expect(pointed).toEqual(['17', '15']);
  });

  it('item 9: names that differ only in case are a plan warning, with distinct file and function names', async () => {
    const io = cliIo();
    expect(await runCli(['check', '--format', 'json'], io)).toBe(0);
    const checked = (JSON.parse(io.out) as { diagnostics: (JsonDiagnostic & { related?: JsonLocation[] })[] }).diagnostics;
    expect(checked.map((d) => [place(d), d.ruleId, d.severity, (d.related ?? []).map(place)])).toEqual([
      ['plans/events.yaml:12:3', 'event-name-case', 'warning', ['plans/events.yaml:14:3']],
      ['plans/events.yaml:14:3', 'event-name-case', 'warning', ['plans/events.yaml:12:3']],
    ]);
    const { plan } = await loadPlan(path.join(root, 'plans'), { cwd: root });
    const variants = plan!.events.filter((e) => e.name.startsWith('Experiment Report'));
    expect(variants.map((e) => [e.name, e.fileName])).toEqual([
      ['Experiment Report: Create - [WEB]', `experiment-report-create-web-${fnv1a('Experiment Report: Create - [WEB]')}`],
      ['Experiment Report: create - [WEB]', `experiment-report-create-web-${fnv1a('Experiment Report: create - [WEB]')}`],
    ]);
    const { names, diagnostics: naming } = nameTrackingFunctions(variants);
    expect(naming).toEqual([]);
    expect(names.map((n) => n.functionName)).toEqual(variants.map((e) => `experimentReportCreateWeb_${fnv1a(e.name)}`));
  });
});

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
}

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
}

function regionOf(l: SarifLocation): string {
  return `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}:${l.physicalLocation.region.startColumn}`;
}

describe('trackplan lint --suggest-wrappers on a monorepo (issue 14, item 11)', () => {
  it('lists each function whose parameters reach a sink, with a ready lint.calls entry', async () => {
    const io = cliIo();
    expect(await runCli(['lint', '.', '--suggest-wrappers', '--format', 'json'], io)).toBe(0);
    const { suggestions } = JSON.parse(io.out) as { suggestions: Suggestion[] };
    const rows = suggestions.map((s) => [`${s.file}:${s.line}`, s.function, s.entry.event, s.entry.properties, s.entry.name ?? null]);
    expect(rows).toEqual([
      ['apps/dash/src/lib/segment.ts:9', 'segment.track', 0, 1, null],
      ['apps/web/src/lib/analytics.ts:6', 'track', 0, 1, { suffix: ' - [WEB]' }],
      ['packages/shared/src/collector.ts:2', 'collect', 0, 1, null],
      ['packages/shared/src/jitsu.ts:6', 'sendJitsu', 0, 1, null],
      ['services/api/src/mixpanel.service.ts:7', 'MixpanelService.track', 0, 1, null],
    ]);
    // `from:` is the import every caller uses when there is one (`@/lib/...` of each app), else the file.
    expect(suggestions.map((s) => s.entry.from)).toEqual(['@/lib/segment', '@/lib/analytics', 'packages/shared/src/collector.ts', 'packages/shared/src/jitsu.ts', 'services/api/src/mixpanel.service.ts']);
  });
});

interface Suggestion {
  file: string;
  line: number;
  function: string;
  entry: { callee: string; from: string; event?: number; properties?: number; name?: Record<string, string> };
}
