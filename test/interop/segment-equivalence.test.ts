import { describe, expect, it } from 'vitest';
import { parseJsonInput } from '../../src/sources/interop/json-input.js';
import { readSegmentPlan } from '../../src/sources/interop/segment/detect.js';
import { importFormat } from '../../src/sources/interop/segment/import.js';
import type { InputFile } from '../../src/sources/interop/types.js';
import { DEFINITIONS, EXACT_PROPERTIES, LOSSY_PROPERTIES, dataSchema } from './edge-schemas.js';
import { importAndLoad, readShared } from './helpers.js';
import { judgeTables, type SourceEvent } from './verdicts.js';

const CALLS = { TRACK: 'track', IDENTIFY: 'identify', GROUP: 'group', PAGE: 'page', SCREEN: 'screen' } as const;

/** The source events of a Segment file, read the way the source's own tools read them. */
function sourceEvents(file: InputFile): SourceEvent[] {
  const input = parseJsonInput(file);
  return readSegmentPlan(input).rules.flatMap((rule): SourceEvent[] => {
    if (rule.type === 'COMMON') return [];
    const call = CALLS[rule.type];
    const members = (rule.schema['properties'] ?? {}) as Record<string, unknown>;
    const dataSchema = rule.shape === 'flat' ? rule.schema : members[call === 'identify' || call === 'group' ? 'traits' : 'properties'] ?? {};
    return [{ call, name: rule.key, schema: rule.schema, shape: rule.shape, dataSchema, root: input.data as Record<string, unknown> }];
  });
}

function configPlan(events: Record<string, Record<string, unknown>>): InputFile {
  return {
    path: 'edge/config-plan.json',
    text: JSON.stringify({
      display_name: 'Edge cases', name: 'workspaces/w/tracking-plans/rs_1', definitions: DEFINITIONS,
      rules: { events: Object.entries(events).map(([name, data]) => ({ name, version: 1, rules: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { context: {}, properties: data }, ...(Array.isArray(data['required']) && data['required'].length > 0 ? { required: ['properties'] } : {}) } })) },
    }, null, 2),
  };
}

describe('segment: imported plans accept and reject exactly what the source schemas do', () => {
  it.each([
    'typewriter-e2e.public-api-plan.json', 'typewriter-e2e.config-api-v1-plan.json', 'typewriter-telemetry.public-api-plan.json',
    'typewriter-v7-example.config-api-plan.json', 'typewriter-v6-local-tracking-plan.json', 'uswitch-tf-test-tracking-plan.rules.json',
    'uswitch-tf-page-events.event-library.json',
  ])('%s', async (file) => {
    const [input] = await readShared(`segment/${file}`);
    const { plan } = await importAndLoad(importFormat, [input!]);
    const { rows, mismatches } = judgeTables(sourceEvents(input!), plan);
    expect(rows.filter((r) => r.keyword !== undefined).length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });

  it('every constraint the plan can hold, open and closed objects', async () => {
    const input = configPlan({ 'Exact Open': dataSchema(EXACT_PROPERTIES, undefined), 'Exact Closed': dataSchema(EXACT_PROPERTIES, false) });
    const { plan, result } = await importAndLoad(importFormat, [input]);
    expect(result.diagnostics).toEqual([]);
    const { rows, mismatches } = judgeTables(sourceEvents(input), plan);
    expect(rows.length).toBeGreaterThan(60);
    expect(mismatches).toEqual([]);
  });

  it('what the plan cannot hold is warned about, and the plan only ever accepts more', async () => {
    const input = configPlan({ Lossy: dataSchema(LOSSY_PROPERTIES, false) });
    const { plan, result } = await importAndLoad(importFormat, [input]);
    const warned = result.diagnostics.map((d) => String(d.data?.['pointer']));
    const { mismatches } = judgeTables(sourceEvents(input), plan);
    expect(mismatches.length).toBeGreaterThan(0);
    for (const m of mismatches) {
      expect({ row: m.row, source: m.source, plan: m.plan }).toEqual({ row: m.row, source: false, plan: true });
      const property = m.row.split(' at /')[1]!.split('/')[0]!;
      expect(warned.some((p) => p.includes(`/properties/${property}`) || p.includes('/definitions/'))).toBe(true);
    }
    expect(result.diagnostics.map((d) => d.data?.['keyword'] ?? d.messageId).sort()).toEqual(
      ['exclusiveMinimum', 'maxItems', 'minItems', 'multipleOf', 'oneOf', 'pattern', 'refCycle', 'refOutside', 'uniqueItems'].sort(),
    );
  });
});
