import { generatedNotice } from '../core/compile-schema.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { PlanIR } from '../core/ir.js';
import { typeDescription } from './call-functions.js';
import { emitTrackingModule } from './emit-tracking.js';
import { emitTypes } from './emit-types.js';
import { emitValidatorCode } from './emit-validators.js';
import { resolveTargets } from '../core/flavours/index.js';
import { VIOLATION_TYPES } from './module-common.js';
import { nameTrackingFunctions } from '../core/naming/namer.js';
import { plansNoData, typeSchemaOf } from './type-schema.js';

export interface TrackingOptions {
  /** The SDK to generate for (`rudderstack-js`, ...); default: the SDKs of the plan's sources. */
  sdk?: string | undefined;
}

export interface TrackingOutput {
  /** Files by path relative to the output folder; empty when there are diagnostics. */
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

/**
 * The typed tracking modules of a plan (`tracking.ts`, `.js`, `.d.ts`, and `tracking-node.*` when
 * the plan has browser and Node sources) and the development validators (`validators.js`,
 * `.d.ts`). Pure: plan in, file contents out, byte-deterministic.
 */
export async function compileTrackingFiles(plan: PlanIR, options: TrackingOptions = {}): Promise<TrackingOutput> {
  const targets = resolveTargets(plan, options.sdk);
  const { names, diagnostics } = nameTrackingFunctions(plan.events);
  if (diagnostics.length > 0) return { files: new Map(), diagnostics };
  const types = await emitTypes(names.map(({ event, typeName }) => {
    const description = typeDescription(event);
    return { name: typeName, schema: plansNoData(event) ? undefined : typeSchemaOf(event, description), description, deprecated: event.status === 'deprecated' };
  }));
  const files = new Map<string, string>();
  for (const target of targets) {
    const module = emitTrackingModule(plan, target, names, types);
    files.set(`${target.stem}.ts`, module.ts);
    files.set(`${target.stem}.js`, module.js);
    files.set(`${target.stem}.d.ts`, module.dts);
  }
  const notice = `// ${generatedNotice(plan)}\n//\n// Development-mode validation: pass \`validate: validateEvent\` to setTrackplanOptions. Not for\n// production bundles; the generated functions work without it.`;
  files.set('validators.js', `${notice}\n\n${emitValidatorCode(`${plan.id}@${plan.version}`, plan.events)}\n`);
  files.set('validators.d.ts', `${notice}\n\n${validatorDeclarations()}\n`);
  return { files, diagnostics: [] };
}

function validatorDeclarations(): string {
  return `${VIOLATION_TYPES}

/**
 * Checks an event (\`{ type, event, properties, ... }\`) against the plan and returns its
 * violations, an empty list when it follows the plan.
 */
export declare function validateEvent(event: TrackplanEvent): Violation[];`;
}
