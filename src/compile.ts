import { compileSchemaFiles } from './core/compile.js';
import type { PlanIR } from './core/ir.js';

/**
 * Everything `trackplan build` writes, by path relative to the output folder. Each emitter reads
 * only the Plan IR; the result is byte-deterministic.
 */
export async function compileOutputs(plan: PlanIR): Promise<Map<string, string>> {
  const files = compileSchemaFiles(plan);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
