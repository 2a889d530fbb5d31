import { describe, expect, it } from 'vitest';
import { parseBoolean, parseNumber, splitList, splitTypes } from '../../src/sources/sheets/cell-values.js';
import { parseCsv, stringifyCsv } from '../../src/sources/sheets/csv.js';
import { decodeEnumItem, formatEnum } from '../../src/sources/sheets/enum-values.js';
import { formatPath, parsePath } from '../../src/sources/sheets/property-path.js';
import { columnLetters } from '../../src/sources/sheets/a1.js';

describe('boolean cells', () => {
  it.each([
    ['TRUE', true], ['true', true], ['Yes', true], ['y', true], ['x', true], ['X', true], ['1', true], ['✓', true], [' on ', true],
    ['FALSE', false], ['no', false], ['N', false], ['0', false], ['off', false],
    ['maybe', undefined], ['tru', undefined], ['', undefined],
  ])('%j -> %j', (text, expected) => expect(parseBoolean(text)).toBe(expected));
});

describe('number cells', () => {
  it.each([
    ['0', 0], ['-5', -5], ['0.5', 0.5], ['.5', 0.5], ['1E+21', 1e21], ['1,000', 1000], ['12,345.5', 12345.5],
    ['1,00', undefined], ['ten', undefined], ['10%', undefined], ['0x10', undefined], ['', undefined],
  ])('%j -> %j', (text, expected) => expect(parseNumber(text)).toBe(expected));
});

describe('list cells', () => {
  it.each([
    ['a, b ,c', ['a', 'b', 'c']],
    ['a\nb\n\nc', ['a', 'b', 'c']],
    ['a,,b,', ['a', 'b']],
    ['"a, b", c', ['a, b', 'c']],
    ['"say \\"hi\\"", "", " x "', ['say "hi"', '', ' x ']],
  ])('%j -> %j', (text, expected) => expect(splitList(text).items.map((i) => i.text)).toEqual(expected));

  it.each([
    ['"open', 'a quoted value is not closed: "open'],
    ['"a" b', 'expected "," after the quoted value "a"'],
  ])('%j is an error', (text, error) => expect(splitList(text).error).toBe(error));

  it('reads union types, lower-casing built-in names only', () => {
    expect(splitTypes('String | null')).toEqual(['string', 'null']);
    expect(splitTypes('Money, integer')).toEqual(['Money', 'integer']);
  });
});

describe('allowed values follow the property type', () => {
  const cases: [string, string[] | undefined, unknown][] = [
    ['1', ['string'], '1'], ['1', ['integer'], 1], ['1.5', ['number'], 1.5], ['true', ['boolean'], true],
    ['true', ['string'], 'true'], ['null', ['string'], null], ['1', undefined, 1], ['yes', undefined, 'yes'],
    ['1', ['string', 'integer'], 1], ['abc', ['integer'], 'abc'],
  ];
  it.each(cases)('%j as %j -> %j', (text, types, expected) => {
    expect(decodeEnumItem({ text, quoted: false }, types && new Set(types))).toBe(expected);
  });

  it.each([
    [['a', 'b c', 'x, y', '1', 'null', ''], ['string']],
    [[1, 2.5, -3], ['number']],
    [['1', 1, true, 'true', null, 'null'], undefined],
  ])('%j written for %j reads back the same', (values, types) => {
    const set = types && new Set(types);
    const text = formatEnum(values as never, set);
    expect(splitList(text).items.map((item) => decodeEnumItem(item, set))).toEqual(values);
  });
});

describe('property paths', () => {
  it.each([
    ['email', [{ kind: 'name', name: 'email' }]],
    ['products[].price', [{ kind: 'name', name: 'products' }, { kind: 'items' }, { kind: 'name', name: 'price' }]],
    ['matrix[][]', [{ kind: 'name', name: 'matrix' }, { kind: 'items' }, { kind: 'items' }]],
    ['address . city', [{ kind: 'name', name: 'address' }, { kind: 'name', name: 'city' }]],
    ['"utm.source".x', [{ kind: 'name', name: 'utm.source' }, { kind: 'name', name: 'x' }]],
  ])('%j parses', (text, steps) => expect(parsePath(text)).toEqual({ steps }));

  it.each([
    ['.a', 'it starts without a name'],
    ['a.', 'a name is missing at position 3'],
    ['a..b', 'a name is missing at position 3'],
    ['a[0]', '"[" at position 2 must be followed by "]" (array items have no index)'],
    ['a[]b', 'unexpected "b" at position 4'],
    ['a]', 'unexpected "]" at position 2'],
    ['"a', 'the quoted name at position 1 is not closed'],
  ])('%j is malformed: %s', (text, error) => expect(parsePath(text)).toEqual({ error }));

  it.each(['products[].price', 'a.b.c', '"x.y"[]."[z]"', '"say \\"hi\\""'])('%j formats back to itself', (text) => {
    const parsed = parsePath(text);
    expect('steps' in parsed && formatPath(parsed.steps)).toBe(text);
  });
});

describe('CSV as Google Sheets exports it', () => {
  it.each([
    ['a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['\uFEFFa,b\nc', [['a', 'b'], ['c']]],
    ['"a, b","say ""hi""","line\nbreak"\n,\n', [['a, b', 'say "hi"', 'line\nbreak'], ['', '']]],
    ['a,,\n\n', [['a', '', ''], ['']]],
  ])('%j', (text, grid) => expect(parseCsv(text)).toEqual({ grid }));

  it('reports an unclosed quote where it opened', () => {
    expect(parseCsv('a,b\nc,"open\nmore').error).toEqual({ row: 1, column: 1, detail: 'a quoted field is not closed (a `"` is missing)' });
  });

  it('writes what it reads', () => {
    const grid = [['Event', 'Description'], ['a', 'x, "y"\nz'], ['', ' padded ']];
    expect(parseCsv(stringifyCsv(grid)).grid).toEqual(grid);
  });

  it('names columns A..Z, AA..', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });
});
