import { describe, expect, it } from 'vitest';
import { parseBasicUser } from '../../src/runtime/http/auth.js';
import { describeJsonError, findJsonErrorOffset } from '../../src/runtime/http/json-error.js';
import { findBatchElements, prependMembers } from '../../src/runtime/http/json-spans.js';
import { parseSize } from '../../src/runtime/http/size.js';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('JSON error places', () => {
  it.each([
    ['{"a":}', 5],
    ['{"a":1', 6],
    ['{"a":1}x', 7],
    ['', 0],
    ['[1,2', 4],
    ['{"a":[1,{"b":tru}]}', 13],
    ['{"a" 1}', 5],
    ['{"a":1,}', 7],
    ['{\n  "a": 1,\n  "b": \'x\'\n}', 19],
    ['"unterminated', 0],
    ['{"ok":[1,2,{"x":null}]}', 23],
    [`${'['.repeat(20000)}${']'.repeat(19999)}`, 39999],
  ])('%j fails at offset %i', (text, offset) => {
    expect(findJsonErrorOffset(text)).toBe(offset);
  });

  // Where the error is comes from the text itself; the reason is whatever the engine says.
  it.each([
    ['{"event":"x",}', 'line 1, column 14'],
    ['{\n  "a": 1\n  "b": 2\n}', 'line 3, column 3'],
    ['{"a":}', 'line 1, column 6'],
  ])('%j: the engine\'s reason, at %s', (text, place) => {
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (caught) {
      error = caught;
    }
    const described = describeJsonError(text, error);
    expect(described.endsWith(` at ${place}`)).toBe(true);
    const reason = described.slice(0, -` at ${place}`.length);
    expect(reason.length).toBeGreaterThan(0);
    expect(reason).not.toContain(text);
    expect(reason).not.toMatch(/position \d/);
  });

  // Both shapes of V8's message: the quoted input or the offset is dropped from the reason.
  it.each([
    ['{"a":}', 'Unexpected token \'}\', "{"a":}" is not valid JSON', "Unexpected token '}' at line 1, column 6"],
    ['{\n"a":}', 'Unexpected token } in JSON at position 6 (line 2 column 5)', 'Unexpected token } at line 2, column 5'],
    ['{"a":1', 'Expected \',\' or \'}\' after property value in JSON at position 6', "Expected ',' or '}' after property value at line 1, column 7"],
    ['[1,', 'Unexpected end of JSON input', 'Unexpected end of JSON input at line 1, column 4'],
  ])('%j with the message %j: %s', (text, message, described) => {
    expect(describeJsonError(text, new SyntaxError(message))).toBe(described);
  });
});

describe('Basic auth user names', () => {
  it.each([
    [basic('key:'), 'key'],
    [basic('key'), 'key'],
    [basic('key:secret'), 'key'],
    [`basic   ${Buffer.from('key:').toString('base64')}`, 'key'],
    [basic(':'), undefined],
    ['Bearer abc', undefined],
    ['Basic !!!', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j -> %j', (header, user) => {
    expect(parseBasicUser(header)).toBe(user);
  });
});

describe('sizes', () => {
  it.each([
    ['32768', 32768], ['32KiB', 32768], ['32k', 32768], ['500 KiB', 512000], ['1GiB', 1024 ** 3], ['1.5MiB', 1572864], ['2mb', 2097152],
    ['0', undefined], ['-1', undefined], ['big', undefined], ['12 parsecs', undefined], ['', undefined],
  ])('%j is %j bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });
});

describe('raw batch elements', () => {
  it.each([
    ['{"batch":[{"a":1},{"b":[1,2,{"c":"]},"}]}]}', ['{"a":1}', '{"b":[1,2,{"c":"]},"}]}']],
    ['{"sentAt":"x","batch":[ {"a":"\\"}"} , 42 , "s,t" , null ],"context":{"batch":[9]}}', ['{"a":"\\"}"}', '42', '"s,t"', 'null']],
    ['{"batch":[]}', []],
    ['{"batch":[{"a":1}],"batch":[{"b":2},{"c":3}]}', ['{"b":2}', '{"c":3}']],
    ['{"context":{"batch":[{"x":1}]},"x":[1,[2]],"batch":[{"y":"\\\\"}]}', ['{"y":"\\\\"}']],
    ['{"b\\u0061tch":[{"a":1}]}', undefined],
    ['{"events":[{"a":1}]}', undefined],
    ['[{"batch":[1]}]', undefined],
  ])('%s', (text, elements) => {
    expect(findBatchElements(text)).toEqual(elements);
  });

  it('cuts elements that parse to exactly the parsed batch, for generated batches', () => {
    const pieces = ['"a"', '"q\\"uo]te"', '"back\\\\"', '1.50', '-2e3', 'true', 'null', '[]', '{}', '[1,[2,[3]]]', '{"k":{"k":["}",{"x":"{"}]}}', '"é ✓ \\u00e9"'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 200; run++) {
      const elements = Array.from({ length: random(6) }, () => `{${Array.from({ length: random(4) }, (_, i) => `"p${i}":${pieces[random(pieces.length)]}`).join(',')}}`);
      const text = `{"sentAt":"now","batch":[${elements.join(run % 2 ? ' , ' : ',')}],"context":{"a":[1,"]"]}}`;
      const found = findBatchElements(text)!;
      expect(found.map((element) => JSON.parse(element))).toEqual((JSON.parse(text) as { batch: unknown[] }).batch);
    }
  });

  it.each([
    ['{"a":1}', '"type":"track"', '{"type":"track","a":1}'],
    ['{}', '"type":"track"', '{"type":"track"}'],
    ['{ }', '"m":"1"', '{"m":"1"}'],
    ['{"a":1}', '', '{"a":1}'],
  ])('prepends to %s', (raw, pairs, expected) => {
    expect(prependMembers(raw, pairs)).toBe(expected);
    expect(JSON.parse(prependMembers(raw, pairs))).toEqual(JSON.parse(expected));
  });
});
