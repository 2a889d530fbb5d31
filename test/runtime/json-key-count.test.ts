import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTextKeys, inspectJson, measureValue, scanJson } from '../../src/runtime/json-inspect.js';

// The fast path of the duplicate-key check: a text key count equal to the parsed key count must
// prove there is no repeated key; any other count falls back to the exact scanner.
describe('countTextKeys against the parsed keys', () => {
  const cases: { name: string; text: string; fast: boolean; duplicateKey?: string }[] = [
    { name: 'a compact message', text: '{"type":"track","context":{"page":{"url":"https://x/y"}}}', fast: true },
    { name: 'spaces, tabs and newlines before and after colons', text: '{"a" : 1,\n "b"\t:\r\n{"c"  :2}}', fast: true },
    { name: 'a string value holding "a":', text: '{"a":"x\\"a\\":1"}', fast: true },
    { name: 'a key with escaped quotes', text: '{"a\\"b\\"":1,"c":{"\\"":2}}', fast: true },
    { name: 'a key ending in an escaped backslash', text: '{"a\\\\":1,"b\\\\\\\\":2}', fast: true },
    { name: 'timestamps and URLs (colons inside strings)', text: '{"t":"2024-05-06T12:00:00Z","u":"http://h:80/p"}', fast: true },
    { name: 'a string value starting with a colon', text: '{"a":":x","b":" : y"}', fast: false },
    { name: 'a key that is a colon', text: '{":":1}', fast: false },
    { name: 'objects inside nested arrays', text: '{"a":[[{"b":1},{"b":2}],[[{"c":{"d":3}}]]]}', fast: true },
    { name: 'a repeat at depth 4 inside arrays', text: '{"a":[[{"b":{"c":1,"c":2}}]]}', fast: false, duplicateKey: '/a/0/0/b/c' },
    { name: 'a repeat with spacing', text: '{"a" : 1 , "a" : 2}', fast: false, duplicateKey: '/a' },
    { name: 'a repeat of a key with escaped quotes', text: '{"\\"k\\"":1,"\\"k\\"":2}', fast: false, duplicateKey: '/"k"' },
    { name: 'a repeat spelled with an escape', text: '{"a\\u0062":1,"ab":2}', fast: false, duplicateKey: '/ab' },
    // One spurious match (a string starting with ":") and one repeat would balance a count of
    // matches of /"\s*:/ against all keys; against the parsed keys the repeat still shows.
    { name: 'a repeat next to a string starting with a colon', text: '{"a":1,"a":":"}', fast: false, duplicateKey: '/a' },
    { name: 'a repeat next to an escaped quote and colon', text: '{"s":"\\":","s":1}', fast: false, duplicateKey: '/s' },
    { name: 'a repeated __proto__', text: '{"__proto__":1,"__proto__":2}', fast: false, duplicateKey: '/__proto__' },
  ];
  it.each(cases)('$name', ({ text, fast, duplicateKey }) => {
    const parsed: unknown = JSON.parse(text);
    const parsedKeys = measureValue(parsed, 64).keys;
    expect(countTextKeys(text) === parsedKeys).toBe(fast);
    expect(countTextKeys(text)).toBeGreaterThanOrEqual(parsedKeys);
    expect(inspectJson(text, parsed, 64)).toEqual(duplicateKey === undefined ? {} : { duplicateKey });
  });

  it('ignores enumerable properties added to Object.prototype', () => {
    const text = '{"a":1,"a":2}';
    Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
    try {
      expect(inspectJson(text, JSON.parse(text), 64)).toEqual({ duplicateKey: '/a' });
    } finally {
      delete (Object.prototype as Record<string, unknown>)['polluted'];
    }
  });
});

// Random objects written with random whitespace, keys drawn from a small alphabet of the
// characters that matter (quote, backslash, colon, space), some keys repeated on purpose.
type Node = { kind: 'object'; members: [string, Node][] } | { kind: 'array'; items: Node[] } | { kind: 'leaf'; value: string | number };

const key = fc.string({ unit: fc.constantFrom('a', '"', '\\', ':', ' ', 'é'), maxLength: 3 });
const leaf = fc.oneof(fc.string({ unit: fc.constantFrom('a', '"', '\\', ':', ' ', '\n'), maxLength: 4 }), fc.integer()).map((value): Node => ({ kind: 'leaf', value }));
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map((members): Node => ({ kind: 'object', members })),
    fc.array(tie('node'), { maxLength: 3 }).map((items): Node => ({ kind: 'array', items })),
  ),
}));
const space = fc.constantFrom('', ' ', '\t', '\n ', '\r\n');

function write(tree: Node, spaces: () => string): string {
  if (tree.kind === 'leaf') return JSON.stringify(tree.value);
  if (tree.kind === 'array') return `[${tree.items.map((item) => `${spaces()}${write(item, spaces)}${spaces()}`).join(',')}]`;
  return `{${tree.members.map(([name, value]) => `${spaces()}${JSON.stringify(name)}${spaces()}:${spaces()}${write(value, spaces)}`).join(',')}}`;
}

function hasRepeat(tree: Node): boolean {
  if (tree.kind === 'leaf') return false;
  if (tree.kind === 'array') return tree.items.some(hasRepeat);
  const names = tree.members.map(([name]) => name);
  return new Set(names).size !== names.length || tree.members.some(([, value]) => hasRepeat(value));
}

describe('the fast path never hides a repeated key', () => {
  it('finds a repeat exactly when the text has one, with the exact scanner pointer', () => {
    fc.assert(
      fc.property(node.filter((tree) => tree.kind === 'object'), fc.array(space, { minLength: 1, maxLength: 8 }), (tree, pool) => {
        let next = 0;
        const text = write(tree, () => pool[next++ % pool.length]!);
        const found = inspectJson(text, JSON.parse(text), 1000);
        expect(found.duplicateKey !== undefined).toBe(hasRepeat(tree));
        expect(found.duplicateKey).toBe(scanJson(text).duplicateKey);
      }),
      { seed: 17, numRuns: 1500 },
    );
  });
});
