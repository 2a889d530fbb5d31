import type { ExportFormat, ImportFormat } from './types.js';

/**
 * Every format, loaded only when named (one format's parser never slows another's start): the
 * importer is the `importFormat` export of `./<name>/import.js`, the exporter the `exportFormat`
 * export of `./<name>/export.js`. The CLI's choices and help come from these tables, so adding
 * a format is two lines here plus its module.
 */
export const IMPORT_FORMATS = {
  segment: 'Segment Protocols plan: Public API, Config API or typewriter plan.json',
  rudderstack: 'RudderStack: rudder-cli project folder (rudder/v0.1, rudder/v1) or Data Catalog / tracking-plan JSON',
  avo: 'Avo JSON Schema export',
  amplitude: 'Amplitude Data / Iteratively (itly) JSON schemas',
  mparticle: 'mParticle data plan or data plan version document',
  iglu: 'Snowplow Iglu registry folder or self-describing schemas',
  csv: 'tracking-plan spreadsheet (Segment, Avo or Amplitude columns; --columns or detected)',
} as const;

export const EXPORT_FORMATS = {
  segment: 'Segment Public API tracking-plan rules JSON, for the "replace rules" call',
  rudderstack: 'rudder-cli rudder/v1 project folder',
  iglu: 'Snowplow Iglu registry folder (SchemaVer bumps from --base)',
  mparticle: 'mParticle data plan version document',
  csv: 'tracking-plan CSV (Segment column set)',
} as const;

export type ImportFormatName = keyof typeof IMPORT_FORMATS;
export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export const IMPORT_FORMAT_NAMES = Object.keys(IMPORT_FORMATS) as ImportFormatName[];
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormatName[];

export function isImportFormatName(name: string): name is ImportFormatName {
  return Object.hasOwn(IMPORT_FORMATS, name);
}

export function isExportFormatName(name: string): name is ExportFormatName {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

// One static import per module (still loaded only when called): bundlers and vitest can follow them.
const IMPORTERS: Record<ImportFormatName, () => Promise<{ importFormat: ImportFormat }>> = {
  segment: () => import('./segment/import.js'),
  rudderstack: () => import('./rudderstack/import.js'),
  avo: () => import('./avo/import.js'),
  amplitude: () => import('./amplitude/import.js'),
  mparticle: () => import('./mparticle/import.js'),
  iglu: () => import('./iglu/import.js'),
  csv: () => import('./csv/import.js'),
};

const EXPORTERS: Record<ExportFormatName, () => Promise<{ exportFormat: ExportFormat }>> = {
  segment: () => import('./segment/export.js'),
  rudderstack: () => import('./rudderstack/export.js'),
  iglu: () => import('./iglu/export.js'),
  mparticle: () => import('./mparticle/export.js'),
  csv: () => import('./csv/export.js'),
};

/** The importer of a format, loaded on first use. */
export async function loadImportFormat(name: ImportFormatName): Promise<ImportFormat> {
  return (await IMPORTERS[name]()).importFormat;
}

/** The exporter of a format, loaded on first use. */
export async function loadExportFormat(name: ExportFormatName): Promise<ExportFormat> {
  return (await EXPORTERS[name]()).exportFormat;
}
