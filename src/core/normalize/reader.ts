import type { Diagnostic } from '../diagnostics.js';
import { formatLocation } from '../location.js';
import { planError } from '../plan-errors.js';
import { describeNode, type RawEntry, type RawMap, type RawNode } from '../raw.js';
import { suggestionSuffix } from '../suggest.js';

/** Collects diagnostics while the normalizer reads raw nodes. */
export class Reader {
  readonly diagnostics: Diagnostic[] = [];

  report(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  /** The node as a mapping, or a diagnostic. `null` (an empty YAML value) reads as an empty map. */
  map(node: RawNode | undefined, where: string): RawMap | undefined {
    if (!node) return undefined;
    if (node.kind === 'map') return node;
    if (node.kind === 'scalar' && node.value === null) return { kind: 'map', entries: [], location: node.location };
    this.report(planError('notAMapping', node.location, { where, found: describeNode(node) }));
    return undefined;
  }

  /** Reports keys not in `allowed`, with a did-you-mean. Returns the known entries. */
  knownEntries(map: RawMap, allowed: readonly string[], where: string): RawEntry[] {
    const known: RawEntry[] = [];
    for (const entry of map.entries) {
      if (allowed.includes(entry.key)) known.push(entry);
      else {
        this.report(
          planError('unknownKey', entry.keyLocation, {
            key: entry.key,
            where,
            hint: suggestionSuffix(entry.key, allowed),
            expected: allowed.join(', '),
          }),
        );
      }
    }
    return known;
  }

  string(entry: RawEntry, where: string): string | undefined {
    const node = entry.value;
    if (node.kind === 'scalar' && typeof node.value === 'string') return node.value;
    this.invalid(node, `${where}.${entry.key}`, 'a string');
    return undefined;
  }

  boolean(entry: RawEntry, where: string): boolean | undefined {
    const node = entry.value;
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
    this.invalid(node, `${where}.${entry.key}`, 'true or false');
    return undefined;
  }

  number(entry: RawEntry, where: string, integer = false): number | undefined {
    const node = entry.value;
    if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isFinite(node.value)) {
      if (!integer || (Number.isInteger(node.value) && node.value >= 0)) return node.value;
    }
    this.invalid(node, `${where}.${entry.key}`, integer ? 'a whole number >= 0' : 'a number');
    return undefined;
  }

  stringList(entry: RawEntry, where: string): string[] | undefined {
    const node = entry.value;
    // A single string is accepted for a one-item list: `sources: marketing-site`.
    if (node.kind === 'scalar' && typeof node.value === 'string') return [node.value];
    if (node.kind !== 'seq') {
      this.invalid(node, `${where}.${entry.key}`, 'a list of strings');
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items) {
      if (item.kind === 'scalar' && typeof item.value === 'string') out.push(item.value);
      else this.invalid(item, `${where}.${entry.key}`, 'a string');
    }
    return out;
  }

  choice<T extends string>(entry: RawEntry, where: string, choices: readonly T[]): T | undefined {
    const node = entry.value;
    if (node.kind === 'scalar' && typeof node.value === 'string' && (choices as readonly string[]).includes(node.value)) {
      return node.value as T;
    }
    const found = describeNode(node);
    const hint = node.kind === 'scalar' && typeof node.value === 'string' ? suggestionSuffix(node.value, choices) : '';
    this.report(
      planError('invalidEnumChoice', node.location, { where: `${where}.${entry.key}`, expected: choices.join(' | '), found, hint }),
    );
    return undefined;
  }

  invalid(node: RawNode, where: string, expected: string): void {
    this.report(planError('invalidValue', node.location, { where, expected, found: describeNode(node) }));
  }

  /** Reports every entry whose key was seen before, at both places. */
  duplicate(kind: string, name: string, first: RawEntry, second: RawEntry): void {
    this.report(planError('duplicateName', second.keyLocation, { kind, name, other: formatLocation(first.keyLocation) }, [first.keyLocation]));
    this.report(planError('duplicateName', first.keyLocation, { kind, name, other: formatLocation(second.keyLocation) }, [second.keyLocation]));
  }
}
