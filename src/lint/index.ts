/** trackplan/lint: check the analytics calls of a TypeScript/JavaScript code base against a plan. */
export { lintProject, type LintProjectOptions } from './lint-project.js';
export { lintSources, type LintResult, type LintSourcesOptions, type LintStats, type SourceText } from './lint-sources.js';
export { readLintConfig, validateLintNode, type LintConfigResult } from './read-config.js';
export { defaultLintConfig, mergeLintConfig, type ArgumentPath, type LintConfig, type WrapperCall } from './config.js';
export { parseCallSpec } from './call-spec.js';
export { computeCoverage, type CallSite, type Coverage, type EventCoverage, type SourceCoverage } from './coverage.js';
export { LINT_RULES, findRule } from './rules/index.js';
export type { LintRule, RuleContext } from './rule.js';
export type { CallForm, CallName, StaticValue, TrackedCall } from './model.js';
export { formatLintPretty } from '../report/lint-pretty.js';
export { formatLintJson } from '../report/lint-json.js';
export { formatSarif, type SarifOptions, type SarifRule } from '../report/sarif.js';
