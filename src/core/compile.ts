import { compileEventSchema, generatedNotice, type JsonSchema } from './compile-schema.js';
import type { PlanIR, PropertyIR } from './ir.js';
import { stableStringify } from './json.js';

/** Path of an event's schema inside the output folder. */
export function schemaPath(event: { call: string; fileName: string }): string {
  return `schemas/${event.call}/${event.fileName}.json`;
}

/** The normalized plan as `generated/plan.json` holds it: no source locations, sorted keys. */
export function toPlanJson(plan: PlanIR): JsonSchema {
  const property = (p: PropertyIR): unknown => ({
    ...p, location: undefined,
    ...(p.items ? { items: property(p.items) } : {}),
    ...(p.properties ? { properties: p.properties.map(property) } : {}),
  });
  return {
    $comment: generatedNotice(plan),
    formatVersion: plan.formatVersion,
    id: plan.id,
    name: plan.name,
    version: plan.version,
    description: plan.description,
    sources: plan.sources.map((s) => ({ ...s, location: undefined })),
    policy: plan.policy,
    types: plan.types.map((t) => ({ ...property(t as unknown as PropertyIR) as object, used: undefined })),
    library: plan.library.map((p) => ({ ...property(p) as object, used: undefined })),
    events: plan.events.map((e) => ({
      ...e, location: undefined, properties: e.properties.map(property), schema: schemaPath(e),
    })),
  };
}

/** Every file `trackplan build` writes for the JSON Schema part, by path relative to the output folder. */
export function compileSchemaFiles(plan: PlanIR): Map<string, string> {
  const files = new Map<string, string>();
  files.set('plan.json', stableStringify(toPlanJson(plan)));
  for (const event of plan.events) files.set(schemaPath(event), stableStringify(compileEventSchema(plan, event)));
  return files;
}
