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

// The first check of the fast path: a text no longer than the parsed value needs has no room for
// a member the parse dropped (5 characters at least: `"":0,`).
describe('measureValue minLength against the text', () => {
  const cases: { name: string; text: string; slack: number; duplicateKey?: string }[] = [
    { name: 'a compact message', text: '{"type":"track","n":[1,-2.5,true,false,null,{}],"o":{"a":[]},"s":""}', slack: 0 },
    { name: 'numbers as JSON.stringify writes them', text: '{"a":1440,"b":11.28,"c":0.125,"d":523632049560,"e":-0.5}', slack: 1 },
    { name: 'round numbers (shorter with an exponent)', text: '{"a":1000,"b":1e3}', slack: 1 },
    { name: 'whitespace', text: '{ "a" : 1 }', slack: 4 },
    { name: 'an escape', text: '{"a":"\\u0062"}', slack: 5 },
    { name: 'the shortest repeat', text: '{"":0,"":0}', slack: 5, duplicateKey: '/' },
    { name: 'a repeat with a shorter value kept', text: '{"a":{"b":1},"a":1}', slack: 12, duplicateKey: '/a' },
  ];
  it.each(cases)('$name', ({ text, slack, duplicateKey }) => {
    const parsed: unknown = JSON.parse(text);
    expect(text.length - measureValue(parsed, 64).minLength).toBe(slack);
    expect(inspectJson(text, parsed, 64)).toEqual(duplicateKey === undefined ? {} : { duplicateKey });
  });
});

// Random objects written with random whitespace, keys drawn from a small alphabet of the
// characters that matter (quote, backslash, colon, space), some keys repeated on purpose, strings
// and keys spelled with or without escapes and numbers in several spellings: the length check of
// the fast path must see a repeat through all of them.
type Node = { kind: 'object'; members: [string, Node][] } | { kind: 'array'; items: Node[] } | { kind: 'leaf'; value: string } | { kind: 'number'; literal: string };

const key = fc.string({ unit: fc.constantFrom('a', '"', '\\', ':', ' ', 'é'), maxLength: 3 });
const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', ':', ' ', '\n'), maxLength: 4 }).map((value): Node => ({ kind: 'leaf', value }));
const literals = ['0', '-0', '7', '10', '1e1', '1E+1', '1000', '1e3', '1.5', '15e-1', '0.25', '2.50', '1e6', '-3.125', '1e21', '0.0001', '1e-4', 'true', 'false', 'null'];
const number = fc.oneof(fc.constantFrom(...literals), fc.integer().map(String), fc.double({ noNaN: true, noDefaultInfinity: true }).map(JSON.stringify))
  .map((literal): Node => ({ kind: 'number', literal }));
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    number,
    fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map((members): Node => ({ kind: 'object', members })),
    fc.array(tie('node'), { maxLength: 3 }).map((items): Node => ({ kind: 'array', items })),
  ),
}));
const space = fc.constantFrom('', ' ', '\t', '\n ', '\r\n');

/** A string literal: each character as JSON.stringify writes it, or as a \\u escape when `escape()` says so. */
function spell(value: string, escape: () => boolean): string {
  let out = '"';
  for (const char of value) out += escape() ? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}` : JSON.stringify(char).slice(1, -1);
  return `${out}"`;
}

function write(tree: Node, spaces: () => string, escape: () => boolean): string {
  if (tree.kind === 'leaf') return spell(tree.value, escape);
  if (tree.kind === 'number') return tree.literal;
  if (tree.kind === 'array') return `[${tree.items.map((item) => `${spaces()}${write(item, spaces, escape)}${spaces()}`).join(',')}]`;
  return `{${tree.members.map(([name, value]) => `${spaces()}${spell(name, escape)}${spaces()}:${spaces()}${write(value, spaces, escape)}`).join(',')}}`;
}

function hasRepeat(tree: Node): boolean {
  if (tree.kind === 'leaf' || tree.kind === 'number') return false;
  if (tree.kind === 'array') return tree.items.some(hasRepeat);
  const names = tree.members.map(([name]) => name);
  return new Set(names).size !== names.length || tree.members.some(([, value]) => hasRepeat(value));
}

describe('the fast path never hides a repeated key', () => {
  it('finds a repeat exactly when the text has one, with the exact scanner pointer', () => {
    fc.assert(
      fc.property(node.filter((tree) => tree.kind === 'object'), fc.array(space, { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (tree, pool, escapes) => {
        let next = 0;
        let nextEscape = 0;
        const text = write(tree, () => pool[next++ % pool.length]!, () => escapes[nextEscape++ % escapes.length]!);
        // 64: the recursive walk; 1000 (past 512 levels allowed): the walk with its own stack.
        for (const maxDepth of [64, 1000]) {
          const found = inspectJson(text, JSON.parse(text), maxDepth);
          expect(found.duplicateKey !== undefined).toBe(hasRepeat(tree));
          expect(found.duplicateKey).toBe(scanJson(text).duplicateKey);
        }
      }),
      { seed: 17, numRuns: 1500 },
    );
  });
});
