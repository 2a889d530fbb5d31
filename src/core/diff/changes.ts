import type { CallType } from '../ir.js';
import type { Location } from '../location.js';

/** breaking: needs a major version; compatible: minor; docs: patch. */
export type ChangeKind = 'breaking' | 'compatible' | 'docs';

/**
 * Every kind of plan change, its class and its message. The class answers "can every producer and
 * consumer that worked with the base keep working unchanged?": tightening a contract breaks
 * producers (their events start failing validation), removing or retyping breaks consumers
 * (tables, models, dashboards); adding and loosening breaks neither; wording breaks nothing.
 */
export const CHANGES = {
  // The plan header.
  planIdChanged: { kind: 'breaking', message: 'plan id changed from {before} to {after} (events carry it as context.trackingPlanId)' },
  planNameChanged: { kind: 'docs', message: 'plan name changed from {before} to {after}' },
  planDescriptionChanged: { kind: 'docs', message: 'plan description changed' },
  sourceAdded: { kind: 'docs', message: 'source "{name}" added' },
  sourceRemoved: { kind: 'docs', message: 'source "{name}" removed' },
  sourceChanged: { kind: 'docs', message: 'source "{name}" changed ({keys})' },
  policyTightened: { kind: 'breaking', message: 'policy {setting}: {before} -> {after}; events or properties that were forwarded are now dropped' },
  policyLoosened: { kind: 'compatible', message: 'policy {setting}: {before} -> {after}; nothing is dropped that was forwarded before' },
  policyPropagationChanged: { kind: 'compatible', message: 'policy {setting}: {before} -> {after}' },
  // Planned calls.
  eventAdded: { kind: 'compatible', message: '{call} "{event}" added' },
  eventRemoved: { kind: 'breaking', message: '{call} "{event}" removed' },
  eventDeprecated: { kind: 'compatible', message: 'deprecated{replacement}' },
  eventReactivated: { kind: 'compatible', message: 'no longer deprecated' },
  eventReplacementChanged: { kind: 'docs', message: 'replaced_by changed from {before} to {after}' },
  eventDescriptionChanged: { kind: 'docs', message: 'description changed' },
  eventOwnerChanged: { kind: 'docs', message: 'owner changed from {before} to {after}' },
  eventTagsChanged: { kind: 'docs', message: 'tags changed from {before} to {after}' },
  eventSourcesChanged: { kind: 'docs', message: 'sources changed from {before} to {after}' },
  pageNamesNarrowed: { kind: 'breaking', message: 'planned {call} names narrowed from {before} to {after}' },
  pageNamesWidened: { kind: 'compatible', message: 'planned {call} names widened from {before} to {after}' },
  identitySectionChanged: { kind: 'breaking', message: 'identity_section changed from {before} to {after}: traits move' },
  // Properties and their keywords.
  propertyAdded: { kind: 'compatible', message: 'optional property "{property}" added' },
  requiredPropertyAdded: { kind: 'breaking', message: 'required property "{property}" added: events without it now fail' },
  propertyRemoved: { kind: 'breaking', message: 'property "{property}" removed' },
  typeChanged: { kind: 'breaking', message: '{subject}: type {direction} from {before} to {after}' },
  typeNameChanged: { kind: 'docs', message: '{subject}: declared type changed from {before} to {after} (same JSON type)' },
  madeRequired: { kind: 'breaking', message: '{subject}: optional -> required' },
  madeOptional: { kind: 'compatible', message: '{subject}: required -> optional' },
  nullableAdded: { kind: 'compatible', message: '{subject}: now nullable' },
  nullableAddedToRequired: { kind: 'breaking', message: '{subject}: a required property is now nullable; consumers that relied on a value get null' },
  nullableRemoved: { kind: 'breaking', message: '{subject}: no longer nullable' },
  enumAdded: { kind: 'breaking', message: '{subject}: now restricted to the enum {after}' },
  enumRemoved: { kind: 'compatible', message: '{subject}: enum {before} lifted' },
  enumValueAdded: { kind: 'compatible', message: '{subject}: enum value {value} added' },
  enumValueRemoved: { kind: 'breaking', message: '{subject}: enum value {value} removed' },
  patternAdded: { kind: 'breaking', message: '{subject}: pattern {after} added' },
  patternChanged: { kind: 'breaking', message: '{subject}: pattern changed from {before} to {after}' },
  patternRemoved: { kind: 'compatible', message: '{subject}: pattern {before} removed' },
  formatAdded: { kind: 'breaking', message: '{subject}: format {after} added' },
  formatChanged: { kind: 'breaking', message: '{subject}: format changed from {before} to {after}' },
  formatRemoved: { kind: 'compatible', message: '{subject}: format {before} removed' },
  boundTightened: { kind: 'breaking', message: '{subject}: {keyword} tightened from {before} to {after}' },
  boundLoosened: { kind: 'compatible', message: '{subject}: {keyword} loosened from {before} to {after}' },
  itemsConstrained: { kind: 'breaking', message: '{subject}: array items now constrained to {after}' },
  itemsUnconstrained: { kind: 'compatible', message: '{subject}: array items no longer constrained' },
  additionalDisallowed: { kind: 'breaking', message: '{subject}: additional properties no longer allowed' },
  additionalAllowed: { kind: 'compatible', message: '{subject}: additional properties now allowed' },
  piiChanged: { kind: 'compatible', message: '{subject}: pii {before} -> {after}' },
  propertyDeprecated: { kind: 'compatible', message: '{subject}: deprecated' },
  propertyUndeprecated: { kind: 'compatible', message: '{subject}: no longer deprecated' },
  propertyDescriptionChanged: { kind: 'docs', message: '{subject}: description changed' },
} as const satisfies Record<string, { kind: ChangeKind; message: string }>;

/** The stable id of a kind of plan change (a key of `CHANGES`). */
export type ChangeId = keyof typeof CHANGES;

/** A removal and an addition that look like one rename. */
export interface RenameHint {
  /** The removed name. */
  from: string;
  /** The added name that looks like it. */
  to: string;
  /** The hint for people. */
  message: string;
}

/** One semantic change between two plans. */
export interface PlanChange {
  /** What changed, as a stable id. */
  changeId: ChangeId;
  /** Breaking, compatible or docs-only. */
  kind: ChangeKind;
  /** The change for people. */
  message: string;
  /** The planned call the change belongs to; absent for header changes. */
  call?: CallType;
  /** The event (or page/screen) name of that call. */
  event?: string;
  /** Dotted path of the property within the event (`cart.items[].sku`). */
  property?: string;
  /** The keyword that changed (`minimum`, `enum`, `policy.unplanned_events`, ...). */
  keyword?: string;
  /** The old value, when one was replaced or removed. */
  before?: unknown;
  /** The new value, when one was added or replaced. */
  after?: unknown;
  /** Which plan `location` points into: the base for removals, the head otherwise. */
  side: 'base' | 'head';
  /** Where the change is, in the plan named by `side`. */
  location?: Location;
  /** Set when a removal and an addition look like one rename. */
  hint?: RenameHint;
  /** The values the message was filled with. */
  data: Record<string, string | number>;
}
