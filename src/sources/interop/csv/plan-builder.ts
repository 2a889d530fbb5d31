import { eventFileName } from '../../../core/file-names.js';
import { formatLocation, type Location } from '../../../core/location.js';
import type { PathStep } from '../../sheets/property-path.js';
import type { Definition } from '../json-schema/to-definition.js';
import type { EventDraft, PlanDraft } from '../plan-draft.js';
import { slugify } from '../plan-draft.js';
import type { WarningSink } from '../warnings.js';

export type CsvCall = 'track' | 'identify' | 'page' | 'screen' | 'group';

/** A planned call being gathered from rows: its draft and where it was first named. */
interface Gathered {
  draft: EventDraft;
  location: Location;
}

/**
 * Gathers events and properties from rows that repeat (or leave blank) the event's fields: the
 * first row of an event creates it, later rows add to it; a property named twice is reported.
 */
export class CsvPlanBuilder {
  private readonly groups = new Map<string, Record<string, EventDraft>>();
  private readonly tracks = new Map<string, Gathered>();
  private readonly fileNames = new Map<string, string>();
  private readonly calls = new Map<CsvCall, Gathered>();
  private readonly propertyAt = new Map<string, Location>();
  readonly sources: Record<string, { name: string }> = {};
  version: string | undefined;
  name: string | undefined;

  constructor(private readonly sink: WarningSink) {}

  /** The draft of a call (created on first use); undefined when a track name cannot be planned. */
  event(call: CsvCall, name: string, location: Location, group = ''): EventDraft | undefined {
    if (call !== 'track') {
      const known = this.calls.get(call);
      if (known) return known.draft;
      const draft: EventDraft = {};
      this.calls.set(call, { draft, location });
      return draft;
    }
    const known = this.tracks.get(name);
    if (known) return known.draft;
    const fileName = eventFileName(name);
    const clash = this.fileNames.get(fileName);
    if (clash !== undefined) {
      // Names that differ only in case or punctuation would share generated file names.
      const other = formatLocation(this.tracks.get(clash)!.location);
      this.sink.warn('skipped', location, { pointer: formatLocation(location), what: `event "${name}"`, reason: `its schema file name "${fileName}" is taken by "${clash}" at ${other} (names that differ only in case or punctuation collide)` });
      return undefined;
    }
    this.fileNames.set(fileName, name);
    const draft: EventDraft = {};
    this.tracks.set(name, { draft, location });
    const events = this.groups.get(group) ?? {};
    events[name] = draft;
    this.groups.set(group, events);
    return draft;
  }

  /** A source by its display name, added to the plan's sources; returns its id. */
  source(name: string): string {
    const id = slugify(name) || 'source';
    this.sources[id] ??= { name };
    return id;
  }

  /** Adds a definition at a property path of a call (`properties`, or `traits` for identify/group). */
  property(call: CsvCall, eventName: string, draft: EventDraft, steps: readonly PathStep[], def: Definition, location: Location, pathText: string): void {
    const key = `${call}\u0000${eventName}\u0000${pathText}`;
    const first = this.propertyAt.get(key);
    if (first) {
      this.sink.warn('duplicateName', location, { pointer: formatLocation(location), kind: 'property', name: pathText, other: formatLocation(first) });
      return;
    }
    this.propertyAt.set(key, location);
    const section = call === 'identify' || call === 'group' ? 'traits' : 'properties';
    const root: Definition = { properties: (draft[section] as Definition | undefined) ?? {} };
    draft[section] = root['properties'];
    let parent = root;
    for (let i = 0; i < steps.length - 1; i++) parent = child(parent, steps[i]!);
    const last = steps[steps.length - 1]!;
    if (last.kind === 'items') {
      const existing = parent['items'] as Definition | undefined;
      parent['items'] = { ...def, ...(existing?.['properties'] ? { properties: existing['properties'] } : {}) };
      return;
    }
    const properties = (parent['properties'] as Record<string, Definition> | undefined) ?? {};
    const existing = properties[last.name];
    properties[last.name] = { ...def, ...(existing?.['properties'] ? { properties: existing['properties'] } : {}), ...(existing?.['items'] ? { items: existing['items'] } : {}) };
    parent['properties'] = properties;
  }

  /** The plan's events by group, and the identify/page/screen/group sections. */
  draft(): Pick<PlanDraft, 'events' | 'calls'> {
    const calls: NonNullable<PlanDraft['calls']> = {};
    for (const [call, { draft }] of this.calls) if (call !== 'track') calls[call] = draft;
    return { events: this.groups, calls };
  }
}

/** The definition one path step below `parent`, created as an object (or array items) when no row defined it yet. */
function child(parent: Definition, step: PathStep): Definition {
  if (step.kind === 'items') {
    parent['items'] ??= { type: 'object' };
    return parent['items'] as Definition;
  }
  const properties = (parent['properties'] as Record<string, Definition> | undefined) ?? {};
  parent['properties'] = properties;
  properties[step.name] ??= { type: 'object' };
  return properties[step.name]!;
}
