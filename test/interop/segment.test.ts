import { describe, expect, it } from 'vitest';
import { exportFormat } from '../../src/sources/interop/segment/export.js';
import { importFormat } from '../../src/sources/interop/segment/import.js';
import { importAndLoad, readShared } from './helpers.js';
import { checkErrors, loadExamplePlan, lostCallPaths, roundTrip } from './round-trip.js';

/** Every real Segment plan: its shape, planned calls, and the warnings (message ids) it must give. */
const REAL = [
  { file: 'typewriter-e2e.public-api-plan.json', calls: 25, warnings: ['unknownKeyword', 'unknownKeyword'] },
  { file: 'typewriter-e2e.config-api-v1-plan.json', calls: 24, warnings: ['unknownKeyword', 'unknownKeyword', 'unknownKeyword'] },
  { file: 'typewriter-telemetry.public-api-plan.json', calls: 6, warnings: ['unknownKeyword'] },
  { file: 'typewriter-v7-example.config-api-plan.json', calls: 4, warnings: ['unknownKeyword'] },
  { file: 'typewriter-v6-local-tracking-plan.json', calls: 1, warnings: [] },
  { file: 'uswitch-tf-test-tracking-plan.rules.json', calls: 3, warnings: ['unknownKeyword'] },
  { file: 'uswitch-tf-page-events.event-library.json', calls: 3, warnings: ['unknownKeyword'] },
  { file: 'forteil-tf-identify-rule.json', calls: 1, warnings: ['skipped'] },
];

describe('segment import of the real plans', () => {
  it.each(REAL)('$file: $calls calls, check accepts it', async ({ file, calls, warnings }) => {
    const { plan, result, diagnostics } = await importAndLoad(importFormat, await readShared(`segment/${file}`));
    expect(plan.events).toHaveLength(calls);
    expect(result.diagnostics.map((d) => d.messageId)).toEqual(warnings);
    expect(await checkErrors(plan, diagnostics)).toEqual([]);
  });

  it.each(REAL)('$file: export then import gives the same compiled schemas', async ({ file }) => {
    const { plan } = await importAndLoad(importFormat, await readShared(`segment/${file}`));
    const { before, after } = await roundTrip(plan, exportFormat, importFormat);
    expect(after).toEqual(before);
  });

  it('locates each warning at the file and JSON pointer of the first place', async () => {
    const { result } = await importAndLoad(importFormat, await readShared('segment/forteil-tf-identify-rule.json'));
    expect(result.diagnostics[0]).toMatchObject({
      ruleId: 'interop-lost', severity: 'warning',
      location: { file: expect.stringMatching(/segment\/forteil-tf-identify-rule\.json$/), line: 9, column: 9 },
      data: { pointer: '/properties/traits/properties/' },
    });
  });

  it('reads labels as tags and the Union Type as a nullable type list', async () => {
    const { plan } = await importAndLoad(importFormat, await readShared('segment/typewriter-e2e.public-api-plan.json'));
    const union = plan.events.find((e) => e.name === 'Union Type')!;
    expect(union.properties[0]).toMatchObject({ name: 'universe_name', type: ['string', 'integer'], nullable: true, required: true });
    expect(union.additionalProperties).toBe(true);
  });
});

describe('segment versions', () => {
  const plan = (versions: number[]) => [{
    path: 'plan.json',
    text: JSON.stringify({ id: 'tp_1', name: 'Versions', rules: versions.map((version) => ({
      key: 'Order Completed', type: 'TRACK', version,
      jsonSchema: { type: 'object', properties: { properties: { type: 'object', properties: { [`v${version}`]: { type: 'string' } } } } },
    })) }),
  }];

  it.each([
    { versions: [1, 3, 2], eventVersion: undefined, kept: 'v3', dropped: [1, 2] },
    { versions: [1, 3, 2], eventVersion: 2, kept: 'v2', dropped: [1, 3] },
  ])('versions $versions, --event-version $eventVersion keeps $kept', async ({ versions, eventVersion, kept, dropped }) => {
    const { plan: imported, result } = await importAndLoad(importFormat, plan(versions), eventVersion === undefined ? {} : { eventVersion });
    expect(imported.events[0]!.properties.map((p) => p.name)).toEqual([kept]);
    expect(result.diagnostics.map((d) => [d.messageId, d.data?.['version']])).toEqual(dropped.map((v) => ['olderVersion', v]).sort((a, b) => Number(a[1]) - Number(b[1])));
  });
});

describe('segment export', () => {
  it('round-trips the example plan apart from the calls and fields it reports', async () => {
    const plan = await loadExamplePlan();
    const { before, after, exportWarnings } = await roundTrip(plan, exportFormat, importFormat);
    const lost = lostCallPaths(plan, exportWarnings);
    for (const file of lost) before.delete(file);
    expect(after).toEqual(before);
    expect(new Set(exportWarnings.map((d) => d.data?.['field'] ?? d.data?.['call']))).toEqual(new Set(['id', 'version', 'description', 'sources', 'policy', 'types', 'owner', 'status', 'replaced_by', 'pii']));
  });

  it('writes rules ready for the "replace rules" call', async () => {
    const plan = await loadExamplePlan();
    const result = exportFormat.exportPlan(plan, {});
    const body = JSON.parse(result.files.get('rules.json')!) as { rules: { key: string | null; type: string; version: number; jsonSchema: Record<string, unknown> }[] };
    const form = body.rules.find((r) => r.key === 'form_submit')!;
    expect(form).toMatchObject({ type: 'TRACK', version: 1, jsonSchema: { type: 'object', required: ['properties'], labels: { lead: 'true' } } });
    expect(Object.keys(form.jsonSchema['properties'] as object).sort()).toEqual(['context', 'properties', 'traits']);
    expect(body.rules.find((r) => r.type === 'IDENTIFY')!.key).toBeNull();
  });
});
