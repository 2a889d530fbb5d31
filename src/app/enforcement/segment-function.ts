import { emitEnforcementCode, exportNotice } from '../../codegen/enforcement-source.js';
import type { PlanIR } from '../../core/ir.js';
import { resolvePolicies } from '../../runtime/policy.js';
import type { ExportFormat } from '../../sources/interop/types.js';
import { singleFile } from './export-file.js';

/**
 * A Segment destination insert function that enforces the plan: each handler returns the event
 * the policy passes (unplanned properties stripped, violations in `context.violationErrors`) and
 * throws Segment's `ValidationError` for one it drops ("Message Rejected" in Event Delivery, not
 * retried). Functions are plain scripts: no import, no export, handlers by name.
 */
export const exportFormat: ExportFormat = {
  name: 'segment-function',
  summary: 'Segment destination insert function that validates events and applies the plan policy',
  output: 'file',
  exportPlan(plan: PlanIR) {
    const code = `${exportNotice(plan, 'segment-function', 'Segment destination insert function: paste it under Connections > Catalog > Functions > New Function > Insert.')}

${emitEnforcementCode(plan, resolvePolicies(plan.policy))}

// Segment provides ValidationError in the functions runtime; a dropped event is rejected with its violations.
function $handle(event) {
  const verdict = $enforce(event);
  if (verdict.event !== null) return verdict.event;
  throw new ValidationError(verdict.violations.map((violation) => violation.type + ": " + violation.message).join("; "));
}

async function onTrack(event, settings) {
  return $handle(event);
}

async function onIdentify(event, settings) {
  return $handle(event);
}

async function onPage(event, settings) {
  return $handle(event);
}

async function onScreen(event, settings) {
  return $handle(event);
}

async function onGroup(event, settings) {
  return $handle(event);
}

async function onAlias(event, settings) {
  return $handle(event);
}

// Without a handler Segment would block deletions from the destination: they pass untouched.
async function onDelete(event, settings) {
  return event;
}
`;
    return singleFile('segment-function', 'segment-function.js', code);
  },
};
