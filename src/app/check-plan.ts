import type { Diagnostic } from '../core/diagnostics.js';
import type { PlanIR } from '../core/ir.js';
import { collectPatterns } from '../core/rules/redos-pattern.js';
import { findRule } from '../core/rules/registry.js';
import { ruleSeverity, runPlanRules } from '../core/rules/run.js';
import type { PatternVerdict } from '../core/rules/types.js';

/** Give up on one pattern after this long; an undecided pattern is not reported. */
const PATTERN_TIMEOUT_MS = 10_000;

/**
 * ReDoS verdicts for regular expressions, by recheck (automata theory plus fuzzing, with a fixed
 * seed so results repeat). It runs outside the pure core: recheck uses its native binary or a worker.
 * Patterns are checked with the `u` flag, as ajv compiles them.
 */
export async function analyzePatterns(patterns: Iterable<string>): Promise<Map<string, PatternVerdict>> {
  const unique = [...new Set(patterns)];
  if (unique.length === 0) return new Map();
  // Loaded on demand: recheck is large (about 150 ms to load), and most plans have few patterns.
  const { check } = await import('recheck');
  const verdicts = await Promise.all(unique.map(async (pattern): Promise<PatternVerdict> => {
    try {
      const result = await check(pattern, 'u', { randomSeed: 0, timeout: PATTERN_TIMEOUT_MS });
      if (result.status !== 'vulnerable') return { status: result.status };
      return {
        status: 'vulnerable',
        complexity: result.complexity.type,
        summary: result.complexity.summary,
        attack: result.attack.pattern,
      };
    } catch {
      // recheck could not run here (no usable backend): the pattern stays unjudged, like a timeout.
      return { status: 'unknown' };
    }
  }));
  return new Map(unique.map((pattern, i) => [pattern, verdicts[i]!]));
}

/** Options of {@link checkPlan}. */
export interface CheckPlanOptions {
  /** Run only these rule ids (tests, editors). Their configured severity still applies; `off` still skips. */
  only?: readonly string[];
}

/** What {@link checkPlan} finds. */
export interface CheckPlanResult {
  /** The rules' findings, sorted by place. */
  diagnostics: Diagnostic[];
  /** Mistakes in the header's `rules:` settings (unknown rule, bad options). */
  configDiagnostics: Diagnostic[];
}

/**
 * Runs the plan rules (`trackplan check`) with the severities and options of the plan's header,
 * computing first what the pure rules cannot (ReDoS verdicts) when a rule needs it.
 *
 * @param plan - A plan from {@link loadPlan} without errors.
 * @returns The findings, sorted by place; an error among them means the plan fails the check.
 */
export async function checkPlan(plan: PlanIR, options: CheckPlanOptions = {}): Promise<CheckPlanResult> {
  const redos = findRule('redos-pattern')!;
  const needsPatterns = ruleSeverity(plan, redos) !== 'off' && (!options.only || options.only.includes(redos.id));
  const patternVerdicts = needsPatterns ? await analyzePatterns(collectPatterns(plan)) : new Map<string, PatternVerdict>();
  return runPlanRules(plan, { ...options, env: { patternVerdicts } });
}
