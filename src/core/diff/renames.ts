import type { EventIR, PropertyIR } from '../ir.js';
import { nameKey } from '../rules/names.js';
import { editDistance } from '../suggest.js';
import type { PlanChange } from './changes.js';

/** Names that differ in spelling only, by a few edits, or where one contains the other (`email` / `email_address`). */
export function similarNames(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x === '' || y === '') return false;
  if (x === y || x.includes(y) || y.includes(x)) return true;
  return editDistance(x, y) <= Math.max(2, Math.floor(Math.max(x.length, y.length) / 4));
}

/** Pairs removals with additions, best score first, each side used once; score 0 means no pair. */
function pairUp<T>(removed: T[], added: T[], score: (r: T, a: T) => number): [T, T][] {
  const candidates: { r: T; a: T; s: number; i: number; j: number }[] = [];
  removed.forEach((r, i) => added.forEach((a, j) => {
    const s = score(r, a);
    if (s > 0) candidates.push({ r, a, s, i, j });
  }));
  candidates.sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j);
  const usedR = new Set<number>();
  const usedA = new Set<number>();
  const pairs: [T, T][] = [];
  for (const c of candidates) {
    if (usedR.has(c.i) || usedA.has(c.j)) continue;
    usedR.add(c.i);
    usedA.add(c.j);
    pairs.push([c.r, c.a]);
  }
  return pairs;
}

function attach(removal: PlanChange, addition: PlanChange, from: string, to: string, what: string): void {
  const message = `${what} "${from}" -> "${to}" may be a rename: to its consumers a rename is a removal plus an addition. `
    + 'Keep the old name (deprecated) for a release, or bump major.';
  removal.hint = { from, to, message };
  addition.hint = { from, to, message };
}

/** Adds rename hints to property removals and additions of one property list. */
export function hintPropertyRenames(removed: PlanChange[], added: PlanChange[], before: Map<string, PropertyIR>, after: Map<string, PropertyIR>): void {
  const last = (c: PlanChange) => c.property!.slice(c.property!.lastIndexOf('.') + 1);
  const pairs = pairUp(removed, added, (r, a) => {
    const x = before.get(last(r))!;
    const y = after.get(last(a))!;
    if (x.type.join() !== y.type.join()) return 0;
    if (nameKey(x.name) === nameKey(y.name)) return 3;
    if (similarNames(x.name, y.name)) return 2;
    return x.description !== undefined && x.description === y.description ? 1 : 0;
  });
  for (const [r, a] of pairs) attach(r, a, r.property!, a.property!, 'property');
}

/** Adds rename hints to event removals and additions: similar names, or mostly the same properties. */
export function hintEventRenames(removed: { change: PlanChange; event: EventIR }[], added: { change: PlanChange; event: EventIR }[]): void {
  const pairs = pairUp(removed, added, (r, a) => {
    if (r.event.call !== a.event.call) return 0;
    if (nameKey(r.event.name) === nameKey(a.event.name)) return 3;
    const names = (e: EventIR) => new Set(e.properties.map((p) => p.name));
    const x = names(r.event);
    const y = names(a.event);
    const union = new Set([...x, ...y]).size;
    const shared = [...x].filter((n) => y.has(n)).length;
    if (similarNames(r.event.name, a.event.name)) return 2;
    return union >= 2 && shared / union >= 0.6 ? 1 : 0;
  });
  for (const [r, a] of pairs) attach(r.change, a.change, r.event.name, a.event.name, r.event.call);
}
