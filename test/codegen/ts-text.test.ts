import { describe, expect, it } from 'vitest';
import { indentDeclarations, splitDeclarations } from '../../src/codegen/ts-text.js';

describe('indentDeclarations', () => {
  it('indents by depth and ignores braces in strings and comments', () => {
    const input = [
      'export interface A {',
      '/**',
      ' * Not a brace: { or }',
      ' */',
      '"a{"?: ("}" | "{{")',
      'b?: {',
      "c: 'x}'",
      '}[]',
      '}',
    ].join('\n');
    expect(indentDeclarations(input)).toBe([
      'export interface A {',
      '  /**',
      '   * Not a brace: { or }',
      '   */',
      '  "a{"?: ("}" | "{{")',
      '  b?: {',
      "    c: 'x}'",
      '  }[]',
      '}',
    ].join('\n'));
  });
});

describe('splitDeclarations', () => {
  it('splits top-level declarations with their JSDoc', () => {
    const input = [
      'export interface Root {',
      'a?: A',
      '}',
      '/**',
      ' * export interface Fake {',
      ' */',
      'export interface A {',
      'x: "export interface B {"',
      '}',
      'export type C = ("a" | "b")',
    ].join('\n');
    expect(splitDeclarations(input)).toEqual([
      { name: 'Root', text: 'export interface Root {\na?: A\n}' },
      { name: 'A', text: '/**\n * export interface Fake {\n */\nexport interface A {\nx: "export interface B {"\n}' },
      { name: 'C', text: 'export type C = ("a" | "b")' },
    ]);
  });

  it('refuses unbalanced input rather than losing a declaration', () => {
    expect(() => splitDeclarations('export interface A {\nb: string\n')).toThrow('unbalanced');
  });
});
