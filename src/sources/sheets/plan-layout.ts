/**
 * Where a pulled plan's parts go in the plan folder: the header in `plan.yaml`, custom types and
 * the property library in `types.yaml`, events in `events/<category>.yaml` (the Events tab's
 * Category column; `events.yaml` without one).
 */
export const HEADER_FILE = 'plan.yaml';
export const TYPES_FILE = 'types.yaml';
const EVENTS_FILE = 'events.yaml';

export function eventsFile(category: string): string {
  return category === '' ? EVENTS_FILE : `events/${category}.yaml`;
}

/** The category of an event defined in `file` (relative to the plan folder): the inverse of `eventsFile`. */
export function categoryOf(file: string): string {
  const match = /^events\/(.+)\.ya?ml$/.exec(file);
  return match && /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/.test(match[1]!) ? match[1]! : '';
}

/** Plan files in the order `loadPlan` reads them: the header first, then by path. */
export function comparePlanFiles(a: string, b: string): number {
  if (a === b) return 0;
  if (a === HEADER_FILE) return -1;
  if (b === HEADER_FILE) return 1;
  return a < b ? -1 : 1;
}
