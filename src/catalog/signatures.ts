import { callFunction } from '../codegen/flavours/index.js';
import { resolveTargets, type TrackingTarget } from '../core/flavours/index.js';
import { nameTrackingFunctions, type TrackingName } from '../core/naming/namer.js';
import { printFunction } from '../core/source-model.js';
import type { PlanIR } from '../core/ir.js';
import { eventKey } from './paths.js';

/** The generated function of one planned call in one module (`tracking.ts`, `tracking-node.ts`). */
export interface CallSignature {
  module: string;
  sdks: string[];
  functionName: string;
  /** Its declaration as `tracking.d.ts` prints it, JSDoc included. */
  declaration: string;
}

/**
 * The declarations `trackplan build` generates, per planned call, printed by the code generator
 * itself so that the catalog shows exactly what code gets. Calls the namer could not name (a
 * collision: a build error) have none.
 */
export function collectSignatures(plan: PlanIR): Map<string, CallSignature[]> {
  const { names } = nameTrackingFunctions(plan.events);
  const byEventName = new Map(names.filter((n) => n.event.call === 'track').map((n) => [n.event.name, n]));
  const targets = resolveTargets(plan);
  const out = new Map<string, CallSignature[]>();
  for (const name of names) out.set(eventKey(name.event.call, name.event.name), targets.map((target) => signatureOf(name, target, byEventName)));
  return out;
}

function signatureOf(name: TrackingName, target: TrackingTarget, byEventName: ReadonlyMap<string, TrackingName>): CallSignature {
  const declaration = printFunction(callFunction(name, target.flavour, byEventName), 'dts');
  return { module: `${target.stem}.ts`, sdks: target.sdks, functionName: name.functionName, declaration };
}
