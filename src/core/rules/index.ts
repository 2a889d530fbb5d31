export { PLAN_RULES, findRule } from './registry.js';
export { runPlanRules, ruleSeverity, describeRules, RULE_CONFIG_MESSAGES, type RunRulesOptions, type RuleRunResult } from './run.js';
export { collectPatterns } from './redos-pattern.js';
export type { PlanRule, RuleEnv, PatternVerdict, RuleReport, OptionSpec } from './types.js';
