import type { ColumnSpec, TabSpec } from '../../sheets/tabs.js';
import { normalizeHeader } from '../../sheets/tabs.js';

export type ColumnSetName = 'segment' | 'avo' | 'amplitude' | 'tracklint';

export interface ColumnSet {
  name: ColumnSetName;
  spec: TabSpec;
  /** Keys of the columns the format's docs require in the header row. */
  required: readonly string[];
}

const column = (key: string, header: string, aliases: readonly string[] = []): ColumnSpec => ({ key, header, aliases, kind: 'text' });

// The Sheets reader's tab spec; the tab name only labels the spec, locations use the file name.
const spec = (keyColumn: string, columns: ColumnSpec[]): TabSpec => ({ name: 'Events', keyColumn, columns });

/** Columns of the formats (MAPPING.md section 7) that the plan has no place for: reported once each when used. */
export const LOST_COLUMNS = new Set([
  'bundle', 'bundleDescription', 'eventBundle', 'variant', 'stakeholders', 'regexSample',
  'action', 'arrayMin', 'arrayMax', 'arrayUnique', 'hiddenDropdowns', 'hiddenPersona', 'hiddenPathfinder', 'hiddenTimeline',
  'displayName', 'groupNames', 'visibility', 'firstSeen', 'lastSeen', 'propertyFirstSeen', 'propertyLastSeen', 'rules', 'count', 'consent',
]);

export const COLUMN_SETS: Record<ColumnSetName, ColumnSet> = {
  segment: {
    name: 'segment',
    spec: spec('callType', [
      column('version', 'Version'), column('callType', 'Event Type'), column('event', 'Event Name'), column('property', 'Property Name'),
      column('description', 'Description'), column('tags', 'Labels'), column('type', 'Property Data Type'), column('enum', 'Enum Values'),
      column('required', 'Required', ['property required', 'is property required']),
    ]),
    required: ['version', 'callType', 'event', 'property', 'description', 'tags', 'type', 'enum'],
  },
  avo: {
    name: 'avo',
    spec: spec('event', [
      column('event', 'Event Name'), column('description', 'Event Description'), column('category', 'Event Category'), column('sources', 'Sources'),
      column('property', 'Property Name'), column('propertyDescription', 'Property Description'), column('type', 'Property Value Type'),
      column('required', 'Is Property Required?'), column('array', 'Is Property Array?'), column('enum', 'Property Enumeration Options'),
      column('bundle', 'Property Bundle Name'), column('bundleDescription', 'Property Bundle Description'), column('eventBundle', 'Event Property Bundle Name'),
      column('propertyKind', 'Property Type'), column('tags', 'Event Tags'), column('variant', 'Event Variant Name'), column('pinned', 'Pinned Value'),
      column('stakeholders', 'Stakeholder Domains'), column('owner', 'Owner'), column('pattern', 'Property Regex'), column('regexSample', 'Property Regex Sample String'),
    ]),
    required: ['event', 'description', 'category', 'sources', 'property', 'propertyDescription', 'type', 'required', 'array', 'enum'],
  },
  amplitude: {
    name: 'amplitude',
    spec: spec('objectType', [
      column('action', 'Action'), column('arrayMin', 'Array min items'), column('arrayMax', 'Array max items'), column('arrayUnique', 'Array unique items'),
      column('const', 'Const value'), column('enum', 'Enum values'), column('activity', 'Event activity'),
      column('hiddenDropdowns', 'Event hidden from dropdowns'), column('hiddenPersona', 'Event hidden from persona results'),
      column('hiddenPathfinder', 'Event hidden from pathfinder'), column('hiddenTimeline', 'Event hidden from timeline'),
      column('category', 'Event category'), column('displayName', 'Event display name'), column('property', 'Event property name'),
      column('sources', 'Event source'), column('minimum', 'Number property value min'), column('maximum', 'Number property value max'),
      column('integer', 'Number is integer'), column('objectType', 'Object type'), column('event', 'Object name'), column('owner', 'Object owner'),
      column('description', 'Object description'), column('propertyKind', 'Property type'), column('groupNames', 'Property group names'),
      column('propertyDescription', 'Property description'), column('type', 'Property value type'), column('required', 'Property required'),
      column('visibility', 'Property visibility'), column('array', 'Property is array'), column('pattern', 'Property regex'),
      column('minLength', 'String property value min length'), column('maxLength', 'String property value max length'), column('tags', 'Tags'),
      column('firstSeen', 'Event first seen'), column('lastSeen', 'Event last seen'),
      column('propertyFirstSeen', 'Property first seen'), column('propertyLastSeen', 'Property last seen'),
    ]),
    required: [
      'action', 'arrayMin', 'arrayMax', 'arrayUnique', 'const', 'enum', 'activity', 'hiddenDropdowns', 'hiddenPersona', 'hiddenPathfinder',
      'hiddenTimeline', 'category', 'displayName', 'property', 'sources', 'minimum', 'maximum', 'integer', 'objectType', 'event', 'owner',
      'description', 'propertyKind', 'groupNames', 'propertyDescription', 'type', 'required', 'visibility', 'array', 'pattern', 'minLength',
      'maxLength', 'tags',
    ],
  },
  tracklint: {
    name: 'tracklint',
    spec: spec('event', [
      column('platform', 'platform'), column('event', 'event'), column('required', 'required'), column('rules', 'rules'),
      column('count', 'count'), column('consent', 'consent'), column('note', 'note'), column('id', 'id'), column('url', 'url'),
    ]),
    required: ['platform', 'event', 'required', 'rules', 'count', 'consent', 'note'],
  },
};

export const COLUMN_SET_NAMES = Object.keys(COLUMN_SETS) as ColumnSetName[];

/** The column set whose required headers are all in the header row, or undefined. */
export function detectColumnSet(header: readonly string[]): ColumnSet | undefined {
  const present = new Set(header.map(normalizeHeader));
  return Object.values(COLUMN_SETS).find((set) => set.required.every((key) => {
    const col = set.spec.columns.find((c) => c.key === key)!;
    return present.has(normalizeHeader(col.header)) || col.aliases.some((a) => present.has(normalizeHeader(a)));
  }));
}

/** The header text of a column key of a set. */
export function headerOf(set: ColumnSet, key: string): string {
  return set.spec.columns.find((c) => c.key === key)?.header ?? key;
}
