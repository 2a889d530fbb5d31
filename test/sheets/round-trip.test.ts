import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/index.js';
import { compileOutputs } from '../../src/app/compile.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { tempTree } from '../helpers/temp.js';
import { captureIo, examplePlanFiles, readTree } from './helpers.js';

async function build(dir: string, cwd: string): Promise<Map<string, string>> {
  const { plan, diagnostics } = await loadPlan(dir, { cwd });
  expect(diagnostics).toEqual([]);
  return (await compileOutputs(plan!)).files;
}

async function cli(cwd: string, ...args: string[]): Promise<{ code: number; err: string; out: string }> {
  const io = captureIo(cwd);
  const code = await runCli(args, io);
  return { code, err: io.err(), out: io.out() };
}

describe('the example plan through the sheet template (CSV)', () => {
  it('survives push then pull: same files, same data in each, byte-identical build', async () => {
    const cwd = await tempTree(await examplePlanFiles());
    expect(await cli(cwd, 'sheets', 'push', '--plan', 'plans', '--to-csv', 'sheet')).toMatchObject({ code: 0 });
    const pulled = await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet', '--out', 'pulled');
    expect(pulled).toMatchObject({ code: 0, out: '' });

    const original = await readTree(path.join(cwd, 'plans'));
    const result = await readTree(path.join(cwd, 'pulled'));
    expect([...result.keys()]).toEqual([...original.keys()]);
    for (const [file, text] of original) expect({ file, data: parse(result.get(file)!) }).toEqual({ file, data: parse(text) });
    expect(await build('pulled', cwd)).toEqual(await build('plans', cwd));
  });

  it('reaches a fixed point: pull after push of a pulled plan gives the same YAML text', async () => {
    const cwd = await tempTree(await examplePlanFiles());
    await cli(cwd, 'sheets', 'push', '--plan', 'plans', '--to-csv', 'sheet1');
    await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet1', '--out', 'first');
    await cli(cwd, 'sheets', 'push', '--plan', 'first', '--to-csv', 'sheet2');
    await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet2', '--out', 'second');
    expect(await readTree(path.join(cwd, 'second'))).toEqual(await readTree(path.join(cwd, 'first')));
    expect(await readTree(path.join(cwd, 'sheet2'))).toEqual(await readTree(path.join(cwd, 'sheet1')));
  });
});

const EDGE_PLAN = `trackplan: 1
id: edge
name: Edge cases
version: 2.1.0-beta.1
description: |-
  A plan that uses every corner of the format.
  Second line.
sources:
  web: { name: "Web, main", sdk: segment-js, paths: [src/web/**, "odd, path/**"] }
  hook: {}
policy:
  unplanned_events: drop
  propagate_violations: false
  track: { unplanned_properties: drop, other_violations: drop }
rules:
  event-name-case: [warn, { style: snake }]
  property-description: off
lint: { calls: [{ object: analytics, method: track }] }
types:
  level: { type: integer, enum: [1, 2, 3], description: "Level: 1-3" }
  money:
    type: object
    properties:
      amount: { type: number, minimum: 0, maximum: 1e9 }
      currency: { type: string, enum: ["1.0", "null", "EUR, old"], required: true }
  id_or_number: { type: [string, integer] }
  tags: { type: array, items: string }
properties:
  plan: { type: string, enum: [free, pro], required: true, description: "Plan # of the account" }
  level: level
  flag: { type: boolean, deprecated: true }
events:
  checkout/step.viewed:
    description: Step "viewed".
    sources: web
    tags: [funnel, "a, b"]
    status: deprecated
    replaced_by: checkout_step_viewed
    additional_properties: true
    properties:
      plan: { required: false }
      level:
      flag: { description: overridden }
      "a.b": { type: [string, "null"] }
      items:
        type: array
        required: true
        items:
          type: object
          additional_properties: true
          properties:
            price: money
            matrix: { type: array, items: { type: array, items: number } }
      total: { type: money, nullable: true }
      any: any
      choice: { type: [string, integer], enum: [a, 1, "2"], nullable: true }
      free_object: object
  "Order: Completed": {}
identify:
  identity_section: context.traits
  additional_properties: true
  traits:
    plan:
    email: { type: string, format: email, pii: true, pattern: "^[^@]+@[^@]+$", minLength: 3 }
page:
  names: [Home, "Pricing, annual"]
  properties:
    path: { type: string, required: true }
screen: {}
group: { traits: { name: string } }
`;

describe('a plan that uses every corner of the format', () => {
  it('goes through the sheet and back to the same build', async () => {
    const cwd = await tempTree({ 'plans/plan.yaml': EDGE_PLAN });
    const before = await build('plans', cwd);
    expect(await cli(cwd, 'sheets', 'push', '--plan', 'plans', '--to-csv', 'sheet')).toMatchObject({ code: 0 });
    expect(await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet', '--out', 'pulled')).toMatchObject({ code: 0, out: '' });
    expect(await build('pulled', cwd)).toEqual(before);
    await cli(cwd, 'sheets', 'push', '--plan', 'pulled', '--to-csv', 'sheet2');
    await cli(cwd, 'sheets', 'pull', '--from-csv', 'sheet2', '--out', 'pulled2');
    expect(await readTree(path.join(cwd, 'pulled2'))).toEqual(await readTree(path.join(cwd, 'pulled')));
  });
});
