import { ConfigError } from '../core/errors.js';
import type { SampleSet } from '../core/infer/sample-set.js';
import type { InferLimits } from '../core/infer/value-stats.js';
import type { PlanIR } from '../core/ir.js';
import { parseCallSpec } from '../lint/call-spec.js';
import { defaultLintConfig, mergeLintConfig } from '../lint/config.js';
import { inferFromCode } from '../lint/infer-code.js';
import type { DynamicCall } from '../lint/infer-samples.js';
import { isValidCallee, readLintConfig } from '../lint/read-config.js';
import { loadPlanFiles } from '../sources/load-plan-files.js';

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
