import type { Violation } from './types.js';

type Node = Record<string, unknown> | unknown[];

/**
 * A copy of `root` without the properties at `paths` (segments from the root). Copy-on-write:
 * only the objects along each path are copied, the caller's message is never modified, and keys
 * are defined, not assigned, so a `__proto__` key can never reach a prototype.
 */
export function removePaths<T>(root: T, paths: readonly (readonly string[])[]): T {
  let result: unknown = root;
  for (const path of paths) result = removeAt(result, path, 0);
  return result as T;
}

function removeAt(node: unknown, path: readonly string[], index: number): unknown {
  if (node === null || typeof node !== 'object') return node;
  const key = path[index]!;
  if (!Object.hasOwn(node, key)) return node;
  const copy = copyNode(node as Node);
  if (index === path.length - 1) {
    if (Array.isArray(copy)) return copy; // ajv reports unplanned object keys only
    delete copy[key];
    return copy;
  }
  defineKey(copy, key, removeAt((node as Record<string, unknown>)[key], path, index + 1));
  return copy;
}

/** A copy of the message with the violations in `context` (RudderStack's propagate_violations). */
export function attachViolations(
  message: Record<string, unknown>,
  violations: Violation[],
  plan: { id: string; version: string },
): Record<string, unknown> {
  const context = message['context'];
  // A context that is not an object cannot carry them; replacing it would lose the sender's data.
  if (context !== undefined && (context === null || typeof context !== 'object' || Array.isArray(context))) return message;
  const copy = { ...message };
  defineKey(copy, 'context', {
    ...(context as Record<string, unknown> | undefined),
    violationErrors: violations,
    trackingPlanId: plan.id,
    trackingPlanVersion: plan.version,
  });
  return copy;
}

function copyNode(node: Node): Record<string, unknown> {
  // Spread defines own properties (a `__proto__` key stays an ordinary key).
  return (Array.isArray(node) ? node.slice() : { ...node }) as Record<string, unknown>;
}

function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
