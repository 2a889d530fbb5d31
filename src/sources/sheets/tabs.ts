import { SDK_NAMES } from '../../core/format-schema.js';
import { CALL_TYPES, PRIMITIVE_TYPES } from '../../core/ir.js';
import { KNOWN_FORMATS } from '../../core/format-names.js';

/** How a column's cells are read: the column, not the cell's look, decides the value's type. */
export type ColumnKind = 'text' | 'boolean' | 'number' | 'list' | 'enum' | 'types';

export interface ColumnSpec {
  /** The plan-format key the column fills, or a sheet-only key (event, property, call, ...). */
  key: string;
  /** The header the template writes. */
  header: string;
  /** Other headers accepted for it (compared case- and punctuation-insensitively). */
  aliases: readonly string[];
  kind: ColumnKind;
  /** Drop-down choices the template sets as data validation (not enforced by Sheets: strict off). */
  choices?: readonly string[];
}

export type TabName = 'Plan' | 'Sources' | 'Types' | 'Properties' | 'Events';

export interface TabSpec {
  name: TabName;
  columns: readonly ColumnSpec[];
  /** The column that names a row; a tab without it cannot be read. */
  keyColumn: string;
}

const BOOLEAN_CHOICES = ['TRUE', 'FALSE'] as const;

const column = (key: string, header: string, kind: ColumnKind, aliases: readonly string[] = [], choices?: readonly string[]): ColumnSpec => ({
  key, header, kind, aliases, ...(choices ? { choices } : {}),
});

/** The columns of a property or type definition, in the order the YAML writer emits their keys. */
const DEFINITION_COLUMNS: readonly ColumnSpec[] = [
  column('type', 'Type', 'types', ['data type'], PRIMITIVE_TYPES),
  column('required', 'Required', 'boolean', [], BOOLEAN_CHOICES),
  column('nullable', 'Nullable', 'boolean', [], BOOLEAN_CHOICES),
  column('enum', 'Allowed values', 'enum', ['enum', 'values', 'allowed']),
  column('format', 'Format', 'text', [], KNOWN_FORMATS),
  column('pattern', 'Pattern', 'text', ['regex', 'regexp']),
  column('minimum', 'Min', 'number', ['minimum']),
  column('maximum', 'Max', 'number', ['maximum']),
  column('minLength', 'Min length', 'number', ['minlength']),
  column('maxLength', 'Max length', 'number', ['maxlength']),
  column('pii', 'PII', 'boolean', ['personal data'], BOOLEAN_CHOICES),
  column('deprecated', 'Deprecated', 'boolean', [], BOOLEAN_CHOICES),
  column('additional_properties', 'Additional properties', 'boolean', ['additional properties allowed', 'additionalproperties'], BOOLEAN_CHOICES),
  column('description', 'Description', 'text'),
];

export const TABS: Record<TabName, TabSpec> = {
  Plan: {
    name: 'Plan',
    keyColumn: 'setting',
    columns: [column('setting', 'Setting', 'text', ['key']), column('value', 'Value', 'text')],
  },
  Sources: {
    name: 'Sources',
    keyColumn: 'id',
    columns: [
      column('id', 'Source id', 'text', ['source', 'id']),
      column('name', 'Name', 'text', ['source name']),
      column('sdk', 'SDK', 'text', [], SDK_NAMES),
      column('description', 'Description', 'text'),
      column('paths', 'Code paths', 'list', ['paths']),
    ],
  },
  Types: {
    name: 'Types',
    keyColumn: 'name',
    // Required applies to nested rows (`money.amount`); on a type itself the normalizer rejects it.
    columns: [column('name', 'Name', 'text', ['type name']), ...DEFINITION_COLUMNS],
  },
  Properties: {
    name: 'Properties',
    keyColumn: 'property',
    columns: [
      column('event', 'Event', 'text', ['event name']),
      column('property', 'Property', 'text', ['property name', 'name', 'path']),
      ...DEFINITION_COLUMNS,
    ],
  },
  Events: {
    name: 'Events',
    keyColumn: 'event',
    columns: [
      column('event', 'Event', 'text', ['event name', 'name']),
      column('call', 'Call type', 'text', ['call'], CALL_TYPES),
      column('category', 'Category', 'text', ['file']),
      column('description', 'Description', 'text'),
      column('owner', 'Owner', 'text'),
      column('sources', 'Sources', 'list', ['source']),
      column('tags', 'Tags', 'list'),
      column('status', 'Status', 'text', [], ['active', 'deprecated']),
      column('replaced_by', 'Replaced by', 'text'),
      column('identity_section', 'Identity section', 'text', [], ['traits', 'context.traits']),
      column('names', 'Page names', 'list', ['names', 'screen names']),
      column('additional_properties', 'Additional properties', 'boolean', ['additional properties allowed', 'additionalproperties'], BOOLEAN_CHOICES),
    ],
  },
};

/** Tabs in the order the template creates them. */
export const TAB_ORDER: readonly TabName[] = ['Plan', 'Sources', 'Types', 'Events', 'Properties'];

/** Columns whose values are notes for people, never part of the plan. */
export function isNotesHeader(header: string): boolean {
  return header.trim().startsWith('#') || ['notes', 'note', 'comments', 'comment'].includes(normalizeHeader(header));
}

/** `Min length (chars)?` -> `min length`: headers compare without case, punctuation or remarks. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim();
}

export function findColumn(spec: TabSpec, header: string): ColumnSpec | undefined {
  const wanted = normalizeHeader(header);
  if (wanted === '') return undefined;
  return spec.columns.find((c) => normalizeHeader(c.header) === wanted || c.aliases.some((a) => normalizeHeader(a) === wanted));
}
