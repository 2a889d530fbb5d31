import { pathKey } from './property-path.js';
import type { TabName } from './tabs.js';

/** Reads cells of a row by column key (blank cells read as ''). */
export type CellReader = (key: string) => string;

/**
 * What identifies a row of each tab, so `push` can find the rows that already exist and keep
 * their place. Properties rows carry the event down from the row above, as the reader does.
 */
export function createRowKeyer(tab: TabName): (cell: CellReader) => string | undefined {
  let owner = '';
  return (cell) => {
    switch (tab) {
      case 'Plan':
        return cell('setting') || undefined;
      case 'Sources':
        return cell('id') || undefined;
      case 'Types':
        return cell('name') ? pathKey(cell('name')) : undefined;
      case 'Events': {
        const call = cell('call').toLowerCase() || 'track';
        const name = call === 'track' ? cell('event') : call;
        return name ? `${call}\u0000${name}` : undefined;
      }
      case 'Properties': {
        owner = cell('event') || owner;
        return cell('property') ? `${owner}\u0000${pathKey(cell('property'))}` : undefined;
      }
    }
  };
}
