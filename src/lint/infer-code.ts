import type { InferLimits } from '../core/infer/value-stats.js';
import type { SampleSet } from '../core/infer/sample-set.js';
import type { PlanIR } from '../core/ir.js';
import type { LintConfig } from './config.js';
import { samplesFromCalls, type DynamicCall } from './infer-samples.js';
import { lintProject } from './lint-project.js';

export interface InferCodeOptions {
  /** Files or folders, relative to `cwd`. */
  paths: string[];
  cwd: string;
  /** A plan whose sources and lint settings apply (an empty one for a project without a plan). */
  plan: PlanIR;
  config: LintConfig;
  limits: InferLimits;
  typeCheck?: boolean;
  tsconfig?: string;
}

/**
 * The analytics calls of a code base as samples for `trackplan infer --from-code`: the linter's
 * own extraction (every call form, wrapper and receiver `trackplan lint` understands), with the
 * plan's findings ignored.
 */
export async function inferFromCode(options: InferCodeOptions): Promise<{ set: SampleSet; dynamic: DynamicCall[]; files: number }> {
  const result = await lintProject({
    plan: options.plan,
    config: options.config,
    paths: options.paths,
    cwd: options.cwd,
    typeCheck: options.typeCheck !== false,
    ...(options.tsconfig !== undefined ? { tsconfig: options.tsconfig } : {}),
  });
  return { ...samplesFromCalls(result.calls, options.limits), files: result.stats.files };
}
