import path from 'node:path';
import { resolveTargets } from '../core/flavours/index.js';
import { nameTrackingFunctions } from '../core/naming/namer.js';
import type { CallType, PlanIR } from '../core/ir.js';
import type { SdkForm } from './sdk.js';

/** What a generated function sends: a track event by name, or another call type. */
export interface GeneratedFunction {
  call: CallType;
  event?: string;
}

export interface GeneratedModules {
  /** Exported function name -> what it sends (the same in every flavour). */
  functions: Map<string, GeneratedFunction>;
  /** Absolute module path without extension -> flavour (`tracking` browser, `tracking-node` Node). */
  modules: Map<string, SdkForm>;
}

/**
 * The functions `trackplan build` generates for this plan and the modules that hold them, named by
 * the code generator's own namer so that the two can never disagree.
 */
export function generatedModules(plan: PlanIR, outDir: string): GeneratedModules {
  const functions = new Map<string, GeneratedFunction>();
  for (const { event, functionName } of nameTrackingFunctions(plan.events).names) {
    functions.set(functionName, event.call === 'track' ? { call: 'track', event: event.name } : { call: event.call });
  }
  const modules = new Map<string, SdkForm>();
  for (const target of resolveTargets(plan)) modules.set(path.join(outDir, target.stem), target.flavour);
  return { functions, modules };
}
