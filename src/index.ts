/**
 * trackplan: load a tracking plan, check it, compile it to JSON Schema and typed tracking
 * functions, and diff two versions of it. The runtime validator is `trackplan/runtime`, the code
 * linter `trackplan/lint`.
 *
 * @packageDocumentation
 */
export { loadPlan, type LoadedPlan, type LoadPlanOptions } from './sources/load-plan.js';
export { loadPlanFiles, type PlanFileText } from './sources/load-plan-files.js';
export { loadPlanAtRef } from './sources/git-plan.js';
export { checkPlan, type CheckPlanOptions, type CheckPlanResult } from './app/check-plan.js';
export { compileOutputs, type CompileOptions, type CompileResult } from './app/compile.js';
export { compileRuntimePlan, type CompiledPlan, type CompiledEvent } from './core/compiled-plan.js';
export type { JsonSchema } from './core/compile-schema.js';
export { diffPlans, judgeBump, CHANGES, type VersionMove, type PlanDiff, type PlanChange, type ChangeKind, type ChangeId, type RenameHint, type Bump, type BumpVerdict } from './core/diff/index.js';
export { hasErrors, type Diagnostic, type Severity } from './core/diagnostics.js';
export type { Location, FileLocation, SheetLocation } from './core/location.js';
export { ConfigError } from './core/errors.js';
export type {
  PlanIR, EventIR, PropertyIR, TypeIR, SourceIR, PolicyIR, PolicySettings, PolicyAction, RuleSettingIR, RuleSeverity,
  LintSettingsIR, LintRuleSettingIR, WrapperCall, ArgumentPath, NameTransform, CallType, PrimitiveType, EnumValue, EventStatus,
} from './core/ir.js';
export { CALL_TYPES, PRIMITIVE_TYPES } from './core/ir.js';
export { checkPatternSafety, type PatternSafety } from './app/safe-patterns.js';
