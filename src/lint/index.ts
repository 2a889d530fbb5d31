/**
 * trackplan/lint: check the analytics calls of a TypeScript or JavaScript code base against a
 * tracking plan, and measure how much of the plan the code covers.
 *
 * @packageDocumentation
 */
import { lintProject as lintProjectWithCalls, type LintProjectOptions } from './lint-project.js';
import { lintSources as lintSourcesWithCalls, type LintSourcesOptions, type SourceText } from './lint-sources.js';
import type { LintReport } from '../core/lint-results.js';

/**
 * Lints a code base (`trackplan lint`): lists its files, finds the analytics calls (SDK calls,
 * the generated tracking functions, declared wrappers) and checks each against the plan.
 *
 * @returns Findings sorted by place, the plan's coverage by the code, and counts.
 */
export const lintProject: (options: LintProjectOptions) => Promise<LintReport> = lintProjectWithCalls;

/**
 * Lints source texts already in memory against a plan (editors, tests). The file system is
 * touched only to resolve imports for the type checker.
 */
export const lintSources: (sources: readonly SourceText[], options: LintSourcesOptions) => LintReport = lintSourcesWithCalls;

export type { LintProjectOptions, LintSourcesOptions, SourceText };
export { suggestWrappersInProject, type SuggestProjectOptions } from './suggest-project.js';
export type { SuggestWrappersResult, WrapperSuggestion, SuggestedCall } from './suggest-wrappers.js';
export type { SinkKind } from '../core/wrapper-suggestions.js';
export type { TsProject } from './projects.js';
export type { LintReport as LintResult, LintStats, ProjectStats, CallForm, CallSite, Coverage, EventCoverage, SourceCoverage } from '../core/lint-results.js';
export { defaultLintConfig, mergeLintConfig, type LintConfig } from './config.js';
export { hasErrors, type Diagnostic, type Severity } from '../core/diagnostics.js';
export type { Location, FileLocation, SheetLocation } from '../core/location.js';
export type {
  PlanIR, EventIR, PropertyIR, TypeIR, SourceIR, PolicyIR, PolicySettings, PolicyAction, RuleSettingIR, RuleSeverity,
  LintSettingsIR, LintRuleSettingIR, WrapperCall, ArgumentPath, NameTransform, CallType, PrimitiveType, EnumValue, EventStatus,
} from '../core/ir.js';
export { CALL_TYPES, PRIMITIVE_TYPES } from '../core/ir.js';
