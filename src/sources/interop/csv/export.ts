import { parseSemver } from '../../../core/diff/index.js';
import { createDiagnostic } from '../../../core/diagnostics.js';
import type { EventIR, PlanIR, PropertyIR } from '../../../core/ir.js';
import type { Grid } from '../../sheets/a1.js';
import { stringifyCsv } from '../../sheets/csv.js';
import { formatEnum } from '../../sheets/enum-values.js';
import { formatPath, type PathStep } from '../../sheets/property-path.js';
import { EXPORT_LOSSES, reportLosses, type TargetCapacity } from '../export-losses.js';
import type { ExportFormat, ExportResult } from '../types.js';
import { SEGMENT_HEADER, toSegmentType } from './segment-types.js';

const CAPACITY: TargetCapacity = {
  target: 'the Segment CSV',
  calls: ['track', 'identify'],
  plan: ['version'],
  event: ['description', 'tags'],
  property: ['description', 'enum', 'nullable', 'required', 'items', 'properties', 'type'],
};

function propertyRows(property: PropertyIR, steps: PathStep[], start: string[]): Grid {
  const path = [...steps, { kind: 'name', name: property.name } as const];
  return definitionRows(property, path, start);
}

function definitionRows(definition: Omit<PropertyIR, 'name'>, path: PathStep[], start: string[]): Grid {
  const types = new Set<string>(definition.type);
  const row = [
    ...start, formatPath(path), definition.description ?? '', '',
    toSegmentType(definition.type, definition.nullable), definition.enum ? formatEnum(definition.enum, types) : '',
    definition.required ? 'TRUE' : 'FALSE',
  ];
  const rows: Grid = [row];
  for (const child of definition.properties ?? []) rows.push(...propertyRows(child, path, start));
  if (definition.items) rows.push(...definitionRows(definition.items, [...path, { kind: 'items' }], start));
  return rows;
}

function eventRows(event: EventIR, version: string): Grid {
  const type = event.call === 'track' ? 'Track' : 'Identify';
  const name = event.call === 'track' ? event.name : '';
  const start = [version, type, name];
  // The event's own row holds its description and labels; one row per property (nested paths too) follows.
  const rows: Grid = [[...start, '', event.description ?? '', event.tags.join(', '), '', '', '']];
  for (const property of event.properties) rows.push(...propertyRows(property, [], start));
  return rows;
}

/** The Segment Protocols tracking-plan CSV (download columns), plus trackplan's `Required` column. */
export function exportCsv(plan: PlanIR): ExportResult {
  const diagnostics = reportLosses(plan, CAPACITY);
  const semver = parseSemver(plan.version);
  const major = semver?.core[0] ?? 1;
  if (!semver || semver.core[1] !== 0 || semver.core[2] !== 0 || semver.prerelease.length > 0 || major < 1) {
    diagnostics.push(createDiagnostic(EXPORT_LOSSES, 'lostPlanField', plan.headerLocation, { target: 'the Segment CSV', field: 'version', value: plan.version }, { severity: 'warning' }));
  }
  const grid: Grid = [[...SEGMENT_HEADER]];
  for (const call of ['track', 'identify'] as const) {
    for (const event of plan.events) if (event.call === call) grid.push(...eventRows(event, String(Math.max(1, major))));
  }
  return { files: new Map([['tracking-plan.csv', stringifyCsv(grid)]]), diagnostics };
}

/** `trackplan export csv`: the Segment column set. */
export const exportFormat: ExportFormat = {
  name: 'csv',
  summary: 'a tracking-plan CSV with the Segment Protocols columns (plus Required)',
  output: 'file',
  exportPlan: exportCsv,
};
