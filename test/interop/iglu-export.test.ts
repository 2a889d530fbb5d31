import { describe, expect, it } from 'vitest';
import type { PlanIR } from '../../src/core/ir.js';
import { exportIglu } from '../../src/sources/interop/iglu/export.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { tempTree } from '../helpers/temp.js';

const HEADER = (version: string) => `trackplan: 1\nid: com.acme\nname: Acme\nversion: ${version}\n`;

const BASE_EVENTS = [
  'events:',
  '  kept: { properties: { a: { type: string } } }',
  '  grows: { properties: { a: { type: string } } }',
  '  narrows: { properties: { kind: { type: string, enum: [x, y] } } }',
  '  retyped: { properties: { n: { type: integer } } }',
  '  tightened: { properties: { a: { type: string } } }',
  '  tagged: { tags: ["iglu:com.acme/tagged/jsonschema/2-1-3"], properties: { a: { type: string } } }',
  '',
].join('\n');

const HEAD_EVENTS = [
  'events:',
  '  kept: { properties: { a: { type: string } } }',
  '  grows: { properties: { a: { type: string }, b: { type: boolean } } }',
  '  narrows: { properties: { kind: { type: string, enum: [x] } } }',
  '  retyped: { properties: { n: { type: string } } }',
  '  tightened: { properties: { a: { type: string, required: true } } }',
  '  tagged: { tags: ["iglu:com.acme/tagged/jsonschema/2-1-3"], properties: { a: { type: string }, b: { type: string } } }',
  '  added: { properties: { a: { type: string } } }',
  '',
].join('\n');

async function planOf(version: string, events: string): Promise<PlanIR> {
  const dir = await tempTree({ 'plan.yaml': HEADER(version), 'events.yaml': events });
  const { plan, diagnostics } = await loadPlan(dir);
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return plan;
}

const versions = (files: Map<string, string>) => Object.fromEntries([...files.keys()].map((f) => {
  const [, , name, , version] = f.split('/');
  return [name!, version!];
}));

describe('iglu export: SchemaVer', () => {
  it('without --base: the plan version as SchemaVer, or the event\'s own iglu tag', async () => {
    const { files } = exportIglu(await planOf('1.4.2', BASE_EVENTS), {});
    expect(versions(files)).toEqual({ kept: '1-4-2', grows: '1-4-2', narrows: '1-4-2', retyped: '1-4-2', tightened: '1-4-2', tagged: '2-1-3' });
  });

  it('with --base: MODEL for retyping or a new required property, REVISION for a narrowing, ADDITION for an optional addition', async () => {
    const base = await planOf('1.0.0', BASE_EVENTS);
    const head = await planOf('2.0.0', HEAD_EVENTS);
    const { files } = exportIglu(head, { base });
    expect(versions(files)).toEqual({
      kept: '1-0-0', // unchanged since the base: the base's version
      grows: '1-0-1', // optional property added: ADDITION
      narrows: '1-1-0', // enum value removed: REVISION
      retyped: '2-0-0', // type changed: MODEL
      tightened: '2-0-0', // made required: MODEL
      tagged: '2-1-4', // bumped from its own tagged version
      added: '2-0-0', // new since the base: the plan version
    });
  });

  it('writes self-describing schemas in the registry layout, keys in Iglu order', async () => {
    const { files } = exportIglu(await planOf('1.0.0', 'events:\n  kept:\n    description: Kept.\n    properties: { a: { type: string, required: true, maxLength: 8 } }\n'), {});
    expect([...files.keys()]).toEqual(['schemas/com.acme/kept/jsonschema/1-0-0']);
    const text = files.get('schemas/com.acme/kept/jsonschema/1-0-0')!;
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['$schema', 'description', 'self', 'type', 'properties', 'required', 'additionalProperties']);
    expect(JSON.parse(text)).toMatchObject({
      self: { vendor: 'com.acme', name: 'kept', format: 'jsonschema', version: '1-0-0' },
      properties: { a: { type: 'string', maxLength: 8 } }, required: ['a'], additionalProperties: false,
    });
  });

  it('reports what Iglu cannot hold at its place in the plan', async () => {
    const dir = await tempTree({
      'plan.yaml': HEADER('0.3.0'),
      'events.yaml': 'events:\n  Order Done:\n    owner: shop\n    properties:\n      email: { type: string, pii: true }\nidentify:\n  traits: { a: { type: string } }\n',
    });
    const { plan } = await loadPlan(dir, { cwd: dir });
    const { diagnostics } = exportIglu(plan!, {});
    expect(diagnostics.map((d) => [d.messageId, d.data?.['field'] ?? d.data?.['call'], d.location && 'line' in d.location ? `${d.location.file}:${d.location.line}` : ''])).toEqual([
      ['lostPlanField', 'name', 'plan.yaml:1'],
      ['lostEventField', 'owner', 'events.yaml:2'],
      ['lostPropertyField', 'pii', 'events.yaml:5'],
      ['lostCall', 'identify', 'events.yaml:6'],
      ['renamedEvent', 'track', 'events.yaml:2'],
      ['lostPlanField', 'version', 'plan.yaml:1'],
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning' && d.ruleId === 'interop-not-carried')).toBe(true);
  });
});
