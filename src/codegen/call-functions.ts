import type { EventIR } from '../core/ir.js';
import { literal } from './module-common.js';
import type { TrackingName } from '../core/naming/namer.js';
import { jsDoc } from './emit-types.js';

/** True when a call can be made without data: nothing in it is required. */
export function dataIsOptional(event: EventIR): boolean {
  return event.properties.every((p) => !p.required);
}

/** The type of a page or screen name: the planned names as literals, else any string. */
export function nameType(event: EventIR): string | undefined {
  return event.names.length > 0 ? event.names.map(literal).join(' | ') : undefined;
}

/** The JSDoc of a generated function: the event's description, owner, sources and deprecation. */
export function writeFunctionDoc({ event }: TrackingName, byEventName: ReadonlyMap<string, TrackingName>): string {
  const lines: string[] = [];
  if (event.description !== undefined) lines.push(event.description, '');
  const about = [
    ...(event.owner !== undefined ? [`owner: ${event.owner}`] : []),
    ...(event.sources.length > 0 ? [`sources: ${event.sources.join(', ')}`] : []),
  ];
  const what = event.call === 'track' ? `the track event \`${event.name}\`` : `${event.call === 'identify' ? 'an' : 'a'} ${event.call} call`;
  lines.push(`Sends ${what}${about.length > 0 ? ` (${about.join('; ')})` : ''}.`);
  if (event.status === 'deprecated') {
    const replacement = event.replacement !== undefined ? byEventName.get(event.replacement) : undefined;
    const hint = event.replacement === undefined ? '' : replacement ? ` Use \`${replacement.functionName}\` (\`${event.replacement}\`).` : ` Replaced by ${event.replacement}.`;
    lines.push(`@deprecated${hint}`);
  }
  return jsDoc(lines);
}

/** JSDoc of the data type of a call. */
export function typeDescription(event: EventIR): string {
  if (event.call === 'track') return `Properties of the track event \`${event.name}\`.`;
  return `${event.call === 'identify' || event.call === 'group' ? 'Traits' : 'Properties'} of ${event.call} calls.`;
}
