import path from 'node:path';
import { checkPlan } from '../../src/app/check-plan.js';
import { hasErrors, type Diagnostic } from '../../src/core/diagnostics.js';
import type { PlanIR } from '../../src/core/ir.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import type { ExportFormat, ImportFormat, ImportOptions, InputFile } from '../../src/sources/interop/types.js';
import { compiledSchemas, exportAsInputs, importAndLoad, ROOT } from './helpers.js';

/** The example plan in plans/. */
export async function loadExamplePlan(): Promise<PlanIR> {
  const loaded = await loadPlan(path.join(ROOT, 'plans'), { cwd: ROOT });
  if (!loaded.plan) throw new Error('the example plan does not load');
  return loaded.plan;
}

/** Errors `trackplan check` would print for an imported plan (format errors and plan rules). */
export async function checkErrors(plan: PlanIR, loadDiagnostics: readonly Diagnostic[]): Promise<Diagnostic[]> {
  const result = await checkPlan(plan);
  return [...loadDiagnostics, ...result.configDiagnostics, ...result.diagnostics].filter((d) => d.severity === 'error');
}

/**
 * Compiled schemas without the `$comment` line (it names the plan id and version, which the
 * export reports as not carried), by schema path.
 */
export function schemasWithoutNotice(plan: PlanIR): Map<string, string> {
  return new Map([...compiledSchemas(plan)].map(([file, text]) => [file, text.replace(/^ {2}"\$comment": .*\n/m, '')]));
}

/** Exports then imports a plan; returns both compiled schema sets and the export's warnings. */
export async function roundTrip(plan: PlanIR, exporter: ExportFormat, importer: ImportFormat, options: ImportOptions = {}): Promise<{ before: Map<string, string>; after: Map<string, string>; exportWarnings: Diagnostic[]; back: PlanIR }> {
  const exported = exportAsInputs(exporter, plan);
  const imported = await importAndLoad(importer, exported.files, options);
  if (hasErrors(imported.diagnostics)) throw new Error(`round trip gave a plan with errors: ${imported.diagnostics[0]!.message}`);
  return { before: schemasWithoutNotice(plan), after: schemasWithoutNotice(imported.plan), exportWarnings: exported.diagnostics, back: imported.plan };
}

/** Schema paths of the calls an export reported as not carried (`lostCall`), which may be missing after a round trip. */
export function lostCallPaths(plan: PlanIR, warnings: readonly Diagnostic[]): Set<string> {
  const lost = new Set(warnings.filter((d) => d.messageId === 'lostCall').map((d) => d.data?.['call']));
  return new Set(plan.events.filter((e) => lost.has(e.call)).map((e) => `schemas/${e.call}/${e.fileName}.json`));
}

export type { InputFile };
