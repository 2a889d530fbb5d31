import { readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import type { PlanIR, PolicyIR } from '../../src/core/ir.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { exportFormat as rudderstack } from '../../src/app/enforcement/rudderstack-transformation.js';
import { exportFormat as segment } from '../../src/app/enforcement/segment-function.js';
import { tempTree } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

// The holdout table: the example app's events (good and bad on purpose) and the shop fixture's
// event files, plus events no SDK sends (malformed, hostile keys, odd contexts).
const EXTRA = [
  '{"type":"track","event":"Order Completed","properties":{"order_id":"o1","__proto__":{"x":1},"total":5}}',
  '{"type":"track","event":"Unplanned Thing","context":"not an object","properties":{}}',
  '{"type":"identify","userId":"u","traits":{"email":"nope","extra":{"deep":true}},"context":{"traits":{"x":1}}}',
  '{"type":"page","name":"Nowhere","properties":{"path":3}}',
  '{"type":"screen","properties":{}}',
  '{"type":"group","groupId":"g","traits":{"plan":1}}',
  '{"type":"alias","previousId":"a","userId":"b"}',
  '{"type":"track","event":""}',
  '{"type":"track"}',
  '{"type":"boom"}',
  '{"event":"x"}',
  '[1,2]',
];

/** A plan's variants: its own policy, and each setting turned to drop (strip for properties). */
const POLICIES: { name: string; policy: Partial<PolicyIR> }[] = [
  { name: 'the plan policy', policy: {} },
  { name: 'unplanned events dropped', policy: { unplanned_events: 'drop' } },
  { name: 'unplanned properties stripped', policy: { unplanned_properties: 'drop' } },
  { name: 'other violations dropped, not propagated', policy: { other_violations: 'drop', propagate_violations: false } },
  { name: 'track overrides', policy: { overrides: { track: { unplanned_properties: 'drop', propagate_violations: false } } } },
];

const PLANS: { name: string; dir: string; events: string[] }[] = [
  { name: 'plans/ (the example plan)', dir: path.join(ROOT, 'plans'), events: [path.join(ROOT, 'examples/events.ndjson')] },
  { name: 'the shop fixture (the table\'s own events)', dir: path.join(ROOT, 'test/runtime/fixtures/shop'), events: [] },
];

interface Verdict {
  /** Null when dropped. */
  event: unknown;
  types: string[];
}

async function loadLines(files: readonly string[]): Promise<string[]> {
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  return [...texts.flatMap((text) => text.split('\n').filter((line) => line.trim() !== '')), ...EXTRA];
}

/** What `trackplan validate --format json --out` says of each line: its record and the passed events. */
async function validateVerdicts(planDir: string, lines: readonly string[], policy: Partial<PolicyIR>): Promise<Verdict[]> {
  const dir = await tempTree({ 'events.ndjson': `${lines.join('\n')}\n` });
  await copyPlanWithPolicy(planDir, path.join(dir, 'plan'), policy);
  const io: Io = { stdout: (text) => void (stdout += text), stderr: () => undefined, cwd: dir, color: false };
  let stdout = '';
  const code = await runCli(['validate', 'events.ndjson', '--plan', 'plan', '--format', 'json', '--out', 'passed.ndjson'], io);
  expect(code).toBeLessThan(2);
  const records = new Map(stdout.split('\n').filter(Boolean).map((line) => {
    const record = JSON.parse(line) as { line: number; outcome: string; violations: { type: string }[] };
    return [record.line, record] as const;
  }));
  const passed = (await readFile(path.join(dir, 'passed.ndjson'), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);
  let next = 0;
  return lines.map((_, index) => {
    const record = records.get(index + 1);
    const dropped = record?.outcome === 'dropped';
    return { event: dropped ? null : passed[next++], types: record?.violations.map((v) => v.type) ?? [] };
  });
}

/** The plan folder again with policy settings merged into its header (the header is plan.yaml). */
async function copyPlanWithPolicy(from: string, to: string, policy: Partial<PolicyIR>): Promise<void> {
  const { cp, writeFile } = await import('node:fs/promises');
  await cp(from, to, { recursive: true });
  const { parseDocument } = await import('yaml');
  const header = path.join(to, 'plan.yaml');
  const doc = parseDocument(await readFile(header, 'utf8'));
  for (const [key, value] of Object.entries(policy)) {
    if (key === 'overrides') for (const [call, settings] of Object.entries(value as object)) doc.setIn(['policy', call], settings);
    else doc.setIn(['policy', key], value);
  }
  await writeFile(header, doc.toString());
}

async function loadPolicyPlan(dir: string): Promise<PlanIR> {
  const { plan } = await loadPlan(dir);
  if (!plan) throw new Error(`${dir} does not load`);
  return plan;
}

/** RudderStack's contract: the module's exported transformEvent(event, metadata), event back or nothing. */
function runTransformation(code: string): (event: unknown) => unknown {
  expect(code.match(/^export /gm)).toEqual(['export ']);
  expect(code).not.toMatch(/^\s*import\b|\brequire\(/m);
  const context = vm.createContext({});
  vm.runInContext(code.replace(/^export function transformEvent\(/m, 'function transformEvent('), context, { filename: 'transformation.js' });
  const metadata = () => ({ sourceId: 'src', destinationId: 'dst' });
  return (event) => clone((context['transformEvent'] as (e: unknown, m: unknown) => unknown)(event, metadata) ?? null);
}

/** Segment's contract: a handler by event type, settings, a returned event, or ValidationError thrown. */
function runInsertFunction(code: string): (event: unknown) => Promise<unknown> {
  expect(code).not.toMatch(/^\s*(import|export)\b|\brequire\(/m);
  class ValidationError extends Error {}
  const context = vm.createContext({ ValidationError });
  vm.runInContext(code, context, { filename: 'segment-function.js' });
  const handlers: Record<string, string> = { track: 'onTrack', identify: 'onIdentify', page: 'onPage', screen: 'onScreen', group: 'onGroup', alias: 'onAlias', delete: 'onDelete' };
  return async (event) => {
    const type = (event as { type?: unknown } | null)?.type;
    const handler = context[handlers[String(type)] ?? ''] as ((e: unknown, s: unknown) => Promise<unknown>) | undefined;
    if (!handler) return 'no handler';
    try {
      return clone(await handler(event, {}));
    } catch (error) {
      if (error instanceof ValidationError) return null;
      throw error;
    }
  };
}

function clone(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value)) as unknown;
}

describe.each(PLANS)('exported enforcement for $name', async ({ dir, events }) => {
  const lines = await loadLines(events);
  const parsed = lines.map((line) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      return undefined;
    }
  });

  it.each(POLICIES)('gives the verdicts of trackplan validate with $name', async ({ policy }) => {
    const planDir = await tempTree({});
    await copyPlanWithPolicy(dir, planDir, policy);
    const plan = await loadPolicyPlan(planDir);
    const expected = await validateVerdicts(dir, lines, policy);
    const transform = runTransformation(rudderstack.exportPlan(plan, {}).files.get('transformation.js')!);
    const insert = runInsertFunction(segment.exportPlan(plan, {}).files.get('segment-function.js')!);
    let dropped = 0;
    for (const [index, event] of parsed.entries()) {
      if (event === undefined) continue; // not JSON: neither platform hands such an event to user code
      const want = expected[index]!;
      if (want.event === null) dropped++;
      expect({ line: index + 1, event: transform(event) }).toEqual({ line: index + 1, event: want.event });
      const viaSegment = await insert(event);
      if (viaSegment !== 'no handler') expect({ line: index + 1, event: viaSegment }).toEqual({ line: index + 1, event: want.event });
    }
    // The table exercises both verdicts under every policy.
    expect(dropped).toBeGreaterThan(0);
    expect(expected.some((v) => v.event !== null && v.types.length > 0)).toBe(true);
  });
});

describe('exported files', () => {
  it('are deterministic, name the plan, and fit the platform contracts', async () => {
    const plan = await loadPolicyPlan(path.join(ROOT, 'plans'));
    const first = rudderstack.exportPlan(plan, {});
    const again = rudderstack.exportPlan(plan, {});
    expect(first.files).toEqual(again.files);
    expect(first.diagnostics).toEqual([]);
    const transformation = first.files.get('transformation.js')!;
    const insert = segment.exportPlan(plan, {}).files.get('segment-function.js')!;
    expect(transformation.split('\n')[0]).toBe(`// Generated by trackplan from plan ${plan.id}@${plan.version}. Do not edit: change the plan and run`);
    expect(transformation).toMatch(/^export function transformEvent\(event, metadata\) \{$/m);
    for (const handler of ['onTrack', 'onIdentify', 'onPage', 'onScreen', 'onGroup', 'onAlias', 'onDelete']) {
      expect(insert).toMatch(new RegExp(`^async function ${handler}\\(event, settings\\) \\{$`, 'm'));
    }
    // No description text of the plan inside: annotations are stripped from the precompiled schemas.
    expect(transformation).not.toContain(plan.events.find((e) => e.description)!.description!);
  });
});
