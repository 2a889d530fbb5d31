import type { Diagnostic } from '../../core/diagnostics.js';
import type { SheetLocation } from '../../core/location.js';
import { planError } from '../../core/plan-errors.js';
import { formatLocation } from '../../core/location.js';
import type { RawEntry, RawNode } from '../../core/raw.js';
import { formatPath, type PathStep } from './property-path.js';
import { entryOf, mapNode, scalarNode } from './raw-nodes.js';

interface DefinitionNode {
  key: string;
  keyLocation: SheetLocation;
  attributes: RawEntry[];
  items?: DefinitionNode;
  children: Map<string, DefinitionNode>;
  /** Where its own row is; undefined when only child rows (`a.b` without `a`) brought it in. */
  row?: SheetLocation;
}

/**
 * The definitions of one owner (an event, the library, the types) built from path rows. A row
 * `products[].price` nests under `products`; a parent without its own row is implied by its children.
 */
export class DefinitionTree {
  private readonly roots = new Map<string, DefinitionNode>();

  constructor(private readonly kind: string, private readonly diagnostics: Diagnostic[]) {}

  add(steps: readonly PathStep[], location: SheetLocation, attributes: RawEntry[]): void {
    let siblings = this.roots;
    let node: DefinitionNode | undefined;
    for (const step of steps) {
      if (step.kind === 'items') {
        node!.items ??= { key: 'items', keyLocation: location, attributes: [], children: new Map() };
        node = node!.items;
        siblings = node.children;
        continue;
      }
      node = siblings.get(step.name);
      if (!node) {
        node = { key: step.name, keyLocation: location, attributes: [], children: new Map() };
        siblings.set(step.name, node);
      }
      siblings = node.children;
    }
    const target = node!;
    if (target.row) {
      const name = formatPath(steps);
      this.diagnostics.push(planError('duplicateName', location, { kind: this.kind, name, other: formatLocation(target.row) }, [target.row]));
      this.diagnostics.push(planError('duplicateName', target.row, { kind: this.kind, name, other: formatLocation(location) }, [location]));
      return;
    }
    target.row = location;
    target.keyLocation = location;
    target.attributes = attributes;
  }

  get size(): number {
    return this.roots.size;
  }

  /** `name: definition` entries; a definition with nothing in it is null (a library reference). */
  entries(): RawEntry[] {
    return [...this.roots.values()].map(toEntry);
  }
}

function toEntry(node: DefinitionNode): RawEntry {
  return entryOf(node.key, node.keyLocation, toValue(node));
}

function toValue(node: DefinitionNode): RawNode {
  const entries = [...node.attributes];
  if (node.items) entries.push(toEntry(node.items));
  if (node.children.size > 0) {
    entries.push(entryOf('properties', node.keyLocation, mapNode([...node.children.values()].map(toEntry), node.keyLocation)));
  }
  return entries.length === 0 ? scalarNode(null, node.keyLocation) : mapNode(entries, node.keyLocation);
}
