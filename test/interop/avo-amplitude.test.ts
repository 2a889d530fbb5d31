import { describe, expect, it } from 'vitest';
import { importFormat as amplitude } from '../../src/sources/interop/amplitude/import.js';
import { importFormat as avo } from '../../src/sources/interop/avo/import.js';
import { parseJsonInput } from '../../src/sources/interop/json-input.js';
import type { InputFile } from '../../src/sources/interop/types.js';
import { DEFINITIONS, EXACT_PROPERTIES, LOSSY_PROPERTIES, dataSchema } from './edge-schemas.js';
import { importAndLoad, readShared } from './helpers.js';
import { checkErrors } from './round-trip.js';
import { judgeTables, type SourceEvent } from './verdicts.js';

/** Avo events as Avo's own schemas validate them: whole calls, event properties at `properties.properties`. */
function avoEvents(file: InputFile): SourceEvent[] {
  const doc = parseJsonInput(file).data as { events: { name: string; rules: Record<string, unknown> }[] };
  return doc.events.map((event) => {
    // Avo's whole-call schema also requires its own `nameMapping` member: the data is judged alone.
    const { required: _envelopeRequired, ...rules } = event.rules;
    const members = rules['properties'] as Record<string, unknown>;
    return { call: 'track', name: event.name, schema: members['properties'] as Record<string, unknown>, shape: 'flat', dataSchema: members['properties'], root: doc as unknown as Record<string, unknown> };
  });
}

/** itly schema map entries: each a schema of the event's properties alone. */
function itlyEvents(file: InputFile): SourceEvent[] {
  const doc = parseJsonInput(file).data as Record<string, Record<string, unknown>>;
  return Object.entries(doc).filter(([name]) => name !== 'context').map(([name, schema]) => ({
    call: name === 'identify' || name === 'group' ? name : 'track', name, schema, shape: 'flat', dataSchema: schema, root: doc,
  }));
}

describe('avo', () => {
  it.each([
    { file: 'avo-export-api.jsonschema-response.json', calls: 20, identify: ['user_account_created'] },
    { file: 'avo-mcp.seed-taxonomy-reference.json', calls: 9, identify: [] },
  ])('$file imports ($calls calls) and check accepts it', async ({ file, calls, identify }) => {
    const { plan, diagnostics, result } = await importAndLoad(avo, await readShared(`avo/${file}`));
    expect(plan.events).toHaveLength(calls);
    expect(await checkErrors(plan, diagnostics)).toEqual([]);
    for (const d of result.diagnostics) expect(d.location).toBeDefined();
    const traits = plan.events.find((e) => e.call === 'identify');
    expect(traits?.description ?? '').toContain(identify.join(', '));
  });

  it('reads sources, categories, system properties and page actions', async () => {
    const { plan } = await importAndLoad(avo, await readShared('avo/avo-export-api.jsonschema-response.json'));
    expect(plan.sources.map((s) => s.id)).toEqual(['website', 'backend', 'ios', 'android']);
    const page = plan.events.find((e) => e.name === 'page_viewed')!;
    expect(page.tags).toEqual(['Tier 3 - UI', 'category:User Interaction']);
    expect(page.properties.find((p) => p.name === 'app_name')!.fromLibrary).toBe(true);
    expect(plan.events.find((e) => e.call === 'page')!.names).toEqual(['page_viewed', 'screen_viewed']);
  });

  it.each(['avo-export-api.jsonschema-response.json', 'avo-mcp.seed-taxonomy-reference.json'])('%s: the import accepts and rejects what Avo\'s schemas do', async (file) => {
    const [input] = await readShared(`avo/${file}`);
    const { plan } = await importAndLoad(avo, [input!]);
    const { rows, mismatches } = judgeTables(avoEvents(input!), plan);
    expect(rows.filter((r) => r.keyword !== undefined).length).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  });

  it('every constraint the plan can hold, and the ones it cannot, in Avo\'s envelope', async () => {
    const event = (name: string, data: Record<string, unknown>) => ({ id: name, name, actions: ['logEvent'], rules: { $schema: 'http://json-schema.org/draft-06/schema#', type: 'object', properties: { properties: data } } });
    const input: InputFile = { path: 'edge/avo.json', text: JSON.stringify({ name: 'Edge', definitions: DEFINITIONS, events: [event('exact', dataSchema(EXACT_PROPERTIES, false)), event('lossy', dataSchema(LOSSY_PROPERTIES, false))] }) };
    const { plan, result } = await importAndLoad(avo, [input]);
    const { mismatches } = judgeTables(avoEvents(input), plan);
    expect(mismatches.filter((m) => m.event === 'exact')).toEqual([]);
    expect(mismatches.filter((m) => m.event === 'lossy').every((m) => !m.source && m.plan)).toBe(true);
    expect(result.diagnostics.length).toBeGreaterThanOrEqual(9);
  });
});

describe('amplitude', () => {
  it('imports the itly schema map: events, identify and group; context reported', async () => {
    const { plan, result, diagnostics } = await importAndLoad(amplitude, await readShared('amplitude/itly-sdk.basic-schema.json'));
    expect(plan.events.map((e) => `${e.call}:${e.name}`).sort()).toEqual([
      'group:group', 'identify:identify', 'track:Event No Properties', 'track:Event Object Types', 'track:Event With All Properties', 'track:Event With Optional Properties', 'track:EventMaxIntForTest',
    ]);
    expect(result.diagnostics.map((d) => [d.messageId, d.data?.['pointer']])).toEqual([['lostField', '/context']]);
    expect(await checkErrors(plan, diagnostics)).toEqual([]);
  });

  it('accepts and rejects what the itly schemas do', async () => {
    const [input] = await readShared('amplitude/itly-sdk.basic-schema.json');
    const { plan } = await importAndLoad(amplitude, [input!]);
    const { rows, mismatches } = judgeTables(itlyEvents(input!), plan);
    expect(rows.filter((r) => r.keyword !== undefined).length).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  });

  it('names single event schemas by title, and refuses ampli.json alone', async () => {
    const single: InputFile = { path: 'event.json', text: JSON.stringify({ title: 'Song Played', type: 'object', properties: { title: { type: 'string' } }, required: ['title'], additionalProperties: false }) };
    const { plan } = await importAndLoad(amplitude, [single]);
    expect(plan.events.map((e) => [e.name, e.properties.map((p) => [p.name, p.required])])).toEqual([['Song Played', [['title', true]]]]);
    expect(() => amplitude.importPlan([{ path: 'ampli.json', text: '{"SourceId":"x","Runtime":"node.js:typescript-ampli"}' }], {})).toThrow(/ampli\.json is code-generation configuration/);
  });
});
