import { compileTrackingFiles } from '../codegen/index.js';
import { compileSchemaFiles } from '../core/compile.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { PlanIR } from '../core/ir.js';

/** Options of `compileOutputs`. */
export interface CompileOptions {
  /** SDK of the generated tracking module (`trackplan build --sdk`); default: the plan's sources. */
  sdk?: string | undefined;
}

/** What `trackplan build` writes, or why it cannot write anything. */
export interface CompileResult {
  /**
   * Every output file by path relative to the output folder, sorted by path; empty when there are
   * diagnostics (nothing is written for a plan that code cannot be generated for).
   */
  files: Map<string, string>;
  /** Why code cannot be generated for a valid plan (two events that would share a function name). */
  diagnostics: Diagnostic[];
}

/**
 * Everything `trackplan build` writes, by path relative to the output folder. Each emitter reads
 * only the Plan IR; the result is byte-deterministic.
 */
export async function compileOutputs(plan: PlanIR, options: CompileOptions = {}): Promise<CompileResult> {
  const tracking = await compileTrackingFiles(plan, options);
  if (tracking.diagnostics.length > 0) return { files: new Map(), diagnostics: tracking.diagnostics };
  const files = compileSchemaFiles(plan);
  for (const [file, content] of tracking.files) files.set(file, content);
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))), diagnostics: [] };
}
