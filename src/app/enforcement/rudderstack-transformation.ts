import { emitEnforcementCode, exportNotice } from '../../codegen/enforcement-source.js';
import type { PlanIR } from '../../core/ir.js';
import { resolvePolicies } from '../../runtime/policy.js';
import type { ExportFormat } from '../../sources/interop/types.js';
import { singleFile } from './export-file.js';

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

${emitEnforcementCode(plan, resolvePolicies(plan.policy))}

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
