import { compileTrackingFiles } from '../codegen/index.js';
import { compileSchemaFiles } from '../core/compile.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { ConfigError } from '../core/errors.js';
import type { PlanIR } from '../core/ir.js';
import { formatPretty } from '../report/diagnostics.js';

export interface CompileOptions {
  /** SDK of the generated tracking module (`trackplan build --sdk`); default: the plan's sources. */
  sdk?: string | undefined;
}

/** A valid plan that code cannot be generated for (two events that would share a function name). */
export class CodegenError extends ConfigError {
  override name = 'CodegenError';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`cannot generate the tracking functions; nothing was written:\n${formatPretty(diagnostics)}`);
  }
}

/**
 * Everything `trackplan build` writes, by path relative to the output folder. Each emitter reads
 * only the Plan IR; the result is byte-deterministic.
 */
export async function compileOutputs(plan: PlanIR, options: CompileOptions = {}): Promise<Map<string, string>> {
  const files = compileSchemaFiles(plan);
  const tracking = await compileTrackingFiles(plan, options);
  if (tracking.diagnostics.length > 0) throw new CodegenError(tracking.diagnostics);
  for (const [file, content] of tracking.files) files.set(file, content);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
