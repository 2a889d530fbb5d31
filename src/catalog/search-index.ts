import MiniSearch from 'minisearch';
import { splitWords } from '../core/naming/namer.js';
import type { EventIR } from '../core/ir.js';
import { walkProperties } from './context.js';
import { eventLabel } from './paths.js';

/** Options shared by the index built here and the one the browser loads: they must match. */
export const SEARCH_OPTIONS = {
  fields: ['name', 'words', 'description', 'properties', 'owner', 'tags'],
  idField: 'id',
} as const;

/**
 * `assets/search-index.js`: the prebuilt minisearch index of the calls (names, the words of the
 * names, descriptions, property names at any depth, owners, tags), assigned to a global so that
 * pages opened from `file://` load it with a script tag (fetch is not allowed there).
 */
export function buildSearchIndexScript(events: readonly EventIR[], notice: string): string {
  const search = new MiniSearch<{ id: number }>({ ...SEARCH_OPTIONS, fields: [...SEARCH_OPTIONS.fields] });
  search.addAll(events.map((event, id) => {
    const properties: string[] = [];
    walkProperties(event.properties, (p) => properties.push(p.name));
    return {
      id,
      name: eventLabel(event),
      words: splitWords(event.name).join(' '),
      description: event.description ?? '',
      properties: properties.join(' '),
      owner: event.owner ?? '',
      tags: event.tags.join(' '),
    };
  }));
  const data = { options: { ...SEARCH_OPTIONS, fields: [...SEARCH_OPTIONS.fields] }, index: JSON.stringify(search) };
  return `/* ${notice} */\nwindow.TRACKPLAN_SEARCH = ${JSON.stringify(data)};\n`;
}
