import { symlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { compileOutputs } from '../../src/app/compile.js';
import { hasErrors } from '../../src/core/diagnostics.js';
import type { PlanIR } from '../../src/core/ir.js';
import { normalizePlan } from '../../src/core/normalize/index.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { parseYamlFile } from '../../src/sources/yaml-file.js';
import { tempTree } from '../helpers/temp.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SMALL_PLAN = path.join(import.meta.dirname, 'fixtures/small-plan/plan');

const HEADER = 'trackplan: 1\nid: fixture\nname: Fixture\nversion: 1.0.0\n';

/** A plan from YAML text (the header is added), normalized with real locations in `plan.yaml`. */
export function planFromYaml(body: string, header = HEADER): PlanIR {
  const { file, diagnostics: syntax } = parseYamlFile('plan.yaml', header + body);
  const { plan, diagnostics } = normalizePlan([file]);
  if (!plan || hasErrors([...syntax, ...diagnostics])) {
    throw new Error(`fixture plan has errors: ${[...syntax, ...diagnostics].map((d) => d.message).join('; ')}`);
  }
  return plan;
}

export async function loadFixturePlan(dir = SMALL_PLAN): Promise<PlanIR> {
  const { plan, diagnostics } = await loadPlan(dir, { cwd: ROOT });
  if (!plan || hasErrors(diagnostics)) throw new Error(`fixture plan has errors: ${diagnostics.map((d) => d.message).join('; ')}`);
  return plan;
}

/**
 * Builds a plan into a fresh temp folder, as `trackplan build` would write it, plus the given
 * extra files. The folder links the project's node_modules, so that tsc finds the SDK types.
 */
export async function buildToTemp(plan: PlanIR, extra: Record<string, string> = {}, sdk?: string): Promise<{ dir: string; files: Map<string, string> }> {
  const files = (await compileOutputs(plan, { sdk })).files;
  const dir = await tempTree({ ...Object.fromEntries(files), ...extra, 'package.json': '{ "type": "module" }\n' }, 'trackplan-codegen-');
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return { dir, files };
}

export async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), content);
  }
}
