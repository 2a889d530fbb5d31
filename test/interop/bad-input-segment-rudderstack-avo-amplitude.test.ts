import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';
import { SHARED } from './helpers.js';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const SEGMENT_RULE = (key: string, version: number, extra: Record<string, unknown> = {}) => ({
  key, type: 'TRACK', version, jsonSchema: { type: 'object', properties: { properties: { type: 'object', properties: { a: { type: 'string' } }, ...extra } } },
});
const SPEC = (version: string) => `version: ${version}\nkind: events\nmetadata:\n  name: app\nspec:\n  events:\n    - id: signup\n      name: Signup\n      event_type: track\n`;

/** Unusable input stops with exit 2, the place and the reason, no stack trace and nothing written. */
const UNREADABLE = [
  { name: 'an empty file', format: 'segment', files: { 'in/plan.json': '' }, where: 'in/plan.json', reason: 'the file is empty' },
  { name: 'truncated JSON', format: 'segment', files: { 'in/plan.json': '{"rules": [{"key": "A", "type": "TRACK"' }, where: 'in/plan.json:1:40', reason: 'not valid JSON' },
  { name: 'truncated JSON (avo)', format: 'avo', files: { 'in/avo.json': '{\n  "events": [\n' }, where: 'in/avo.json:3:1', reason: 'not valid JSON' },
  { name: 'the wrong format named (an Avo export as segment)', format: 'segment', files: { 'in/avo.json': JSON.stringify({ name: 'x', events: [], destinations: {} }) }, where: 'in/avo.json', reason: 'it looks like avo' },
  { name: 'the wrong format named (a Segment plan as amplitude)', format: 'amplitude', files: { 'in/plan.json': JSON.stringify({ name: 'x', rules: [SEGMENT_RULE('A', 1)] }) }, where: 'in/plan.json', reason: 'it looks like segment' },
  { name: 'the wrong format named (an mParticle plan as rudderstack)', format: 'rudderstack', files: { 'in/plan.json': JSON.stringify({ data_plan_id: 'x', version_document: { data_points: [] } }) }, where: 'in/plan.json', reason: 'it looks like mparticle' },
  { name: 'a YAML spec of an unknown version', format: 'rudderstack', files: { 'in/events.yaml': SPEC('rudder/v2') }, where: 'in/events.yaml:1:1', reason: 'unknown rudder-cli spec version "rudder/v2"' },
  { name: 'YAML that does not parse', format: 'rudderstack', files: { 'in/events.yaml': 'version: rudder/v1\nkind: [events\n' }, where: 'in/events.yaml:', reason: 'not valid YAML' },
  { name: 'a project without a tracking plan', format: 'rudderstack', files: { 'in/events.yaml': SPEC('rudder/v1') }, where: 'in/events.yaml', reason: 'no tracking plan spec' },
  { name: 'a Segment rule without a type', format: 'segment', files: { 'in/plan.json': JSON.stringify({ rules: [{ key: 'A', jsonSchema: {} }] }) }, where: 'in/plan.json#/rules/0', reason: 'not a Segment rule' },
  { name: 'typewriter.yml alone', format: 'segment', files: { 'in/typewriter.yml': 'client:\n  sdk: analytics-node\n' }, where: 'in/typewriter.yml', reason: 'client configuration, not a plan' },
  { name: 'an input that does not exist', format: 'avo', files: {}, where: 'in/missing.json', reason: 'no such file or folder' },
];

describe('import: unreadable input or the wrong format is exit 2 with the place and the reason', () => {
  it.each(UNREADABLE)('$name', async ({ format, files, where, reason }) => {
    const dir = await tempTree({ 'keep.txt': 'x', ...files });
    const io = capture(dir);
    const input = Object.keys(files)[0] ?? 'in/missing.json';
    expect(await runCli(['import', format, input, '--out', 'plan'], io)).toBe(2);
    expect(io.err).toContain(`trackplan: ${where}`);
    expect(io.err).toContain(reason);
    expect(io.err).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).not.toContain('plan');
  });

  it('--event-version must be a whole number', async () => {
    const dir = await tempTree({ 'plan.json': JSON.stringify({ rules: [SEGMENT_RULE('A', 1)] }) });
    const io = capture(dir);
    expect(await runCli(['import', 'segment', 'plan.json', '--out', 'plan', '--event-version', 'two'], io)).toBe(2);
    expect(io.err).toContain('--event-version: expected a positive whole number, found "two"');
  });
});

describe('import: what the plan cannot hold is a located warning (exit 1)', () => {
  it.each([
    {
      name: 'duplicate event names (Segment: the same key and version twice)',
      files: { 'plan.json': JSON.stringify({ rules: [SEGMENT_RULE('Order Completed', 1), SEGMENT_RULE('Order Completed', 1)] }, null, 2) },
      format: 'segment', messageId: 'duplicateName', line: 25,
    },
    {
      name: 'a $ref cycle',
      files: { 'plan.json': JSON.stringify({ definitions: { node: { type: 'object', properties: { child: { $ref: '#/definitions/node' } } } }, rules: [SEGMENT_RULE('Tree', 1, { properties: { root: { $ref: '#/definitions/node' } } })] }, null, 2) },
      format: 'segment', messageId: 'refCycle', line: 6,
    },
    {
      name: 'duplicate event names (RudderStack: two rules for events of one name)',
      files: {
        'p/events.yaml': 'version: rudder/v1\nkind: events\nmetadata:\n  name: app\nspec:\n  events:\n    - id: a\n      name: Signup\n      event_type: track\n    - id: b\n      name: Signup\n      event_type: track\n',
        'p/plan.yaml': 'version: rudder/v1\nkind: tracking-plan\nmetadata:\n  name: app\nspec:\n  id: app\n  display_name: App\n  rules:\n    - type: event_rule\n      id: a_rule\n      event: "#event:a"\n    - type: event_rule\n      id: b_rule\n      event: "#event:b"\n',
      },
      format: 'rudderstack', messageId: 'duplicateName', line: 12,
    },
  ])('$name', async ({ files, format, messageId, line }) => {
    const dir = await tempTree(files);
    const io = capture(dir);
    const input = Object.keys(files)[0]!.includes('/') ? Object.keys(files)[0]!.split('/')[0]! : Object.keys(files)[0]!;
    expect(await runCli(['import', format, input, '--out', 'plan', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out) as { diagnostics: { messageId: string; line: number; severity: string; file: string }[] };
    const found = report.diagnostics.find((d) => d.messageId === messageId)!;
    expect(found).toMatchObject({ severity: 'warning', line });
    expect(await readFile(path.join(dir, 'plan', 'plan.yaml'), 'utf8')).toContain('trackplan: 1');
  });
});

describe('import and export commands', () => {
  it('import writes a plan folder that check accepts, and pretty output ends with a summary', async () => {
    const dir = await tempTree({ 'keep.txt': 'x' });
    const io = capture(dir);
    const input = path.relative(dir, path.join(SHARED, 'rudderstack/tracking-plan-action-example'));
    expect(await runCli(['import', 'rudderstack', input, '--out', 'imported'], io)).toBe(0);
    expect(io.out).toBe('imported 1 planned calls from rudderstack into imported, nothing lost\n');
    const check = capture(dir);
    expect(await runCli(['check', '--plan', 'imported'], check)).toBe(0);
  });

  it('export segment writes one file; export rudderstack a folder; warnings as check prints them', async () => {
    const dir = await tempTree({
      'plans/plan.yaml': 'trackplan: 1\nid: shop\nname: Shop\nversion: 1.2.0\n',
      'plans/events.yaml': 'events:\n  Order Completed:\n    description: Paid.\n    owner: checkout\n    properties:\n      total: { type: number, required: true, description: Amount paid. }\n',
    });
    const io = capture(dir);
    expect(await runCli(['export', 'segment', '--out', 'out/rules.json', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out) as { diagnostics: { file: string; line: number; ruleId: string; messageId: string }[] };
    expect(report.diagnostics.map((d) => [d.file, d.line, d.ruleId, d.messageId])).toEqual([
      ['plans/events.yaml', 2, 'interop-not-carried', 'lostEventField'],
      ['plans/plan.yaml', 1, 'interop-not-carried', 'lostPlanField'],
      ['plans/plan.yaml', 1, 'interop-not-carried', 'lostPlanField'],
    ]);
    const rules = JSON.parse(await readFile(path.join(dir, 'out/rules.json'), 'utf8')) as { rules: unknown[] };
    expect(rules.rules).toHaveLength(1);
    expect(await runCli(['export', 'rudderstack', '--out', 'rudder'], capture(dir))).toBe(1);
    expect((await readdir(path.join(dir, 'rudder'))).sort()).toEqual(['events.yaml', 'properties.yaml', 'tracking-plan.yaml']);
  });

  it.each([['import'], ['export']])('%s --help lists the formats and the exit codes', async (command) => {
    const io = capture(process.cwd());
    expect(await runCli([command, '--help'], io)).toBe(0);
    expect(io.out).toContain('Exit codes:');
    for (const format of command === 'import' ? ['segment', 'rudderstack', 'avo', 'amplitude', 'mparticle', 'iglu', 'csv'] : ['segment', 'rudderstack', 'iglu', 'mparticle', 'csv']) {
      expect(io.out).toMatch(new RegExp(`\\n  ${format} +\\S`));
    }
  });
});
