import type { Diagnostic } from '../diagnostics.js';
import { caseVariantName } from '../file-names.js';
import { FILE_KEYS, HEADER_KEYS } from '../format-schema.js';
import { CALL_TYPES, type CallType, type EventIR, type PlanIR } from '../ir.js';
import { formatLocation, type Location } from '../location.js';
import { planError } from '../plan-errors.js';
import { getEntry, type RawEntry, type RawFile, type RawMap } from '../raw.js';
import { createScope, resolveCustomType, resolveLibraryProperty } from './definitions.js';
import { readEvent } from './events.js';
import { readHeader } from './header.js';
import { Reader } from './reader.js';

export interface NormalizeResult {
  /** The plan, whenever a header was found; check `diagnostics` for errors before using it. */
  plan: PlanIR | undefined;
  diagnostics: Diagnostic[];
}

const SECTION_CALLS = ['identify', 'page', 'screen', 'group'] as const;

/** Merges the files of a plan folder (or the tabs of a sheet) into one normalized, located Plan IR. */
export function normalizePlan(files: readonly RawFile[]): NormalizeResult {
  const reader = new Reader();
  const maps: { file: RawFile; root: RawMap }[] = [];
  for (const file of files) {
    const root = reader.map(file.root, file.name);
    if (root) maps.push({ file, root });
  }

  const headers = maps.filter(({ root }) => getEntry(root, 'trackplan'));
  if (headers.length === 0) {
    const first = files[0];
    const location: Location | undefined = first ? { file: first.name, line: 1, column: 1, endLine: 1, endColumn: 1 } : undefined;
    reader.report(planError('missingHeader', location, { count: files.length }));
  }
  for (const extra of headers.slice(1)) {
    reader.report(
      planError('duplicateHeader', getEntry(extra.root, 'trackplan')!.keyLocation, {
        other: formatLocation(getEntry(headers[0]!.root, 'trackplan')!.keyLocation),
      }),
    );
  }
  const headerRoot = headers[0]?.root;

  const types = new Map<string, RawEntry>();
  const library = new Map<string, RawEntry>();
  const trackEntries = new Map<string, RawEntry>();
  const sectionEntries = new Map<CallType, RawEntry>();
  const collect = (kind: string, target: Map<string, RawEntry>, entry: RawEntry) => {
    const first = target.get(entry.key);
    if (first) reader.duplicate(kind, entry.key, first, entry);
    else target.set(entry.key, entry);
  };

  for (const { file, root } of maps) {
    for (const entry of reader.knownEntries(root, FILE_KEYS, file.name)) {
      if ((HEADER_KEYS as readonly string[]).includes(entry.key)) {
        // With no header at all, missing-header already says it; do not pile on.
        if (headers.length > 0 && !headers.some((h) => h.root === root)) {
          reader.report(planError('headerKeyOutsideHeader', entry.keyLocation, { key: entry.key }));
        }
        continue;
      }
      if ((SECTION_CALLS as readonly string[]).includes(entry.key)) {
        collect('call', sectionEntries as Map<string, RawEntry>, entry);
        continue;
      }
      const target = entry.key === 'types' ? types : entry.key === 'properties' ? library : trackEntries;
      const kind = entry.key === 'types' ? 'type' : entry.key === 'properties' ? 'library property' : 'event';
      const section = reader.map(entry.value, entry.key);
      for (const item of section?.entries ?? []) collect(kind, target, item);
    }
  }

  if (!headerRoot) return { plan: undefined, diagnostics: reader.diagnostics };
  const header = readHeader(reader, headerRoot);
  const sourceIds = header.sources.map((s) => s.id);
  const scope = createScope(reader, types, library);

  const typeIRs = [...types.keys()].map((name) => resolveCustomType(scope, name, types.get(name)!.keyLocation));
  const libraryIRs = [...library.keys()].map((name) => resolveLibraryProperty(scope, name));

  const events: EventIR[] = [];
  for (const entry of trackEntries.values()) {
    const event = readEvent(scope, 'track', entry, sourceIds);
    if (event) events.push(event);
  }
  for (const call of SECTION_CALLS) {
    const entry = sectionEntries.get(call);
    const event = entry && readEvent(scope, call, entry, sourceIds);
    if (event) events.push(event);
  }
  reportFileNameCollisions(reader, events);
  events.sort((a, b) => CALL_TYPES.indexOf(a.call) - CALL_TYPES.indexOf(b.call) || compareStrings(a.name, b.name));

  const plan: PlanIR = {
    formatVersion: 1,
    id: header.id,
    name: header.name,
    version: header.version,
    ...(header.description !== undefined ? { description: header.description } : {}),
    sources: header.sources,
    policy: header.policy,
    rules: header.rules,
    ...(header.lint !== undefined ? { lint: header.lint } : {}),
    types: typeIRs.filter((t) => t !== undefined).map((t) => ({ ...t, used: scope.usedTypes.has(t.name) })),
    library: libraryIRs.filter((p) => p !== undefined).map((p) => ({ ...p, used: scope.usedLibrary.has(p.name) })),
    events,
    files: files.map((f) => f.name),
    headerLocation: getEntry(headerRoot, 'trackplan')!.keyLocation,
  };
  return { plan, diagnostics: reader.diagnostics };
}

function reportFileNameCollisions(reader: Reader, events: EventIR[]): void {
  suffixCaseVariants(events);
  const seen = new Map<string, EventIR>();
  for (const event of events) {
    if (event.call !== 'track') continue;
    const first = seen.get(event.fileName);
    if (!first) {
      seen.set(event.fileName, event);
      continue;
    }
    for (const [here, there] of [[event, first], [first, event]] as const) {
      reader.report(
        planError('fileNameCollision', here.location, {
          name: here.name, fileName: here.fileName, other: there.name, otherLocation: formatLocation(there.location),
        }, [there.location]),
      );
    }
  }
}

/**
 * Track events whose names differ only in case (`Report: Create`, `Report: create`) are distinct
 * events an app may really send; their file names would be equal on a case-insensitive file
 * system, so each gets a stable suffix, the hash of its exact name (the `event-name-case` rule
 * warns about them).
 */
function suffixCaseVariants(events: EventIR[]): void {
  const byLowerName = new Map<string, EventIR[]>();
  for (const event of events) {
    if (event.call !== 'track') continue;
    const key = event.name.toLowerCase();
    byLowerName.set(key, [...(byLowerName.get(key) ?? []), event]);
  }
  for (const group of byLowerName.values()) {
    if (group.length < 2) continue;
    for (const event of group) event.fileName = caseVariantName(event.fileName, event.name);
  }
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
