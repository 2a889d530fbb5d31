import type { EventIR, PlanIR, PropertyIR, SourceIR } from '../core/ir.js';
import type { Coverage, EventCoverage } from '../core/lint-results.js';
import { diffHistory, diffReleases, historyByEvent, type HistoryStep, type PlanSnapshot } from './history.js';
import { eventKey } from './paths.js';
import { collectSignatures, type CallSignature } from './signatures.js';
import type { ViolationTally } from './violation-tally.js';

/** Where call sites link to: a code host (`--repo-url`), else the files relative to the site. */
export interface CodeLinks {
  /** `https://github.com/acme/web/blob/main`: a call site becomes `<repoUrl>/<file>#L<line>`. */
  repoUrl?: string | undefined;
  /** Path from the site root to the folder the coverage file's paths are relative to (`..`). */
  fromSite: string;
}

/** Everything the catalog is made from. Pure data: the CLI reads the files. */
export interface CatalogInput {
  plan: PlanIR;
  /** The `coverage` object of `trackplan lint --coverage --format json`. */
  coverage?: Coverage | undefined;
  violations?: ViolationTally | undefined;
  /** Violation files counted, as named on the command line. */
  violationFiles?: string[] | undefined;
  /** The plan's history, oldest first, ending with the plan as it is now. */
  history?: PlanSnapshot[] | undefined;
  codeLinks?: CodeLinks | undefined;
  /** The browser build of minisearch, copied into the site. */
  searchLibrary: string;
}

/** What the pages look up, computed once. */
export interface CatalogContext {
  input: CatalogInput;
  plan: PlanIR;
  sources: Map<string, SourceIR>;
  eventsByKey: Map<string, EventIR>;
  trackEvents: Map<string, EventIR>;
  signatures: Map<string, CallSignature[]>;
  /** Library property name -> the calls that use it. */
  libraryUsers: Map<string, EventIR[]>;
  /** Custom type name -> the calls and library properties built on it. */
  typeUsers: Map<string, { events: EventIR[]; properties: string[] }>;
  coverage: Map<string, EventCoverage>;
  steps: HistoryStep[];
  releases: HistoryStep[];
  history: ReturnType<typeof historyByEvent>;
}

/** Every property below a list, nested ones and array items included, depth first. */
export function walkProperties(properties: readonly PropertyIR[], visit: (p: PropertyIR) => void): void {
  for (const property of properties) {
    visit(property);
    if (property.properties) walkProperties(property.properties, visit);
    let items = property.items;
    while (items) {
      visit(items);
      if (items.properties) walkProperties(items.properties, visit);
      items = items.items;
    }
  }
}

/** True when the call carries personal data somewhere (a property marked `pii`, at any depth). */
export function carriesPii(event: EventIR): boolean {
  let found = false;
  walkProperties(event.properties, (p) => (found ||= p.pii));
  return found;
}

export function createContext(input: CatalogInput): CatalogContext {
  const { plan } = input;
  const libraryUsers = new Map<string, EventIR[]>();
  const typeUsers = new Map(plan.types.map((t) => [t.name, { events: [] as EventIR[], properties: [] as string[] }]));
  for (const event of plan.events) {
    for (const property of event.properties) {
      if (property.fromLibrary) libraryUsers.set(property.name, [...(libraryUsers.get(property.name) ?? []), event]);
    }
    const types = new Set<string>();
    walkProperties(event.properties, (p) => p.typeNames.forEach((t) => types.add(t)));
    for (const type of types) typeUsers.get(type)?.events.push(event);
  }
  for (const property of plan.library) {
    for (const type of property.typeNames) typeUsers.get(type)?.properties.push(property.name);
  }
  const snapshots = input.history ?? [];
  const steps = diffHistory(snapshots);
  return {
    input,
    plan,
    sources: new Map(plan.sources.map((s) => [s.id, s])),
    eventsByKey: new Map(plan.events.map((e) => [eventKey(e.call, e.name), e])),
    trackEvents: new Map(plan.events.filter((e) => e.call === 'track').map((e) => [e.name, e])),
    signatures: collectSignatures(plan),
    libraryUsers,
    typeUsers,
    coverage: new Map((input.coverage?.events ?? []).map((e) => [eventKey(e.call, e.name), e])),
    steps,
    releases: diffReleases(snapshots),
    history: historyByEvent(steps),
  };
}
