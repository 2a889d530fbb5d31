import { expect } from 'vitest';
import type { PlanIR } from '../../src/core/ir.js';
import { loadPlanFiles } from '../../src/sources/load-plan-files.js';

export const HEADER = 'trackplan: 1\nid: shop\nname: Shop\nversion: {version}\nsources:\n  web: { name: Web }\n  app: { name: App }\n';

/** A plan from the text of `events.yaml` (and header extras); it must load without diagnostics. */
export function planOf(events: string, options: { version?: string; header?: string } = {}): PlanIR {
  const header = HEADER.replace('{version}', options.version ?? '1.0.0') + (options.header ?? '');
  const { plan, diagnostics } = loadPlanFiles([
    { name: 'plans/plan.yaml', text: header },
    { name: 'plans/events.yaml', text: events },
  ]);
  expect(diagnostics).toEqual([]);
  return plan!;
}
