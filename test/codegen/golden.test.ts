import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileOutputs } from '../../src/app/compile.js';
import { GENERATED_MARKER } from '../../src/sources/output.js';
import { loadFixturePlan } from './helpers.js';

// Run with UPDATE_GOLDEN=1 to rewrite the expected files after an intended change; review the diff.
const EXPECTED = path.join(import.meta.dirname, 'fixtures/small-plan/expected');
const GOLDEN = ['tracking.ts', 'tracking.js', 'tracking.d.ts', 'tracking-node.ts', 'validators.d.ts'];

describe('generated code of the small fixture plan', async () => {
  const plan = await loadFixturePlan();
  const files = (await compileOutputs(plan)).files;

  it.each(GOLDEN)('%s matches its golden file', async (name) => {
    const golden = path.join(EXPECTED, `${name}.golden`);
    const actual = files.get(name);
    expect(actual).toBeDefined();
    if (process.env['UPDATE_GOLDEN']) {
      await mkdir(EXPECTED, { recursive: true });
      await writeFile(golden, actual!);
    }
    expect(actual).toBe(await readFile(golden, 'utf8'));
  });

  it('writes browser and Node modules for a plan with both kinds of source, and one validators file', () => {
    expect([...files.keys()].filter((f) => !f.includes('/'))).toEqual([
      'plan.json', 'tracking-node.d.ts', 'tracking-node.js', 'tracking-node.ts',
      'tracking.d.ts', 'tracking.js', 'tracking.ts', 'validators.d.ts', 'validators.js',
    ]);
  });

  it('starts every file with the do-not-edit header naming the plan version', () => {
    for (const [name, content] of files) {
      if (name.endsWith('.json')) continue;
      expect(content.split('\n')[0], name).toBe(`// ${GENERATED_MARKER} from plan shop-web@2.1.0. Do not edit: change the plan and run \`trackplan build\`.`);
    }
  });

  it('is byte-deterministic', async () => {
    const again = (await compileOutputs(await loadFixturePlan())).files;
    expect([...again]).toEqual([...files]);
  });

  it('keeps validation out of the production modules: they import nothing', () => {
    for (const name of ['tracking.js', 'tracking-node.js', 'tracking.ts', 'tracking-node.ts']) {
      expect(files.get(name), name).not.toMatch(/^\s*import\b|\brequire\(|validate\d+|ajv/m);
    }
  });

  it('makes validators.js self-contained (no import, no require of ajv or ajv-formats)', () => {
    const validators = files.get('validators.js')!;
    expect(validators).not.toMatch(/^\s*import\b|\brequire\(/m);
    expect(validators).toMatch(/^export function validateEvent\(event\) \{$/m);
    expect(validators.match(/^export /gm)).toHaveLength(1);
  });
});
