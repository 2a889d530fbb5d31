import { describe, expect, it } from 'vitest';
import type { CallType } from '../../src/core/ir.js';
import { parseJsonInput } from '../../src/sources/interop/json-input.js';
import { importFormat } from '../../src/sources/interop/rudderstack/import.js';
import type { InputFile } from '../../src/sources/interop/types.js';
import { importAndLoad, readShared } from './helpers.js';
import { judgeTables, type SourceEvent } from './verdicts.js';

/** The events of a RudderStack tracking-plan JSON, judged by their own whole-call schemas. */
function sourceEvents(file: InputFile): SourceEvent[] {
  const doc = parseJsonInput(file).data as Record<string, unknown>;
  const events = (doc['events'] ?? (doc['rules'] as Record<string, unknown>)['events']) as Record<string, unknown>[];
  return events.map((event) => {
    const call = String(event['eventType'] ?? 'track') as CallType;
    const schema = event['rules'] as Record<string, unknown>;
    const dataKey = call === 'identify' || call === 'group' ? 'traits' : 'properties';
    return { call, name: String(event['name']), schema, shape: 'whole', dataSchema: (schema['properties'] as Record<string, unknown>)[dataKey] ?? {}, root: schema };
  });
}

describe('rudderstack: imported plans accept and reject exactly what the source schemas do', () => {
  it.each(['ruddertyper-example.plan.json', 'ruddertyper-e2e-android.plan.json'])('%s', async (file) => {
    const [input] = await readShared(`rudderstack/${file}`);
    const { plan, result } = await importAndLoad(importFormat, [input!]);
    expect(result.diagnostics).toEqual([]);
    const { rows, mismatches } = judgeTables(sourceEvents(input!), plan);
    expect(rows.filter((r) => r.keyword !== undefined).length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });

  it('the Data Catalog JSON (draft 2019-09, $defs, unevaluatedProperties): exact but for the reported variants', async () => {
    const [input] = await readShared('rudderstack/typer-test-project.remote-tracking-plan.golden.json');
    const { plan, result } = await importAndLoad(importFormat, [input!]);
    const { rows, mismatches } = judgeTables(sourceEvents(input!), plan);
    expect(rows.length).toBeGreaterThan(50);
    // Only the two variant schemas (reported as `allOf`) may differ, and only by accepting more.
    expect(mismatches.every((m) => !m.source && m.plan && ['Some Track Event', 'Some Track Event With Variants'].includes(m.event))).toBe(true);
    expect(result.diagnostics.filter((d) => d.data?.['keyword'] === 'allOf')).toHaveLength(2);
  });

  it('the rudder-cli project gives the plan its own compiled JSON accepts, variants widened', async () => {
    const [golden] = await readShared('rudderstack/typer-test-project.remote-tracking-plan.golden.json');
    const { plan } = await importAndLoad(importFormat, await readShared('rudderstack/typer-test-project'));
    const { rows, mismatches } = judgeTables(sourceEvents(golden!), plan);
    expect(rows.length).toBeGreaterThan(50);
    expect(mismatches.every((m) => !m.source && m.plan && ['Some Track Event', 'Some Track Event With Variants'].includes(m.event))).toBe(true);
  });
});
