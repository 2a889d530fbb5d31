import type { ExportFormat } from '../../sources/interop/types.js';

/**
 * The exporters that write the plan as code for another platform's data plane. They compile
 * validators (src/codegen), which importers and the other exporters of src/sources/interop need
 * not (and, by the layer rules, may not) do; `trackplan export` lists them with those formats.
 */
export const ENFORCEMENT_EXPORTS = {
  'rudderstack-transformation': 'RudderStack user transformation (JavaScript) enforcing the plan: validators precompiled, policy applied',
  'segment-function': 'Segment destination insert function enforcing the plan: validators precompiled, policy applied',
} as const;

export type EnforcementExportName = keyof typeof ENFORCEMENT_EXPORTS;

export function isEnforcementExportName(name: string): name is EnforcementExportName {
  return Object.hasOwn(ENFORCEMENT_EXPORTS, name);
}

/** The exporter, loaded on first use (it pulls in ajv's code generator). */
export async function loadEnforcementExport(name: EnforcementExportName): Promise<ExportFormat> {
  const module = name === 'rudderstack-transformation' ? await import('./rudderstack-transformation.js') : await import('./segment-function.js');
  return module.exportFormat;
}
