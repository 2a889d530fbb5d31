/** trackplan: load, compile and diff tracking plans. */
export { loadPlan, type LoadedPlan, type LoadPlanOptions } from './sources/load-plan.js';
export { parseYamlFile } from './sources/yaml-file.js';
export { normalizePlan, type NormalizeResult } from './core/normalize/index.js';
export { compileOutputs } from './compile.js';
export { compileEventSchema, compileDataSchema, compileProperty, type JsonSchema } from './core/compile-schema.js';
export { compileSchemaFiles, schemaPath, toPlanJson } from './core/compile.js';
export { eventFileName } from './core/file-names.js';
export { planFormatSchema } from './core/format-schema.js';
export { hasErrors, sortDiagnostics, type Diagnostic, type Severity } from './core/diagnostics.js';
export { formatLocation, type Location, type FileLocation, type SheetLocation } from './core/location.js';
export { PLAN_ERRORS, type PlanErrorId } from './core/plan-errors.js';
export { ConfigError } from './core/errors.js';
export type * from './core/ir.js';
export type { RawNode, RawFile, RawMap, RawSeq, RawScalar, RawEntry } from './core/raw.js';
export { compileRuntimePlan, type CompiledPlan, type CompiledEvent } from './core/compiled-plan.js';
