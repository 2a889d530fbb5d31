import type { PlanIR } from '../../../core/ir.js';
import { emitEnforcementCode, exportNotice } from '../enforcement/enforce-source.js';
import { singleFile } from '../enforcement/export-file.js';
import type { ExportFormat } from '../types.js';

/**
 * A RudderStack user transformation (JavaScript) that enforces the plan: `transformEvent(event,
 * metadata)` returns the event the policy passes (unplanned properties stripped, violations in
 * `context.violationErrors`) and nothing for one it drops, which RudderStack then does not deliver.
 * One file, no imports (transformation libraries are not needed): paste it as a new transformation.
 */
export const exportFormat: ExportFormat = {
  name: 'rudderstack-transformation',
  summary: 'RudderStack user transformation (JavaScript) that validates events and applies the plan policy',
  output: 'file',
  exportPlan(plan: PlanIR) {
    const code = `${exportNotice(plan, 'rudderstack-transformation', 'RudderStack user transformation: paste it under Transformations > Create, language JavaScript.')}

${emitEnforcementCode(plan)}

/** RudderStack calls this for each event; returning nothing drops the event. */
export function transformEvent(event, metadata) {
  const verdict = $enforce(event);
  if (verdict.event === null) return;
  return verdict.event;
}
`;
    return singleFile('rudderstack-transformation', 'transformation.js', code);
  },
};
