import type { Diagnostic } from '../diagnostics.js';
import { formatLocation } from '../location.js';
import type { CallType, EventIR } from '../ir.js';
import { fnv1a } from '../file-names.js';
import { codegenError } from './codegen-errors.js';
import { RESERVED_NAMES } from './reserved-words.js';

/** The exported names one planned call gets in the generated modules. */
export interface TrackingName {
  event: EventIR;
  /** The function: camelCase of a track event's name (`Order Completed` -> `orderCompleted`), else the call type. */
  functionName: string;
  /** The type of its properties or traits (`OrderCompletedProperties`, `IdentifyTraits`, ...). */
  typeName: string;
}

export interface NamingResult {
  /** One entry per planned call, in plan order; without the events that could not be named. */
  names: TrackingName[];
  diagnostics: Diagnostic[];
}

const CALL_TYPE_NAMES: Record<Exclude<CallType, 'track'>, string> = {
  identify: 'IdentifyTraits',
  page: 'PageProperties',
  screen: 'ScreenProperties',
  group: 'GroupTraits',
};

/** Letters and decimal digits make words; everything else (spaces, `.`, `/`, `_`, emoji) separates them. */
const SEPARATORS = /[^\p{L}\p{Nd}\p{Nl}]+/u;
/** Case boundaries inside a word: `checkoutStarted`, `HTMLParsed`, `v2Upgrade`. */
const CASE_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{Nd})(?=\p{Lu})/u;

/** The words of an event name, without diacritics: `Café Opened` -> `Cafe`, `Opened`. */
export function splitWords(name: string): string[] {
  const plain = name.normalize('NFKD').replace(/\p{M}+/gu, '');
  return plain.split(SEPARATORS).filter(Boolean).flatMap((chunk) => chunk.split(CASE_BOUNDARY));
}

/**
 * The function name of a track event, before collisions are looked at: camelCase of its words,
 * `track` in front when that would start with a digit or be a reserved word
 * (`1st Purchase` -> `track1stPurchase`, `class` -> `trackClass`). Undefined when the name has
 * no letter or digit at all.
 */
export function functionNameOf(eventName: string): string | undefined {
  const words = splitWords(eventName).map((w) => w.toLowerCase());
  if (words.length === 0) return undefined;
  const camel = words.map((w, i) => (i === 0 ? w : capitalize(w))).join('');
  return /^\p{Nd}/u.test(camel) || RESERVED_NAMES.has(camel) ? `track${capitalize(camel)}` : camel;
}

/**
 * Names every planned call deterministically. Two track events that would share a function name
 * (`Order Completed` and `order_completed`) are an error at both, never `orderCompleted2`.
 */
export function nameTrackingFunctions(events: readonly EventIR[]): NamingResult {
  const diagnostics: Diagnostic[] = [];
  const named: TrackingName[] = [];
  const byName = new Map<string, EventIR[]>();
  for (const event of events) {
    if (event.call !== 'track') {
      named.push({ event, functionName: event.call, typeName: CALL_TYPE_NAMES[event.call] });
      continue;
    }
    const functionName = functionNameOf(event.name);
    if (functionName === undefined) {
      diagnostics.push(codegenError('noIdentifier', event.location, { name: event.name }));
      continue;
    }
    byName.set(functionName, [...(byName.get(functionName) ?? []), event]);
    named.push({ event, functionName, typeName: `${capitalize(functionName)}Properties` });
  }
  const clashing = new Set<EventIR>();
  for (const [identifier, group] of byName) {
    if (group.length < 2) continue;
    if (differOnlyInCase(group)) {
      // Distinct events the app really sends (`Report: Create`, `Report: create`): a stable suffix each, as their files get.
      for (const name of named) {
        if (!group.includes(name.event)) continue;
        name.functionName = `${identifier}_${fnv1a(name.event.name)}`;
        name.typeName = `${capitalize(name.functionName)}Properties`;
      }
      continue;
    }
    for (const event of group) {
      clashing.add(event);
      const other = group.find((e) => e !== event)!;
      diagnostics.push(codegenError('nameCollision', event.location, {
        name: event.name, identifier, other: other.name, otherLocation: formatLocation(other.location),
      }, [other.location]));
    }
  }
  return { names: named.filter((n) => !clashing.has(n.event)), diagnostics };
}

/** Every name of the group is a case variant of the others (and no two are equal). */
function differOnlyInCase(group: readonly EventIR[]): boolean {
  const lower = group[0]!.name.toLowerCase();
  return group.every((e) => e.name.toLowerCase() === lower) && new Set(group.map((e) => e.name)).size === group.length;
}

/** Upper-cases the first code point (not the first UTF-16 unit: letters beyond the BMP have cases too). */
function capitalize(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  return word === '' ? '' : first.toUpperCase() + word.slice(first.length);
}
