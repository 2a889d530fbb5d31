import { GROUP_KEYS, IDENTIFY_KEYS, PAGE_KEYS, TRACK_EVENT_KEYS } from '../format-schema.js';
import type { CallType, EventIR } from '../ir.js';
import { eventFileName } from '../file-names.js';
import { planError } from '../plan-errors.js';
import type { RawEntry } from '../raw.js';
import { suggestionSuffix } from '../suggest.js';
import { readPropertyMap, type DefinitionScope } from './definitions.js';

const KEYS: Record<CallType, readonly string[]> = {
  track: TRACK_EVENT_KEYS, identify: IDENTIFY_KEYS, group: GROUP_KEYS, page: PAGE_KEYS, screen: PAGE_KEYS,
};

/** Reads one planned call: a track event (`events.<name>`) or the identify/page/screen/group section. */
export function readEvent(scope: DefinitionScope, call: CallType, entry: RawEntry, sourceIds: string[]): EventIR | undefined {
  const { reader } = scope;
  const name = call === 'track' ? entry.key : call;
  const where = call === 'track' ? `events.${name}` : call;
  if (name.trim() === '') {
    reader.report(planError('emptyName', entry.keyLocation, { kind: 'event' }));
    return undefined;
  }
  const event: EventIR = {
    call, name, fileName: call === 'track' ? eventFileName(name) : call, sources: [], tags: [], status: 'active',
    properties: [], additionalProperties: false, names: [], location: entry.keyLocation,
  };
  if (call === 'identify') event.identitySection = 'traits';
  const map = reader.map(entry.value, where);
  if (!map) return event;
  for (const field of reader.knownEntries(map, KEYS[call], where)) {
    switch (field.key) {
      case 'description':
      case 'owner':
      case 'replaced_by': {
        const value = reader.string(field, where);
        if (value !== undefined) event[field.key === 'replaced_by' ? 'replacement' : field.key] = value;
        break;
      }
      case 'tags':
        event.tags = reader.stringList(field, where) ?? [];
        break;
      case 'names':
        event.names = reader.stringList(field, where) ?? [];
        break;
      case 'sources':
        event.sources = readSources(scope, field, where, sourceIds);
        break;
      case 'status':
        event.status = reader.choice(field, where, ['active', 'deprecated'] as const) ?? 'active';
        break;
      case 'identity_section':
        event.identitySection = reader.choice(field, where, ['traits', 'context.traits'] as const) ?? 'traits';
        break;
      case 'additional_properties':
        event.additionalProperties = reader.boolean(field, where) ?? false;
        break;
      case 'properties':
      case 'traits':
        event.properties = readPropertyMap(scope, field.value, `${where}.${field.key}`, true);
        break;
    }
  }
  return event;
}

function readSources(scope: DefinitionScope, field: RawEntry, where: string, sourceIds: string[]): string[] {
  const { reader } = scope;
  const list = reader.stringList(field, where) ?? [];
  const items = field.value.kind === 'seq' ? field.value.items : [field.value];
  list.forEach((id, i) => {
    if (sourceIds.includes(id)) return;
    reader.report(planError('unknownSource', items[i]?.location, { name: id, hint: suggestionSuffix(id, sourceIds) }));
  });
  return list.filter((id) => sourceIds.includes(id));
}
