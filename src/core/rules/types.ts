import type { PlanIR } from '../ir.js';
import type { Location } from '../location.js';
import type { RuleDefinition } from '../rule-definition.js';

/** One option of a rule, as the plan header may set it: `rule-id: [error, { option: value }]`. */
export type OptionSpec =
  | { kind: 'choice'; values: readonly string[]; default: string; description: string }
  | { kind: 'boolean'; default: boolean; description: string }
  | { kind: 'number'; default: number; minimum?: number; description: string }
  | { kind: 'strings'; default: readonly string[]; description: string };

export type OptionSpecs = Record<string, OptionSpec>;

type OptionValue<S extends OptionSpec> = S extends { kind: 'choice'; values: readonly (infer V)[] }
  ? V
  : S extends { kind: 'boolean' }
    ? boolean
    : S extends { kind: 'number' }
      ? number
      : readonly string[];

export type OptionsOf<S extends OptionSpecs> = { [K in keyof S]: OptionValue<S[K]> };

/** How hard a pattern may backtrack, as a ReDoS checker found (computed outside the pure core). */
export interface PatternVerdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  /** `exponential` or `polynomial` for vulnerable patterns. */
  complexity?: 'exponential' | 'polynomial';
  /** e.g. `2nd degree polynomial`. */
  summary?: string;
  /** A string that makes the pattern backtrack, as JavaScript source (`'a'.repeat(31) + '!'`). */
  attack?: string;
}

/** What rules need that the pure core cannot compute itself; the caller supplies it. */
export interface RuleEnv {
  /** ReDoS verdicts by pattern source; a pattern missing here is not judged. */
  patternVerdicts?: ReadonlyMap<string, PatternVerdict>;
}

export interface RuleReport<M extends string> {
  messageId: M;
  location: Location | undefined;
  data?: Record<string, string | number>;
  related?: Location[];
}

/**
 * A plan rule: one file, one definition. `check` reads the Plan IR and reports findings by message
 * id; the runner turns them into diagnostics with the severity the plan header chose.
 */
export interface PlanRule<M extends string = string, S extends OptionSpecs = OptionSpecs> extends RuleDefinition<M> {
  options: S;
  check(plan: PlanIR, options: OptionsOf<S>, report: (finding: RuleReport<M>) => void, env: RuleEnv): void;
}

/** Identity helper that keeps message ids and option types precise inside each rule file. */
export function defineRule<const M extends string, const S extends OptionSpecs>(rule: PlanRule<M, S>): PlanRule<M, S> {
  return rule;
}
