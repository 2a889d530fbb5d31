import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { SampleSet } from '../core/infer/sample-set.js';
import type { InferLimits } from '../core/infer/value-stats.js';
import { detectSdks, type SdkName } from '../core/init/detect.js';
import type { SourceChoice } from '../core/init/templates.js';
import type { PlanIR } from '../core/ir.js';
import { parseCallSpec } from '../lint/call-spec.js';
import { defaultLintConfig, mergeLintConfig } from '../lint/config.js';
import { inferFromCode } from '../lint/infer-code.js';
import type { DynamicCall } from '../lint/infer-samples.js';
import { isValidCallee, readLintConfig } from '../lint/read-config.js';
import { loadPlanFiles } from '../sources/load-plan-files.js';

/** The project's package.json (its text and parsed form), or undefined when there is none. */
export async function readPackageJson(cwd: string): Promise<{ text: string; json: Record<string, unknown> } | undefined> {
  const file = path.join(cwd, 'package.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return { text, json: JSON.parse(text) as Record<string, unknown> };
  } catch (error) {
    throw new ConfigError(`package.json is not valid JSON: ${(error as Error).message}`);
  }
}

/** The plan sources of a project: one per SDK it depends on (`web` for browser SDKs, `server` for Node ones). */
export function projectSources(packageJson: Record<string, unknown> | undefined, sdks: readonly SdkName[] = detectSdks(packageJson)): SourceChoice[] {
  const used = new Set<string>();
  return sdks.map((sdk) => {
    const base = sdk.endsWith('-node') ? 'server' : 'web';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const vendor = sdk.startsWith('segment') ? 'Segment' : 'RudderStack';
    return { id, name: `${base === 'server' ? 'Server' : 'Web'} (${vendor})`, sdk };
  });
}

const EMPTY_PLAN = 'trackplan: 1\nid: draft\nname: Draft\nversion: 0.0.0\n';

/** The analytics calls of code as samples, with the plan's `lint:` settings (receivers, wrappers) and the flags'. */
export async function sampleCode(
  cwd: string, paths: string[], plan: PlanIR | undefined, limits: InferLimits,
  flags: { receiver?: string[] | undefined; call?: string[] | undefined; typeCheck?: boolean | undefined; tsconfig?: string | undefined },
): Promise<{ set: SampleSet; dynamic: DynamicCall[] }> {
  const base = plan ?? loadPlanFiles([{ name: 'plan.yaml', text: EMPTY_PLAN }]).plan!;
  const fromPlan = plan ? await readLintConfig(plan, cwd) : { config: defaultLintConfig(), diagnostics: [] };
  if (fromPlan.diagnostics.length > 0) throw new ConfigError(`the plan's lint: settings have errors; see \`trackplan lint\``);
  for (const receiver of flags.receiver ?? []) {
    if (!isValidCallee(receiver) || receiver.startsWith('*.')) throw new ConfigError(`--receiver ${JSON.stringify(receiver)}: expected a name like analytics or window.analytics`);
  }
  const config = mergeLintConfig(fromPlan.config, { receivers: flags.receiver ?? [], calls: (flags.call ?? []).map(parseCallSpec), ignore: [] });
  return inferFromCode({
    paths, cwd, plan: base, config, limits,
    ...(flags.typeCheck !== undefined ? { typeCheck: flags.typeCheck } : {}),
    ...(flags.tsconfig !== undefined ? { tsconfig: flags.tsconfig } : {}),
  });
}
