import type { Diagnostic } from '../../core/diagnostics.js';
import { formatLocation, type SheetLocation } from '../../core/location.js';
import { planError } from '../../core/plan-errors.js';
import type { RawEntry, RawNode } from '../../core/raw.js';
import { entryOf, mapNode } from './raw-nodes.js';

interface SettingNode {
  keyLocation: SheetLocation;
  value?: RawNode;
  children: Map<string, SettingNode>;
}

/** Nested settings from dotted keys (`policy.identify.unplanned_properties`); a key set twice is reported at both cells. */
export class SettingTree {
  private readonly root = new Map<string, SettingNode>();

  constructor(private readonly diagnostics: Diagnostic[]) {}

  set(path: readonly string[], keyLocation: SheetLocation, value: RawNode): void {
    let level = this.root;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      let node = level.get(key);
      const last = i === path.length - 1;
      if (node && (last || node.value)) {
        this.reportDuplicate(path.slice(0, i + 1).join('.'), node.keyLocation, keyLocation);
        return;
      }
      if (!node) {
        node = { keyLocation, children: new Map() };
        level.set(key, node);
      }
      if (last) node.value = value;
      level = node.children;
    }
  }

  /** Top-level keys in the given order first, then the others in the order they were set. */
  entries(order: readonly string[] = []): RawEntry[] {
    const keys = [...order.filter((key) => this.root.has(key)), ...[...this.root.keys()].filter((key) => !order.includes(key))];
    return keys.map((key) => toEntry(key, this.root.get(key)!));
  }

  private reportDuplicate(name: string, first: SheetLocation, second: SheetLocation): void {
    this.diagnostics.push(planError('duplicateName', second, { kind: 'setting', name, other: formatLocation(first) }, [first]));
    this.diagnostics.push(planError('duplicateName', first, { kind: 'setting', name, other: formatLocation(second) }, [second]));
  }
}

function toEntry(key: string, node: SettingNode): RawEntry {
  if (node.value) return entryOf(key, node.keyLocation, node.value);
  return entryOf(key, node.keyLocation, mapNode([...node.children].map(([k, child]) => toEntry(k, child)), node.keyLocation));
}
