import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS, type Layer } from '../../eslint.config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One real module of each layer, as the target of the imports fed to eslint. */
const MODULE_OF: Record<Layer, string> = {
  core: 'core/ir.js',
  codegen: 'codegen/index.js',
  runtime: 'runtime/validator.js',
  lint: 'lint/config.js',
  sources: 'sources/load-plan.js',
  report: 'report/diagnostics.js',
  catalog: 'catalog/build-catalog.js',
  app: 'app/compile.js',
  cli: 'cli/io.js',
};

const eslint = new ESLint({ cwd: ROOT });

/** The rule ids eslint reports for one import written in a (virtual) file of src/. */
async function ruleIdsFor(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const layers = Object.keys(LAYERS) as Layer[];
const pairs = layers.flatMap((layer) => layers.filter((other) => other !== layer).map((other) => ({
  layer, other, allowed: LAYERS[layer].includes(other),
})));

describe('layer rules (eslint import-x/no-restricted-paths)', () => {
  it.each(pairs)('src/$layer importing src/$other: allowed $allowed', async ({ layer, other, allowed }) => {
    const ids = await ruleIdsFor(`src/${layer}/layer-probe.ts`, `../${MODULE_OF[other]}`);
    expect(ids.includes('import-x/no-restricted-paths')).toBe(!allowed);
  });

  // The holes the old rule had: deeper folders, and layers it never named.
  it.each([
    ['src/core/rules/layer-probe.ts', '../../sources/load-plan.js'],
    ['src/core/layer-probe.ts', '../codegen/index.js'],
    ['src/core/layer-probe.ts', '../report/diagnostics.js'],
    ['src/runtime/layer-probe.ts', '../codegen/index.js'],
    ['src/runtime/layer-probe.ts', '../report/diagnostics.js'],
    ['src/runtime/http/layer-probe.ts', '../../lint/config.js'],
    ['src/codegen/layer-probe.ts', '../runtime/validator.js'],
    ['src/lint/layer-probe.ts', '../sources/yaml-file.js'],
    ['src/lint/rules/layer-probe.ts', '../../report/sarif.js'],
    ['src/app/layer-probe.ts', '../report/diagnostics.js'],
    ['src/core/layer-probe.ts', '../index.js'],
  ])('%s importing %s is an error', async (file, specifier) => {
    expect(await ruleIdsFor(file, specifier)).toContain('import-x/no-restricted-paths');
  });

  it('lets the lint entry point re-export the lint reporters', async () => {
    expect(await ruleIdsFor('src/lint/index.ts', '../report/sarif.js')).not.toContain('import-x/no-restricted-paths');
  });

  it('finds an import cycle', async () => {
    // app/compile.ts imports codegen/index.ts: importing it back from there closes a cycle.
    expect(await ruleIdsFor('src/codegen/index.ts', '../core/ir.js')).not.toContain('import-x/no-cycle');
    expect(await ruleIdsFor('src/codegen/index.ts', '../app/compile.js')).toContain('import-x/no-cycle');
  });
});
