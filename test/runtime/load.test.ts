import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRuntimePlan } from '../../src/core/compiled-plan.js';
import { compileSchemaFiles } from '../../src/core/compile.js';
import { loadCompiledPlan } from '../../src/runtime/load.js';
import { createValidator } from '../../src/runtime/validator.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { tempTree } from '../helpers/temp.js';
import { order, SHOP_PLAN } from './helpers.js';

async function buildShop(): Promise<string> {
  const { plan } = await loadPlan(SHOP_PLAN);
  const dir = await tempTree({});
  for (const [file, content] of compileSchemaFiles(plan!)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

describe('loadCompiledPlan', () => {
  it('reads generated/ into the same compiled plan as the YAML gives', async () => {
    const { plan } = await loadPlan(SHOP_PLAN);
    const expected = JSON.parse(JSON.stringify(compileRuntimePlan(plan!)));
    const loaded = await loadCompiledPlan(await buildShop());
    expect(loaded).toEqual(expected);
    const result = createValidator(loaded).validate(order({ total: 'x' }));
    expect(result.violations.map((v) => v.meta.schemaPath)).toEqual(['#/properties/properties/properties/total/type']);
  });

  const broken: [string, Record<string, string>, RegExp][] = [
    ['a missing folder', {}, /cannot read .*plan\.json: ENOENT; run `trackplan build`/],
    ['plan.json that is not JSON', { 'plan.json': '{' }, /plan\.json: not valid JSON/],
    ['plan.json of something else', { 'plan.json': '{"name":"x"}' }, /not a trackplan plan\.json/],
    ['a schema path leaving the folder', { 'plan.json': '{"id":"a","version":"1.0.0","events":[{"call":"track","name":"x","schema":"../x.json"}]}' }, /events\[0\]\.schema points outside/],
    ['a missing schema file', { 'plan.json': '{"id":"a","version":"1.0.0","events":[{"call":"track","name":"x","schema":"schemas/track/x.json"}]}' }, /cannot read .*x\.json: ENOENT/],
    ['a schema without the data part', {
      'plan.json': '{"id":"a","version":"1.0.0","events":[{"call":"track","name":"x","schema":"schemas/track/x.json"}]}',
      'schemas/track/x.json': '{"type":"object"}',
    }, /x\.json: no schema for the event's properties/],
  ];
  it.each(broken)('fails clearly on %s', async (_name, files, message) => {
    const dir = await tempTree(files);
    await expect(loadCompiledPlan(path.join(dir, Object.keys(files).length === 0 ? 'missing' : '.'))).rejects.toThrow(message);
  });
});
