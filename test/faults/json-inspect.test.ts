import { describe, expect, it } from 'vitest';
import { inspectJson, scanJson, stringifyKeeping } from '../../src/runtime/json-inspect.js';

// Defects 11 and 12: what JSON.parse hides (a repeated key, numbers past the double range).
describe('inspectJson', () => {
  const cases: { name: string; text: string; maxDepth?: number; expected: ReturnType<typeof inspectJson> }[] = [
    { name: 'a plain message', text: '{"type":"track","event":"a","properties":{"url":"http://x/y?a=\\":"}}', expected: {} },
    { name: 'a repeated key in a nested object', text: '{"type":"identify","traits":{"ssn":"1","a":1},"traits":{"a":2}}', expected: { duplicateKey: '/traits' } },
    { name: 'a repeated key, pretty-printed', text: '{"a": {"b" : 1, "b" : 2}}', expected: { duplicateKey: '/a/b' } },
    { name: 'the same key written with an escape', text: '{"a\\u0062":1,"ab":2}', expected: { duplicateKey: '/ab' } },
    { name: 'keys repeated in different objects', text: '{"a":{"x":1},"b":{"x":1}}', expected: {} },
    { name: 'numbers past the double range', text: '{"a":{"b":[1,2,1e400]},"c":-1e999}', expected: { bigNumbers: new Map([['/a/b/2', '1e400'], ['/c', '-1e999']]) } },
    { name: 'nesting past the limit', text: '{"a":[[[[1]]]]}', maxDepth: 3, expected: { tooDeep: true } },
  ];
  it.each(cases)('$name', ({ text, maxDepth, expected }) => {
    expect(inspectJson(text, JSON.parse(text), maxDepth ?? 64)).toEqual(expected);
  });

  it('scans 200,000 levels of nesting without a stack overflow', () => {
    const text = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(scanJson(text)).toEqual({});
  });
});

describe('stringifyKeeping', () => {
  it('writes out-of-range numbers as they were written, also after a change', () => {
    const text = '{"a":{"b":[1,1e400]},"c":-1e999,"d":"\\u0000n"}';
    const findings = inspectJson(text, JSON.parse(text), 64);
    const changed: Record<string, unknown> = { ...(JSON.parse(text) as Record<string, unknown>), e: 1 };
    expect(stringifyKeeping(changed, findings.bigNumbers)).toBe('{"a":{"b":[1,1e400]},"c":-1e999,"d":"\\u0000n","e":1}');
    const { c: _c, ...without } = changed;
    expect(stringifyKeeping(without, findings.bigNumbers)).toBe('{"a":{"b":[1,1e400]},"d":"\\u0000n","e":1}');
  });
});
