import { InteropInputError } from './errors.js';

/** The import format a parsed JSON document looks like, from the keys each tool always writes. */
export function sniffJsonFormat(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const doc = data as Record<string, unknown>;
  const has = (...keys: string[]) => keys.every((key) => key in doc);
  const events = Array.isArray(doc['events']) ? (doc['events'] as unknown[]) : [];
  const first = (events[0] ?? {}) as Record<string, unknown>;
  if (has('version_document') || has('data_points') || has('data_plan_id')) return 'mparticle';
  if (has('self') && typeof doc['$schema'] === 'string' && String(doc['$schema']).startsWith('http://iglucentral.com')) return 'iglu';
  if (['destinations', 'propertyGroups', 'metrics'].some((key) => key in doc) || 'actions' in first) return 'avo';
  if ('eventType' in first || 'identitySection' in first || has('creationType') || has('workspaceId')) return 'rudderstack';
  const rules = doc['rules'] as Record<string, unknown> | unknown[] | undefined;
  if (Array.isArray(rules) || (rules && typeof rules === 'object' && Array.isArray((rules as Record<string, unknown>)['events']))) {
    const inner = (Array.isArray(rules) ? {} : rules) as Record<string, unknown>;
    const innerFirst = ((inner['events'] as unknown[] | undefined)?.[0] ?? {}) as Record<string, unknown>;
    return 'eventType' in innerFirst ? 'rudderstack' : 'segment';
  }
  if (has('SourceId', 'Runtime')) return 'amplitude';
  return undefined;
}

/** Stops with exit 2 when a file is plainly another tool's format, saying which command reads it. */
export function refuseOtherFormat(data: unknown, file: string, expected: string): void {
  const found = sniffJsonFormat(data);
  if (found !== undefined && found !== expected) {
    throw new InteropInputError(file, `not a ${expected} file: it looks like ${found} (import it with \`trackplan import ${found}\`)`);
  }
}
