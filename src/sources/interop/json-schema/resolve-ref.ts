import { parsePointer } from '../json-input.js';
import type { SchemaContext } from './context.js';

export type RefTarget = { schema: unknown; pointer: string } | undefined;

/**
 * The schema a `$ref` names inside the file, or undefined after a located warning: a reference
 * outside the file, one that names nothing, or one already being followed (a cycle: the plan has
 * no recursive types, so the repetition keeps `any`).
 */
export function resolveRef(ref: string, pointer: string, ctx: SchemaContext): RefTarget {
  const where = ctx.locate(pointer);
  if (!ref.startsWith('#')) {
    ctx.sink.warn('refOutside', where, { pointer, ref: JSON.stringify(ref) });
    return undefined;
  }
  if (ctx.refStack.includes(ref)) {
    const cycle = [...ctx.refStack.slice(ctx.refStack.indexOf(ref)), ref].join(' → ');
    ctx.sink.warn('refCycle', where, { pointer, ref: JSON.stringify(ref), cycle });
    return undefined;
  }
  let node: unknown = ctx.root;
  for (const segment of parsePointer(decodeURIComponent(ref))) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[String(segment)] : undefined;
  }
  if (node === undefined) {
    ctx.sink.warn('refMissing', where, { pointer, ref: JSON.stringify(ref) });
    return undefined;
  }
  return { schema: node, pointer: decodeURIComponent(ref).replace(/^#/, '') };
}
