import type { CallType, EventIR } from '../core/ir.js';

/** The identity of a planned call across plan, coverage, violations and history. */
export function eventKey(call: string, name: string): string {
  return `${call}\u0000${name}`;
}

/** The page of a planned call, relative to the site root: `events/track/form_submit.html`. */
export function eventPagePath(event: Pick<EventIR, 'call' | 'fileName'>): string {
  return `events/${event.call}/${event.fileName}.html`;
}

/** How people name a planned call: the track event's name, else the call type. */
export function eventLabel(event: { call: CallType | string; name: string }): string {
  return event.call === 'track' ? event.name : event.call;
}

/**
 * A fragment id for any name: letters, digits, `-` and `_` stay, anything else becomes `.` and its
 * code point in hex, so that two names never share an id and the id needs no URL escaping.
 */
export function anchorOf(prefix: string, name: string): string {
  let out = `${prefix}-`;
  for (const ch of name) out += /[A-Za-z0-9_-]/.test(ch) ? ch : `.${ch.codePointAt(0)!.toString(16)}`;
  return out;
}

/** `../` once per folder between a page and the site root. */
export function rootOf(page: string): string {
  return '../'.repeat(page.split('/').length - 1);
}
