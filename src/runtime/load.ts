import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { collectPiiPaths, type CompiledEvent, type CompiledPlan, type PiiNode } from '../core/compiled-plan.js';
import type { JsonSchema } from '../core/compile-schema.js';
import { ConfigError } from '../core/errors.js';
import { CALL_TYPES, type CallType, type PolicyIR } from '../core/ir.js';

/** generated/ is missing, unreadable or not what `trackplan build` writes. */
export class CompiledPlanError extends ConfigError {
  /** `CompiledPlanError`, as stack traces and logs print it. */
  override name = 'CompiledPlanError';
}

/**
 * Reads a compiled plan from a build folder (`generated/plan.json` and `generated/schemas/**`),
 * so that an app can ship generated/ and the runtime without the YAML sources or their parser.
 */
export async function loadCompiledPlan(generatedDir: string): Promise<CompiledPlan> {
  const root = path.resolve(generatedDir);
  const planFile = path.join(root, 'plan.json');
  const plan = await readJson(planFile) as Record<string, unknown>;
  const where = path.join(generatedDir, 'plan.json');
  if (typeof plan['id'] !== 'string' || typeof plan['version'] !== 'string' || !Array.isArray(plan['events'])) {
    throw new CompiledPlanError(`${where}: not a trackplan plan.json (expected "id", "version" and "events"); run \`trackplan build\``);
  }
  const events = await Promise.all(plan['events'].map(async (raw: unknown, index: number) => {
    const event = raw as Record<string, unknown>;
    const call = event['call'] as CallType;
    const schemaRef = event['schema'];
    if (!CALL_TYPES.includes(call) || typeof event['name'] !== 'string' || typeof schemaRef !== 'string') {
      throw new CompiledPlanError(`${where}: events[${index}] lacks "call", "name" or "schema"`);
    }
    const schemaFile = path.resolve(root, schemaRef);
    if (!schemaFile.startsWith(root + path.sep)) throw new CompiledPlanError(`${where}: events[${index}].schema points outside ${generatedDir}`);
    const schema = await readJson(schemaFile) as JsonSchema;
    const identitySection = event['identitySection'] === 'context.traits' ? 'context.traits' : event['identitySection'] === 'traits' ? 'traits' : undefined;
    const compiled: CompiledEvent = {
      call,
      name: event['name'],
      names: Array.isArray(event['names']) ? event['names'].filter((n): n is string => typeof n === 'string') : [],
      ...(identitySection ? { identitySection } : {}),
      status: event['status'] === 'deprecated' ? 'deprecated' : 'active',
      schema,
      dataSchema: dataSchemaOf(schema, call, identitySection, path.join(generatedDir, schemaRef)),
    };
    const piiPaths = Array.isArray(event['properties']) ? collectPiiPaths(event['properties'] as PiiNode[]) : [];
    if (piiPaths.length > 0) compiled.piiPaths = piiPaths;
    return compiled;
  }));
  const policy = plan['policy'] as PolicyIR | undefined;
  return {
    id: plan['id'],
    version: plan['version'],
    policy: {
      unplanned_events: policy?.unplanned_events ?? 'forward',
      unplanned_properties: policy?.unplanned_properties ?? 'forward',
      other_violations: policy?.other_violations ?? 'forward',
      propagate_violations: policy?.propagate_violations ?? true,
      overrides: policy?.overrides ?? {},
    },
    events,
  };
}

/** The planned part of a whole-event schema: where `compileEventSchema` put the data schema. */
function dataSchemaOf(schema: JsonSchema, call: CallType, identitySection: string | undefined, file: string): JsonSchema {
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  const data = call === 'identify' && identitySection === 'context.traits'
    ? (properties?.['context']?.['properties'] as Record<string, JsonSchema> | undefined)?.['traits']
    : properties?.[call === 'identify' || call === 'group' ? 'traits' : 'properties'];
  if (!data || typeof data !== 'object') throw new CompiledPlanError(`${file}: no schema for the event's ${call === 'identify' || call === 'group' ? 'traits' : 'properties'}`);
  return data;
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CompiledPlanError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; run \`trackplan build\``);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CompiledPlanError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}
