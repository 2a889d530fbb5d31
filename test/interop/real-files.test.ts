import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSchemaFiles } from '../../src/core/compile.js';
import { loadImportFormat, type ImportFormatName } from '../../src/sources/interop/registry.js';
import type { ImportOptions } from '../../src/sources/interop/types.js';
import { strictAjv } from '../helpers/ajv.js';
import { importAndLoad, readShared, SHARED } from './helpers.js';
import { checkErrors } from './round-trip.js';

interface Row {
  format: ImportFormatName;
  /** A file or folder under ../shared/interop/ (a folder is read whole, as `trackplan import` does). */
  input: string;
  /** Planned calls in the imported plan: track events plus identify/page/screen/group sections. */
  events: number;
  /** Warnings the import gives (what the plan cannot hold, located in the input). */
  warnings: number;
  options?: ImportOptions;
}

/** Every real file of ../shared/interop/ that is a plan: its format, and what importing it gives. */
const REAL_PLANS: Row[] = [
  // Segment: Public API (raw and typewriter's cache), Config API, Terraform rules objects, one identify rule.
  { format: 'segment', input: 'segment/typewriter-e2e.public-api-plan.json', events: 25, warnings: 2 },
  { format: 'segment', input: 'segment/typewriter-e2e.config-api-v1-plan.json', events: 24, warnings: 3 },
  { format: 'segment', input: 'segment/typewriter-telemetry.public-api-plan.json', events: 6, warnings: 1 },
  { format: 'segment', input: 'segment/typewriter-v7-example.config-api-plan.json', events: 4, warnings: 1 },
  { format: 'segment', input: 'segment/typewriter-v6-local-tracking-plan.json', events: 1, warnings: 0 },
  { format: 'segment', input: 'segment/uswitch-tf-test-tracking-plan.rules.json', events: 3, warnings: 1 },
  { format: 'segment', input: 'segment/uswitch-tf-page-events.event-library.json', events: 3, warnings: 1 },
  { format: 'segment', input: 'segment/forteil-tf-identify-rule.json', events: 1, warnings: 1 },
  // RudderStack: rudder-cli project folders (v0.1 and v1 specs), the Data Catalog and RudderTyper JSON.
  { format: 'rudderstack', input: 'rudderstack/typer-test-project', events: 4, warnings: 2 },
  { format: 'rudderstack', input: 'rudderstack/cli-e2e-project-v0.1', events: 3, warnings: 4 },
  { format: 'rudderstack', input: 'rudderstack/cli-e2e-project-v1', events: 2, warnings: 1 },
  { format: 'rudderstack', input: 'rudderstack/tracking-plan-action-example', events: 1, warnings: 0 },
  { format: 'rudderstack', input: 'rudderstack/typer-test-project.remote-tracking-plan.golden.json', events: 4, warnings: 3 },
  { format: 'rudderstack', input: 'rudderstack/ruddertyper-example.plan.json', events: 5, warnings: 0 },
  { format: 'rudderstack', input: 'rudderstack/ruddertyper-e2e-android.plan.json', events: 1, warnings: 0 },
  // Avo JSON Schema exports and Amplitude (itly) schema maps.
  { format: 'avo', input: 'avo/avo-export-api.jsonschema-response.json', events: 20, warnings: 8 },
  { format: 'avo', input: 'avo/avo-mcp.seed-taxonomy-reference.json', events: 9, warnings: 3 },
  { format: 'amplitude', input: 'amplitude/itly-sdk.basic-schema.json', events: 7, warnings: 1 },
  // Snowplow Iglu: a registry folder, one schema alone, and Avo's two Snowplow export shapes.
  { format: 'iglu', input: 'snowplow/iglu-central-subset', events: 9, warnings: 6 },
  { format: 'iglu', input: 'snowplow/iglu-central-subset/schemas/com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1', events: 1, warnings: 0 },
  { format: 'iglu', input: 'avo/avo-export-api.snowplow-response.json', events: 1, warnings: 0 },
  { format: 'iglu', input: 'avo/avo-export-api.ndjson-response.ndjson', events: 2, warnings: 0 },
  // mParticle: plan version documents, the Data Plan Builder output, the API's plan with versions.
  { format: 'mparticle', input: 'mparticle/smartype.freddy_s_plan-v1.json', events: 11, warnings: 4 },
  { format: 'mparticle', input: 'mparticle/smartype.test-enum-value-starting-with-number.json', events: 1, warnings: 0 },
  { format: 'mparticle', input: 'mparticle/smartype.test-duplicate-class-name.json', events: 1, warnings: 1 },
  { format: 'mparticle', input: 'mparticle/mparticle-docs.data-plan-builder-generic-template.json', events: 1, warnings: 0 },
  { format: 'mparticle', input: 'mparticle/mparticle-docs.dataplanning-api.create-plan-response.json', events: 1, warnings: 0 },
  // CSV: the Tracklint GA4/Meta sheets (detected from the header row).
  { format: 'csv', input: 'csv/tracklint-ecommerce-ga4-meta.csv', events: 7, warnings: 3 },
  { format: 'csv', input: 'csv/tracklint-ecommerce-eu-consent-ga4-meta.csv', events: 8, warnings: 5 },
];

/** Files that are not plans, and why (docs pages, tool configs, fixtures of loose parts). */
const NOT_PLANS: Record<string, string> = {
  'SOURCES.md': 'docs', 'MAPPING.md': 'docs',
  'snowplow/iglu-central-subset/LAYOUT-com.snowplowanalytics.snowplow.txt': 'a generated listing of the registry layout',
  'mparticle/mparticle-docs.data-planning-guide.md': 'docs page',
  'mparticle/mparticle-docs.dataplanning-api.md': 'docs page',
  'mparticle/smartype.webExample.smartype.config.json': 'smartype code-generation config',
  'segment/typewriter-v8.typewriter.yml': 'typewriter client config (no plan)',
  'segment/typewriter-v7-example.typewriter.yml': 'typewriter client config (no plan)',
  'rudderstack/rudder-iac.BREAKING_CHANGES.md': 'docs page',
  'rudderstack/ruddertyper-example.ruddertyper.yml': 'RudderTyper client config (no plan)',
  'avo/avo-docs.export-tracking-plan.mdx': 'docs page', 'avo/avo-docs.import-tracking-plan.mdx': 'docs page',
  'avo/avo-docs.importing-csv-formats.mdx': 'docs page', 'avo/avo-docs.publishing-segment-protocols.mdx': 'docs page',
  'avo/avo-docs.publishing-amplitude-data.mdx': 'docs page', 'avo/avohq-docs.avo.json': 'Avo CLI config (no plan)',
  'amplitude/ampli-examples.browser-typescript-v2.ampli.json': 'Ampli code-generation config (no plan)',
  'amplitude/ampli-examples.node-typescript-v1.ampli.json': 'Ampli code-generation config (no plan)',
  'amplitude/amplitude-docs.csv-import-export.md': 'docs page',
  'mparticle/data-planning-snippets.sample_datapoints.json': 'a test-fixture map of loose data points by kind (some with match: null), not a plan document',
};

/** Every file under a row's input (a folder row covers the files in it). */
function covered(rows: readonly Row[]): (file: string) => boolean {
  return (file) => rows.some((row) => file === row.input || file.startsWith(`${row.input}/`));
}

describe('every real plan file imports, passes check and compiles', () => {
  it.each(REAL_PLANS)('$format $input: $events calls, $warnings warnings', async ({ format, input, events, warnings, options }) => {
    const importer = await loadImportFormat(format);
    const { result, plan, diagnostics } = await importAndLoad(importer, await readShared(input), options);
    expect(plan.events).toHaveLength(events);
    expect(result.diagnostics.filter((d) => d.severity === 'warning')).toHaveLength(warnings);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Every warning names its place in the input.
    for (const d of result.diagnostics) expect(d.location).toBeDefined();
    expect(await checkErrors(plan, diagnostics)).toEqual([]);
    const ajv = strictAjv();
    for (const [file, text] of compileSchemaFiles(plan)) if (file.startsWith('schemas/')) expect(() => ajv.compile(JSON.parse(text) as object), file).not.toThrow();
  });

  it('the table lists every file of the sample folders (or says why it is not a plan)', async () => {
    const all = (await readdir(SHARED, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(SHARED, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .filter((file) => /^(snowplow|mparticle|csv|segment|rudderstack|avo|amplitude)\//.test(file));
    const isCovered = covered(REAL_PLANS);
    expect(all.filter((file) => !isCovered(file) && !(file in NOT_PLANS))).toEqual([]);
  });
});
