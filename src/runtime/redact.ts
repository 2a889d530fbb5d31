import { createHash, createHmac } from 'node:crypto';
import type { CompiledPlan } from '../core/compiled-plan.js';

/**
 * What happens to the values of properties the plan marks `pii: true` in what leaves a process
 * (`serve` forwarding and output, `validate --out`, and `stream`): `hash` replaces each with
 * `"sha256:<hex>"` (an HMAC when a key is given), `drop` removes it, `keep` passes it on.
 */
export type PiiMode = 'hash' | 'drop' | 'keep';

/** Redacts the PII values of messages, by the plan's `pii: true` properties (see `createRedactor`). */
export interface Redactor {
  /** True when the plan marks nothing as PII: every call can be skipped. */
  readonly empty: boolean;
  /** A copy of `message` with its PII values redacted (the same object when there was nothing to do). */
  redact(message: Record<string, unknown>, mode: PiiMode): Record<string, unknown>;
}

/** Where each planned call keeps its data: the PII paths there are rooted at this member. */
const SECTION: Record<string, readonly string[]> = {
  track: ['properties'], page: ['properties'], screen: ['properties'], identify: ['traits'], group: ['traits'],
};

/**
 * A redactor for a compiled plan. `hashKey` makes hashes an HMAC-SHA-256 with that key (plain
 * SHA-256 of a low-entropy value such as an email can be reversed by guessing; a key stops that).
 */
export function createRedactor(plan: CompiledPlan, hashKey?: string): Redactor {
  const tracks = new Map<string, string[][]>();
  const calls = new Map<string, string[][]>();
  for (const event of plan.events) {
    if (!event.piiPaths) continue;
    const root = event.call === 'identify' && event.identitySection === 'context.traits' ? ['context', 'traits'] : SECTION[event.call]!;
    const paths = event.piiPaths.map((path) => [...root, ...path]);
    if (event.call === 'track') tracks.set(event.name, paths);
    else calls.set(event.call, paths);
  }
  const hash = (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
    const digest = hashKey ? createHmac('sha256', hashKey).update(text).digest('hex') : createHash('sha256').update(text).digest('hex');
    return `sha256:${digest}`;
  };
  return {
    empty: tracks.size === 0 && calls.size === 0,
    redact(message, mode) {
      if (mode === 'keep') return message;
      const type = message['type'];
      const paths = type === 'track' ? tracks.get(String(message['event'])) : typeof type === 'string' ? calls.get(type) : undefined;
      if (!paths) return message;
      let out: unknown = message;
      for (const path of paths) out = redactAt(out, path, 0, mode, hash);
      return out as Record<string, unknown>;
    },
  };
}

/** Copy-on-write: only the objects along a path that holds a value are copied. */
function redactAt(node: unknown, path: readonly string[], index: number, mode: 'hash' | 'drop', hash: (value: unknown) => string): unknown {
  if (node === null || typeof node !== 'object') return node;
  const key = path[index]!;
  if (key === '*') {
    if (!Array.isArray(node)) return node;
    let copy: unknown[] | undefined;
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      const next = index === path.length - 1 ? (mode === 'hash' && item !== null && item !== undefined ? hash(item) : null) : redactAt(item, path, index + 1, mode, hash);
      if (next !== item) (copy ??= node.slice())[i] = next;
    }
    return copy ?? node;
  }
  if (Array.isArray(node) || !Object.hasOwn(node, key)) return node;
  const record = node as Record<string, unknown>;
  const copy = { ...record };
  if (index === path.length - 1) {
    if (mode === 'drop' || record[key] === null || record[key] === undefined) {
      if (mode === 'drop') delete copy[key];
      else return node;
    } else Object.defineProperty(copy, key, { value: hash(record[key]), enumerable: true, writable: true, configurable: true });
    return copy;
  }
  const child = redactAt(record[key], path, index + 1, mode, hash);
  if (child === record[key]) return node;
  Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true });
  return copy;
}
