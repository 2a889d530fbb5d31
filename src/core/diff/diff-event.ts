import type { EventIR } from '../ir.js';
import { diffPropertyList } from './diff-property.js';
import { ChangeRecorder } from './recorder.js';

/** Compares two versions of one planned call. */
export function diffEvent(a: EventIR, b: EventIR): ChangeRecorder {
  const recorder = new ChangeRecorder(b);
  const at = { location: b.location };
  if (a.status !== b.status) {
    if (b.status === 'deprecated') recorder.add('eventDeprecated', { ...at, keyword: 'status', before: a.status, after: b.status, data: { replacement: b.replacement ? ` (replaced by ${b.replacement})` : '' } });
    else recorder.add('eventReactivated', { ...at, keyword: 'status', before: a.status, after: b.status });
  } else if ((a.replacement ?? '') !== (b.replacement ?? '')) {
    recorder.add('eventReplacementChanged', { ...at, keyword: 'replaced_by', before: a.replacement ?? 'none', after: b.replacement ?? 'none' });
  }
  if (a.additionalProperties !== b.additionalProperties) {
    recorder.add(b.additionalProperties ? 'additionalAllowed' : 'additionalDisallowed', {
      ...at, keyword: 'additional_properties', before: a.additionalProperties, after: b.additionalProperties, data: { subject: 'the event' },
    });
  }
  if (a.identitySection !== b.identitySection && a.identitySection !== undefined && b.identitySection !== undefined) {
    recorder.add('identitySectionChanged', { ...at, keyword: 'identity_section', before: a.identitySection, after: b.identitySection });
  }
  diffNames(recorder, a, b);
  if ((a.description ?? '') !== (b.description ?? '')) recorder.add('eventDescriptionChanged', { ...at, keyword: 'description' });
  if ((a.owner ?? '') !== (b.owner ?? '')) recorder.add('eventOwnerChanged', { ...at, keyword: 'owner', before: a.owner ?? 'none', after: b.owner ?? 'none' });
  if (!sameSet(a.tags, b.tags)) recorder.add('eventTagsChanged', { ...at, keyword: 'tags', before: a.tags, after: b.tags });
  if (!sameSet(a.sources, b.sources)) recorder.add('eventSourcesChanged', { ...at, keyword: 'sources', before: a.sources, after: b.sources });
  diffPropertyList(recorder, a.properties, b.properties, '');
  return recorder;
}

/** Page and screen `names`: an empty list allows any name. */
function diffNames(recorder: ChangeRecorder, a: EventIR, b: EventIR): void {
  if (sameSet(a.names, b.names)) return;
  const allows = (names: string[], name: string) => names.length === 0 || names.includes(name);
  const narrowed = b.names.length > 0 && (a.names.length === 0 || a.names.some((n) => !allows(b.names, n)));
  recorder.add(narrowed ? 'pageNamesNarrowed' : 'pageNamesWidened', {
    location: b.location, keyword: 'names', before: a.names.length ? a.names : 'any', after: b.names.length ? b.names : 'any',
  });
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}
