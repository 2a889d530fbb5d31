import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSchemaFiles } from '../../src/core/compile.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { PlanIR } from '../../src/core/ir.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { readInputs } from '../../src/sources/interop/read-inputs.js';
import type { ExportFormat, ImportFormat, ImportOptions, ImportResult, InputFile } from '../../src/sources/interop/types.js';
import { renderPlanDocuments } from '../../src/sources/interop/write-plan-documents.js';
import { tempTree } from '../helpers/temp.js';

/** The repository root: input paths in locations are relative to it. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The real, public sample files (never copied into the project). */
export const SHARED = path.resolve(ROOT, '../shared/interop');

/** Reads inputs the way the CLI does (folders whole), paths relative to the repository root. */
export async function readShared(...relative: string[]): Promise<InputFile[]> {
  return readInputs(relative.map((r) => path.relative(ROOT, path.join(SHARED, r))), ROOT);
}

export interface LoadedImport {
  result: ImportResult;
  plan: PlanIR;
  /** What `trackplan check` reports about the written plan folder. */
  diagnostics: Diagnostic[];
  dir: string;
}

/** Imports, writes the plan folder to a temp dir and loads it back as `check` and `build` do. */
export async function importAndLoad(format: ImportFormat, files: InputFile[], options: ImportOptions = {}): Promise<LoadedImport> {
  const result = format.importPlan(files, options);
  const dir = await tempTree(Object.fromEntries(renderPlanDocuments(result.documents)), 'trackplan-interop-');
  const loaded = await loadPlan(dir);
  if (!loaded.plan) throw new Error(`the imported plan does not load: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
  return { result, plan: loaded.plan, diagnostics: loaded.diagnostics, dir };
}

/** The compiled event schemas (`schemas/<call>/<event>.json`) as `trackplan build` writes them. */
export function compiledSchemas(plan: PlanIR): Map<string, string> {
  return new Map([...compileSchemaFiles(plan)].filter(([file]) => file.startsWith('schemas/')));
}

/** Exports a plan, then hands the exported files to the importer as the CLI would read them. */
export function exportAsInputs(format: ExportFormat, plan: PlanIR, base?: PlanIR): { files: InputFile[]; diagnostics: Diagnostic[] } {
  const result = format.exportPlan(plan, base ? { base } : {});
  const files = [...result.files].map(([file, text]) => ({ path: format.output === 'folder' ? `out/${file}` : file, text }));
  return { files, diagnostics: result.diagnostics };
}
