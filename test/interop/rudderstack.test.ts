import { describe, expect, it } from 'vitest';
import { exportFormat } from '../../src/sources/interop/rudderstack/export.js';
import { importFormat } from '../../src/sources/interop/rudderstack/import.js';
import { importAndLoad, readShared } from './helpers.js';
import { checkErrors, loadExamplePlan, roundTrip } from './round-trip.js';

/** Every real RudderStack input: planned calls and the warnings (message ids, in order) it must give. */
const REAL = [
  { input: 'typer-test-project', calls: 4, warnings: ['variant', 'variant'] },
  { input: 'cli-e2e-project-v0.1', calls: 3, warnings: ['unsupportedKeyword', 'lostField', 'lostField', 'variant'] },
  { input: 'cli-e2e-project-v1', calls: 2, warnings: ['skipped'] },
  { input: 'tracking-plan-action-example', calls: 1, warnings: [] },
  { input: 'typer-test-project.remote-tracking-plan.golden.json', calls: 4, warnings: ['unsupportedKeyword', 'unsupportedKeyword', 'unsupportedKeyword'] },
  { input: 'ruddertyper-example.plan.json', calls: 5, warnings: [] },
  { input: 'ruddertyper-e2e-android.plan.json', calls: 1, warnings: [] },
];

describe('rudderstack import of the real projects and plans', () => {
  it.each(REAL)('$input: $calls calls, check accepts it', async ({ input, calls, warnings }) => {
    const { plan, result, diagnostics } = await importAndLoad(importFormat, await readShared(`rudderstack/${input}`));
    expect(plan.events).toHaveLength(calls);
    expect(result.diagnostics.map((d) => d.messageId)).toEqual(warnings);
    expect(await checkErrors(plan, diagnostics)).toEqual([]);
  });

  it.each(REAL)('$input: export then import gives the same compiled schemas', async ({ input }) => {
    const { plan } = await importAndLoad(importFormat, await readShared(`rudderstack/${input}`));
    const { before, after, exportWarnings } = await roundTrip(plan, exportFormat, importFormat);
    // What the export reported as not carried (array item constraints, closed nested objects) may differ.
    const lostEvents = new Set(exportWarnings.filter((d) => ['items', 'additional_properties'].includes(String(d.data?.['field']))).map((d) => String(d.data?.['name'])));
    for (const event of plan.events.filter((e) => lostEvents.has(e.name))) {
      before.delete(`schemas/${event.call}/${event.fileName}.json`);
      after.delete(`schemas/${event.call}/${event.fileName}.json`);
    }
    expect(after).toEqual(before);
  });

  it('maps custom types to types:, properties to the library, categories to files and tags', async () => {
    const { result, plan } = await importAndLoad(importFormat, await readShared('rudderstack/typer-test-project'));
    expect([...result.documents.keys()].sort()).toEqual(['events/test-category.yaml', 'plan.yaml', 'types.yaml']);
    expect(plan.types.map((t) => t.name)).toContain('SomeObjectType');
    expect(plan.library.map((p) => p.name)).toContain('someStringWithEnum');
    expect(plan.events.find((e) => e.name === 'Some Track Event')!.tags).toEqual(['category:Test Category']);
    expect(result.diagnostics[1]).toMatchObject({ messageId: 'variant', location: { file: expect.stringMatching(/typer-test-project\/tracking-plan\.yaml$/), line: 78 }, data: { pointer: '/spec/rules/3/variants/0' } });
  });

  it('reads both spec versions of the same project alike', async () => {
    const v0 = await importAndLoad(importFormat, await readShared('rudderstack/cli-e2e-project-v0.1'));
    const login = v0.plan.events.find((e) => e.name === 'Login Event')!;
    const signin = login.properties.find((p) => p.name === 'Signin Info')!;
    expect(signin.properties!.map((p) => p.name)).toEqual(['Remember Me Checkbox Clicked', 'Captcha']);
    expect(signin.properties![1]!.properties!.map((p) => [p.name, p.required])).toEqual([['Captcha Solved', true], ['Captcha Info', true]]);
    const v1 = await importAndLoad(importFormat, await readShared('rudderstack/cli-e2e-project-v1'));
    expect(v1.plan.library.find((p) => p.name === 'Status Code')).toMatchObject({ type: ['integer'], nullable: true });
    expect(v1.plan.library.find((p) => p.name === 'User Scores')!.items).toMatchObject({ type: ['number'] });
  });
});

describe('rudderstack export', () => {
  it('round-trips the example plan apart from what it reports', async () => {
    const plan = await loadExamplePlan();
    const { before, after, exportWarnings } = await roundTrip(plan, exportFormat, importFormat);
    const itemsLost = exportWarnings.filter((d) => d.data?.['field'] === 'items').map((d) => String(d.data?.['name']));
    expect(itemsLost).toEqual(['event_volume_reported']);
    before.delete('schemas/track/event_volume_reported.json');
    after.delete('schemas/track/event_volume_reported.json');
    expect(after).toEqual(before);
  });

  it('writes a rudder/v1 project: one spec per kind, compact URN references', async () => {
    const result = exportFormat.exportPlan(await loadExamplePlan(), {});
    expect([...result.files.keys()].sort()).toEqual(['custom-types.yaml', 'events.yaml', 'properties.yaml', 'tracking-plan.yaml']);
    const plan = result.files.get('tracking-plan.yaml')!;
    expect(plan).toMatch(/^version: rudder\/v1\nkind: tracking-plan\n/);
    expect(plan).toContain('event: "#event:form_submit"');
    expect(plan).toContain('property: "#property:email"');
    expect(result.files.get('properties.yaml')).toContain('type: "#custom-type:email"');
  });
});
