import { InteropInputError } from '../errors.js';
import { parseJsonInput, type JsonInput } from '../json-input.js';
import { createSchemaContext, flushUnknownKeys, type SchemaContext } from '../json-schema/context.js';
import { convertEventData } from '../json-schema/event-data.js';
import { layOutPlan, slugify, type EventDraft, type PlanDraft } from '../plan-draft.js';
import type { ImportFormat, InputFile } from '../types.js';
import { refuseOtherFormat } from '../sniff.js';
import { WarningSink } from '../warnings.js';

const RESERVED = new Set(['context', 'identify', 'group']);

/**
 * Amplitude Data / Iteratively JSON schemas: the itly schema map (one object keyed by event name,
 * plus `identify`, `group` and `context`, each a schema of the properties alone), or single event
 * schemas named by `title`. `ampli.json` is code-generation config and holds no plan.
 */
export const importFormat: ImportFormat = {
  name: 'amplitude',
  summary: 'Amplitude Data / Iteratively (itly) JSON schemas',
  importPlan(files: readonly InputFile[]) {
    const sink = new WarningSink();
    const draft: PlanDraft = { id: '', name: '', version: '1.0.0', events: new Map([['', {}]]), calls: {} };
    let planFiles = 0;
    for (const file of files) {
      const input = parseJsonInput(file);
      const doc = input.data;
      refuseOtherFormat(doc, file.path, 'amplitude');
      if (doc === null || typeof doc !== 'object') throw new InteropInputError(file.path, 'not an Amplitude schema file: expected a JSON object or a list of event schemas');
      if (!Array.isArray(doc) && 'SourceId' in doc && 'Runtime' in doc) {
        if (files.length === 1) throw new InteropInputError(file.path, 'ampli.json is code-generation configuration and holds no plan: export the plan from Amplitude Data (CSV, import it with `csv --columns amplitude`) or pass its JSON schemas');
        sink.warn('skipped', input.locate(''), { pointer: '/', what: 'ampli.json (Ampli code-generation configuration)', reason: 'it holds no plan' });
        continue;
      }
      planFiles++;
      const ctx = createSchemaContext(input, sink);
      const entries: [string, unknown, string][] = Array.isArray(doc)
        ? doc.map((schema, i) => [titleOf(schema, file, `/${i}`), schema, `/${i}`])
        : isEventSchema(doc) ? [[titleOf(doc, file, ''), doc, '']] : Object.entries(doc).map(([key, schema]) => [key, schema, `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
      for (const [name, schema, pointer] of entries) addEntry(name, schema, pointer, input, ctx, draft);
      flushUnknownKeys(ctx);
      draft.name ||= file.path.replace(/^.*\//, '').replace(/\.json$/i, '');
    }
    if (planFiles === 0) throw new InteropInputError(files[0]?.path ?? 'input', 'no Amplitude schema file among the inputs');
    draft.id = slugify(draft.name) || 'amplitude-plan';
    return { documents: layOutPlan(draft), diagnostics: sink.diagnostics };
  },
};

function addEntry(name: string, schema: unknown, pointer: string, input: JsonInput, ctx: SchemaContext, draft: PlanDraft): void {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throw new InteropInputError(`${input.file}#${pointer}`, `not an event schema: "${name}" must be a JSON Schema object`);
  if (name === 'context') {
    ctx.sink.warn('lostField', input.locate(pointer), { pointer, what: 'the context schema (properties sent with every event)', target: 'the plan' });
    return;
  }
  const converted = convertEventData(schema, pointer, ctx);
  const description = (schema as Record<string, unknown>)['description'];
  const call = name === 'identify' || name === 'group' ? name : 'track';
  const event: EventDraft = {
    ...(typeof description === 'string' && description !== '' ? { description } : {}),
    ...(converted['properties'] !== undefined ? { [call === 'track' ? 'properties' : 'traits']: converted['properties'] } : {}),
    ...(converted['additional_properties'] === true ? { additional_properties: true } : {}),
  };
  if (call !== 'track') {
    draft.calls![call] = event;
    return;
  }
  const events = draft.events.get('')!;
  if (name in events) ctx.sink.warn('duplicateName', input.locate(pointer), { pointer, kind: 'event', name, other: 'an earlier schema' });
  else events[name] = event;
}

/** A single event schema (not a schema map): JSON Schema keywords at its top. */
function isEventSchema(doc: object): boolean {
  return ['$schema', 'title', 'type', 'properties'].some((key) => key in doc) && !Object.keys(doc).some((key) => RESERVED.has(key));
}

function titleOf(schema: unknown, file: InputFile, pointer: string): string {
  const title = schema !== null && typeof schema === 'object' ? (schema as Record<string, unknown>)['title'] : undefined;
  if (typeof title !== 'string' || title === '') throw new InteropInputError(`${file.path}#${pointer || '/'}`, 'an event schema without `title`: the title names the event');
  return title;
}
