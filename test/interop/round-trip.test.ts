import { describe, expect, it } from 'vitest';
import type { PlanIR } from '../../src/core/ir.js';
import { exportFormat as csvExport } from '../../src/sources/interop/csv/export.js';
import { importFormat as csvImport } from '../../src/sources/interop/csv/import.js';
import { exportFormat as igluExport } from '../../src/sources/interop/iglu/export.js';
import { importFormat as igluImport } from '../../src/sources/interop/iglu/import.js';
import { exportFormat as mparticleExport } from '../../src/sources/interop/mparticle/export.js';
import { importFormat as mparticleImport } from '../../src/sources/interop/mparticle/import.js';
import type { ExportFormat, ImportFormat } from '../../src/sources/interop/types.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { expectedAfterLosses } from './expected-losses.js';
import { compiledSchemas, exportAsInputs, importAndLoad, readShared, ROOT } from './helpers.js';

const FORMATS: Record<string, { exporter: ExportFormat; importer: ImportFormat }> = {
  iglu: { exporter: igluExport, importer: igluImport },
  mparticle: { exporter: mparticleExport, importer: mparticleImport },
  csv: { exporter: csvExport, importer: csvImport },
};

/** Each start plan: the example plan, or a real file of the format imported first. */
const CASES: { format: string; start: string }[] = [
  ...Object.keys(FORMATS).map((format) => ({ format, start: 'plans/' })),
  { format: 'iglu', start: 'snowplow/iglu-central-subset' },
  { format: 'iglu', start: 'snowplow/iglu-central-subset/schemas/com.snowplowanalytics.snowplow/submit_form/jsonschema/1-0-0' },
  { format: 'iglu', start: 'avo/avo-export-api.snowplow-response.json' },
  { format: 'iglu', start: 'avo/avo-export-api.ndjson-response.ndjson' },
  { format: 'mparticle', start: 'mparticle/smartype.freddy_s_plan-v1.json' },
  { format: 'mparticle', start: 'mparticle/smartype.test-enum-value-starting-with-number.json' },
  { format: 'mparticle', start: 'mparticle/smartype.test-duplicate-class-name.json' },
  { format: 'mparticle', start: 'mparticle/mparticle-docs.data-plan-builder-generic-template.json' },
  { format: 'mparticle', start: 'mparticle/mparticle-docs.dataplanning-api.create-plan-response.json' },
  { format: 'csv', start: 'csv/tracklint-ecommerce-ga4-meta.csv' },
  { format: 'csv', start: 'csv/tracklint-ecommerce-eu-consent-ga4-meta.csv' },
];

async function startPlan(format: string, start: string): Promise<PlanIR> {
  if (start === 'plans/') return (await loadPlan('plans', { cwd: ROOT })).plan!;
  return (await importAndLoad(FORMATS[format]!.importer, await readShared(start))).plan;
}

describe('export then import gives the same compiled schemas, apart from what a warning said was lost', () => {
  it.each(CASES)('$format: $start', async ({ format, start }) => {
    const { exporter, importer } = FORMATS[format]!;
    const original = await startPlan(format, start);
    const exported = exportAsInputs(exporter, original);
    const back = await importAndLoad(importer, exported.files);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const expected = expectedAfterLosses(original, compiledSchemas(original), exported.diagnostics, back.plan);
    expect(Object.fromEntries(compiledSchemas(back.plan))).toEqual(Object.fromEntries(expected));
  });
});
