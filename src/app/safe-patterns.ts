import { analyzePatterns } from './check-plan.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { PlanIR } from '../core/ir.js';
import { collectPatterns } from '../core/rules/redos-pattern.js';
import { runPlanRules } from '../core/rules/run.js';

/** The verdict on a plan's patterns: the errors that refuse it, and the patterns safe on the native engine. */
export interface PatternSafety {
  /** `redos-pattern` errors, located as `trackplan check` reports them; empty when every pattern is safe. */
  diagnostics: Diagnostic[];
  /**
   * Patterns recheck proved free of super-linear backtracking: these may run on the native engine.
   * Every other pattern runs on the linear-time engine (see `ValidatorOptions.safePatterns`).
   */
  safe: Set<string>;
}

/**
 * What every command that runs a plan's patterns (`build`, `validate`, `serve`, `stream`) checks
 * before it starts: the `redos-pattern` rule, at error level whatever the plan's `rules:` say
 * (its `boundedLength` option still applies), so an unsafe plan is refused with the same located
 * error as `trackplan check`.
 */
export async function checkPatternSafety(plan: PlanIR): Promise<PatternSafety> {
  const verdicts = await analyzePatterns(collectPatterns(plan));
  const safe = new Set([...verdicts].filter(([, verdict]) => verdict.status === 'safe').map(([pattern]) => pattern));
  if (safe.size === verdicts.size) return { diagnostics: [], safe };
  const setting = plan.rules.findLast((rule) => rule.ruleId === 'redos-pattern');
  const forced: PlanIR = {
    ...plan,
    rules: [...plan.rules, { ruleId: 'redos-pattern', severity: 'error', location: setting?.location ?? plan.headerLocation, ...(setting?.options !== undefined ? { options: setting.options } : {}) }],
  };
  const { diagnostics } = runPlanRules(forced, { only: ['redos-pattern'], env: { patternVerdicts: verdicts } });
  return { diagnostics, safe };
}

/** The line a command prints under the diagnostics when it refuses a plan for its patterns. */
export function unsafePatternsHint(command: string): string {
  return `trackplan ${command}: the plan has patterns that can backtrack catastrophically (ReDoS); fix them, or pass --allow-unsafe-patterns (they then run on the linear-time engine)\n`;
}
