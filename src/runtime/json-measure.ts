import { minNumberLength } from './json-min-length.js';

// The walk over a parsed value that the depth limit needs, also measuring what the duplicate-key
// check compares with the text (see `inspectJson`).

/** What a walk over a parsed value found. */
export interface ValueShape {
  /** Keys of every object (own, enumerable), each counted once. */
  keys: number;
  /** The value nests deeper than the limit (the walk stopped there: the other fields are partial). */
  tooDeep: boolean;
  /** It holds a number that is not finite (a literal past the range of doubles). */
  nonFinite: boolean;
  /**
   * The fewest characters a JSON text of this value can have: keys and strings as long as parsed
   * plus their quotes, numbers by `minNumberLength`, commas, colons and brackets, no whitespace.
   */
  minLength: number;
}

/** Members, depth, non-finite numbers and least text length of a parsed value (recursion stops at `maxDepth`: no stack overflow). */
export function measureValue(value: unknown, maxDepth: number): ValueShape {
  // Recursion is the faster walk; past a few hundred levels (a raised --max-depth) the explicit stack is safe.
  // An enumerable member added to Object.prototype would be counted by for-in in every object, and
  // an inflated parsed count or length could balance a repeated key: the walk of own values is taken then.
  if (maxDepth > RECURSION_LIMIT || isPrototypeExtended()) return measureIteratively(value, maxDepth);
  const shape: ValueShape = { keys: 0, tooDeep: false, nonFinite: false, minLength: 0 };
  shape.minLength = value !== null && typeof value === 'object' ? measureNode(value, 1, maxDepth, shape) : measureLeaf(value, shape);
  return shape;
}

const RECURSION_LIMIT = 512;

function isPrototypeExtended(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

/** The least text of a value that is not an object or array (and notes a non-finite number). */
function measureLeaf(value: unknown, shape: ValueShape): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      if (Number.isFinite(value)) return minNumberLength(value);
      shape.nonFinite = true;
      return 1;
    case 'boolean':
      return value ? 4 : 5;
    default:
      return 4;
  }
}

function measureIteratively(value: unknown, maxDepth: number): ValueShape {
  const shape: ValueShape = { keys: 0, tooDeep: false, nonFinite: false, minLength: 0 };
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const node = stack.pop();
    const depth = depths.pop()!;
    if (node === null || typeof node !== 'object') {
      shape.minLength += measureLeaf(node, shape);
      continue;
    }
    if (depth > maxDepth) return { ...shape, tooDeep: true };
    let items: unknown[];
    if (Array.isArray(node)) items = node;
    else {
      const names = Object.keys(node);
      shape.keys += names.length;
      for (const name of names) shape.minLength += name.length + 3;
      items = names.map((name) => (node as Record<string, unknown>)[name]);
    }
    shape.minLength += items.length > 0 ? items.length + 1 : 2;
    for (const item of items) {
      stack.push(item);
      depths.push(depth + 1);
    }
  }
  return shape;
}

/** Walks an object or array; returns its least text length. */
function measureNode(node: object, depth: number, maxDepth: number, shape: ValueShape): number {
  if (depth > maxDepth) {
    shape.tooDeep = true;
    return 0;
  }
  // Brackets and commas: n + 1 characters for n > 0 members, 2 for none.
  let length = 2;
  if (Array.isArray(node)) {
    if (node.length > 0) length = node.length + 1;
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      if (typeof item === 'string') length += item.length + 2;
      else if (typeof item !== 'object' || item === null) length += measureLeaf(item, shape);
      else {
        length += measureNode(item, depth + 1, maxDepth, shape);
        if (shape.tooDeep) return length;
      }
    }
    return length;
  }
  let members = 0;
  // for-in is the faster walk; measureValue took the other one if Object.prototype has enumerable members.
  for (const key in node) {
    members++;
    // The key, its quotes and its colon.
    length += key.length + 3;
    const item = (node as Record<string, unknown>)[key];
    if (typeof item === 'string') length += item.length + 2;
    else if (typeof item !== 'object' || item === null) length += measureLeaf(item, shape);
    else {
      length += measureNode(item, depth + 1, maxDepth, shape);
      if (shape.tooDeep) return length;
    }
  }
  shape.keys += members;
  return members > 0 ? length + members - 1 : length;
}
