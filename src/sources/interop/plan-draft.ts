import { PLAN_RULES } from '../../core/rules/registry.js';
import type { Definition } from './json-schema/to-definition.js';
import type { PlanDocuments } from './types.js';

/** An event (or identify/page/screen/group section) as the YAML plan spells it. */
export type EventDraft = Record<string, unknown>;

/** What an importer gathers before it lays the plan out as files. */
export interface PlanDraft {
  id: string;
  name: string;
  version: string;
  description?: string;
  sources?: Record<string, { name: string; sdk?: string }>;
  types?: Record<string, Definition>;
  /** The shared property library. */
  properties?: Record<string, Definition>;
  /** Track events by file stem (a category or group; `''` for the plain `events.yaml`). */
  events: Map<string, Record<string, EventDraft>>;
  /** identify / page / screen / group sections. */
  calls?: Partial<Record<'identify' | 'page' | 'screen' | 'group', EventDraft>>;
}

/**
 * The plan folder of a draft (DESIGN section 2): `plan.yaml` with the header, `types.yaml` when
 * there are types or library properties, then one `events/<group>.yaml` per category or group
 * when the source has them (the calls in `events/calls.yaml`), otherwise one `events.yaml`.
 */
export function layOutPlan(draft: PlanDraft): PlanDocuments {
  const documents: PlanDocuments = new Map();
  documents.set('plan.yaml', {
    trackplan: 1, id: draft.id, name: draft.name, version: draft.version,
    ...(draft.description ? { description: draft.description } : {}),
    ...(draft.sources && Object.keys(draft.sources).length > 0 ? { sources: draft.sources } : {}),
    rules: importedRuleSeverities(),
  });
  const types = draft.types ?? {};
  const library = draft.properties ?? {};
  if (Object.keys(types).length + Object.keys(library).length > 0) {
    documents.set('types.yaml', {
      ...(Object.keys(types).length > 0 ? { types } : {}),
      ...(Object.keys(library).length > 0 ? { properties: library } : {}),
    });
  }
  const calls = Object.fromEntries(Object.entries(draft.calls ?? {}).filter(([, value]) => value !== undefined));
  const groups = [...draft.events].filter(([, events]) => Object.keys(events).length > 0);
  const grouped = groups.length > 1 || (groups.length === 1 && groups[0]![0] !== '');
  if (!grouped) {
    const events = groups[0]?.[1] ?? {};
    documents.set('events.yaml', { ...(Object.keys(events).length > 0 ? { events } : {}), ...calls });
    return documents;
  }
  const used = new Set<string>();
  for (const [group, events] of groups.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let stem = slugify(group) || 'events';
    for (let n = 2; used.has(stem); n++) stem = `${slugify(group) || 'events'}-${n}`;
    used.add(stem);
    documents.set(`events/${stem}.yaml`, { events });
  }
  if (Object.keys(calls).length > 0) documents.set(used.has('calls') ? 'events/identify-page-screen-group.yaml' : 'events/calls.yaml', calls);
  return documents;
}

/**
 * Another tool's plan follows its own conventions (names, owners, PII flags), so the plan rules
 * that are errors by default start as warnings: `check` accepts the import and still shows every
 * finding. Turning them back into errors is one line each in the header.
 */
function importedRuleSeverities(): Record<string, string> {
  return Object.fromEntries(PLAN_RULES.filter((rule) => rule.meta.severity === 'error').map((rule) => [rule.id, 'warn']));
}

/** A lower-case id made of letters, digits and dashes (plan ids, file stems, RudderStack ids). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
