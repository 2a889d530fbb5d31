import { describe, expect, it } from 'vitest';
import { formatLocation } from '../../src/core/location.js';
import { PLAN_ERRORS } from '../../src/core/plan-errors.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { tempTree } from '../helpers/temp.js';

const HEADER = `trackplan: 1
id: t
name: T
version: 1.0.0
sources:
  web: { name: Web, sdk: rudderstack-js }
`;

interface Case {
  name: string;
  files: Record<string, string>;
  /** [ruleId, messageId, 'file:line:col'] for every diagnostic, in report order after sorting. */
  expected: [string, string, string][];
  /** Substrings the messages must carry (did-you-mean hints, expected/found). */
  hints?: string[];
}

/** A "billion laughs": each level doubles the expansion; 21 levels pass a million nodes. */
const LAUGHS = `types:\n  x:\n    description: &l0 [a, b]\n${Array.from({ length: 21 }, (_, i) => `    l${i + 1}: &l${i + 1} [*l${i}, *l${i}]\n`).join('')}`;

const cases: Case[] = [
  {
    name: 'aliases that expand past the node limit, located at the alias that passed it',
    files: { 'plan.yaml': HEADER, 'types.yaml': LAUGHS },
    expected: [['yaml-limit', 'aliasExpansion', 'types.yaml:19:22']],
    hints: ['past the limit of 1000000'],
  },
  {
    name: 'a plan file over the size limit',
    files: { 'plan.yaml': HEADER, 'big.yaml': `# ${'x'.repeat(10 * 1024 * 1024)}\n` },
    expected: [['yaml-limit', 'fileTooLarge', 'big.yaml:1:1']],
    hints: ['the limit is 10485760 bytes'],
  },
  {
    name: 'a YAML syntax error',
    files: { 'plan.yaml': HEADER, 'events.yaml': 'events:\n  a: { description: x\n' },
    expected: [['yaml-syntax', 'yamlSyntax', 'events.yaml:3:1']],
  },
  {
    name: 'a tab-indented YAML file',
    files: { 'plan.yaml': HEADER, 'events.yaml': 'events:\n\ta: {}\n' },
    expected: [['yaml-syntax', 'yamlSyntax', 'events.yaml:2:1']],
  },
  {
    name: 'an unknown event key, with a did-you-mean',
    files: { 'plan.yaml': HEADER, 'events.yaml': 'events:\n  a:\n    descripton: x\n' },
    expected: [['unknown-key', 'unknownKey', 'events.yaml:3:5']],
    hints: ['did you mean "description"?'],
  },
  {
    name: 'an unknown top-level key',
    files: { 'plan.yaml': HEADER, 'events.yaml': 'evnts:\n  a: {}\n' },
    expected: [['unknown-key', 'unknownKey', 'events.yaml:1:1']],
    hints: ['did you mean "events"?'],
  },
  {
    name: 'an unknown property key',
    files: { 'plan.yaml': HEADER, 'events.yaml': 'events:\n  a:\n    properties:\n      p: { type: string, requried: true }\n' },
    expected: [['unknown-key', 'unknownKey', 'events.yaml:4:26']],
    hints: ['did you mean "required"?'],
  },
  {
    name: 'an unknown type name',
    files: { 'plan.yaml': HEADER, 'events.yaml': 'events:\n  a:\n    properties:\n      p: strng\n' },
    expected: [['unknown-type', 'unknownType', 'events.yaml:4:10']],
    hints: ['did you mean "string"?'],
  },
  {
    name: 'an unknown custom type in a union',
    files: { 'plan.yaml': HEADER, 'types.yaml': 'types:\n  email: { type: string, format: email }\nproperties:\n  e: { type: [emial, "null"] }\n' },
    expected: [['unknown-type', 'unknownType', 'types.yaml:4:15']],
    hints: ['did you mean "email"?'],
  },
  {
    name: 'an event defined in two files',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'events:\n  signup: {}\n', 'b.yaml': '# b\nevents:\n  signup: {}\n' },
    expected: [
      ['duplicate-name', 'duplicateName', 'a.yaml:2:3'],
      ['duplicate-name', 'duplicateName', 'b.yaml:3:3'],
    ],
    hints: ['event "signup" is defined twice: here and at b.yaml:3:3', 'here and at a.yaml:2:3'],
  },
  {
    name: 'a key repeated in one mapping',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'events:\n  e:\n    properties:\n      p: string\n      p: number\n' },
    expected: [
      ['duplicate-name', 'duplicateName', 'a.yaml:4:7'],
      ['duplicate-name', 'duplicateName', 'a.yaml:5:7'],
    ],
  },
  {
    name: 'identify defined twice',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'identify: {}\n', 'b.yaml': 'identify:\n  traits: {}\n' },
    expected: [
      ['duplicate-name', 'duplicateName', 'a.yaml:1:1'],
      ['duplicate-name', 'duplicateName', 'b.yaml:1:1'],
    ],
  },
  {
    name: 'an enum value of the wrong type',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'properties:\n  n: { type: integer, enum: [1, two, 2.5] }\n' },
    expected: [
      ['enum-value-type', 'enumValueType', 'a.yaml:2:33'],
      ['enum-value-type', 'enumValueType', 'a.yaml:2:38'],
    ],
    hints: ['enum value "two" is the string "two", but the property is of type integer'],
  },
  {
    name: 'null in an enum of a property that is not nullable',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'properties:\n  s:\n    type: string\n    enum: [a, null]\n' },
    expected: [['enum-value-type', 'enumValueType', 'a.yaml:4:15']],
  },
  {
    name: 'an invalid regular expression',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'properties:\n  s: { type: string, pattern: "([a-z]" }\n' },
    expected: [['invalid-pattern', 'invalidPattern', 'a.yaml:2:31']],
  },
  {
    name: 'minimum greater than maximum',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'properties:\n  n:\n    type: number\n    minimum: 10\n    maximum: 1\n' },
    expected: [['invalid-range', 'invalidRange', 'a.yaml:4:14']],
    hints: ['minimum (10) is greater than maximum (1)'],
  },
  {
    name: 'minLength greater than maxLength',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'properties:\n  s: { type: string, minLength: 5, maxLength: 2 }\n' },
    expected: [['invalid-range', 'invalidRange', 'a.yaml:2:33']],
  },
  {
    name: 'a version that is not semver',
    files: { 'plan.yaml': HEADER.replace('version: 1.0.0', 'version: v1.0') },
    expected: [['invalid-version', 'invalidVersion', 'plan.yaml:4:10']],
    hints: ['found "v1.0"'],
  },
  {
    name: 'a version YAML reads as a number',
    files: { 'plan.yaml': HEADER.replace('version: 1.0.0', 'version: 1.0') },
    expected: [['invalid-version', 'invalidVersion', 'plan.yaml:4:10']],
    hints: ['found 1 (a number: quote the version)'],
  },
  {
    name: 'no header',
    files: { 'a.yaml': 'events:\n  e: {}\n' },
    expected: [['missing-header', 'missingHeader', 'a.yaml:1:1']],
  },
  {
    name: 'a second header',
    files: { 'plan.yaml': HEADER, 'z.yaml': '\ntrackplan: 1\nid: u\n' },
    expected: [['duplicate-header', 'duplicateHeader', 'z.yaml:2:1']],
    hints: ['the first is at plan.yaml:1:1'],
  },
  {
    name: 'a header without id, name and version',
    files: { 'plan.yaml': 'trackplan: 1\n' },
    expected: [
      ['missing-key', 'missingKey', 'plan.yaml:1:1'],
      ['missing-key', 'missingKey', 'plan.yaml:1:1'],
      ['missing-key', 'missingKey', 'plan.yaml:1:1'],
    ],
  },
  {
    name: 'an unsupported format version',
    files: { 'plan.yaml': HEADER.replace('trackplan: 1', 'trackplan: 2') },
    expected: [['unsupported-format-version', 'unsupportedFormat', 'plan.yaml:1:12']],
  },
  {
    name: 'a header key outside the header file',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'version: 2.0.0\nevents: {}\n' },
    expected: [['unknown-key', 'headerKeyOutsideHeader', 'a.yaml:1:1']],
  },
  {
    name: 'an event source that is not declared',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'events:\n  e:\n    sources: [web, wbe]\n' },
    expected: [['unknown-source', 'unknownSource', 'a.yaml:3:20']],
    hints: ['did you mean "web"?'],
  },
  {
    name: 'an unknown SDK',
    files: { 'plan.yaml': HEADER.replace('sdk: rudderstack-js', 'sdk: rudderstack-jss') },
    expected: [['invalid-value', 'unknownSdk', 'plan.yaml:6:26']],
    hints: ['did you mean "rudderstack-js"?'],
  },
  {
    name: 'custom types that refer to each other',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'types:\n  a: { type: b }\n  b: { type: a }\n' },
    expected: [['type-cycle', 'typeCycle', 'a.yaml:3:14']],
    hints: ['a -> b -> a'],
  },
  {
    name: 'a property with no type and no library entry',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'properties:\n  email: string\nevents:\n  e:\n    properties:\n      emial:\n' },
    expected: [['missing-type', 'missingType', 'a.yaml:6:7']],
    hints: ['did you mean "email"?'],
  },
  {
    name: 'an unknown format',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'properties:\n  e: { type: string, format: emial }\n' },
    expected: [['unknown-format', 'unknownFormat', 'a.yaml:2:30']],
    hints: ['did you mean "email"?'],
  },
  {
    name: 'a string constraint on an integer',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'properties:\n  n: { type: integer, pattern: "^1" }\n' },
    expected: [['invalid-value', 'constraintTypeMismatch', 'a.yaml:2:23']],
  },
  {
    name: 'a boolean that is not a boolean',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'events:\n  e:\n    properties:\n      p: { type: string, required: yes please }\n' },
    expected: [['invalid-value', 'invalidValue', 'a.yaml:4:36']],
    hints: ['expected true or false, found the string "yes please"'],
  },
  {
    name: 'a policy action that does not exist',
    files: { 'plan.yaml': `${HEADER}policy:\n  unplanned_events: block\n` },
    expected: [['invalid-value', 'invalidEnumChoice', 'plan.yaml:8:21']],
  },
  {
    name: 'two union types that disagree',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'types:\n  a: { type: string, format: email }\n  b: { type: string, format: uri }\nproperties:\n  p: { type: [a, b] }\n' },
    expected: [['conflicting-type-constraints', 'conflictingConstraints', 'a.yaml:5:18']],
  },
  {
    name: 'two event names that compile to one file name',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'events:\n  Order Completed: {}\n  order.completed: {}\n' },
    expected: [
      ['file-name-collision', 'fileNameCollision', 'a.yaml:2:3'],
      ['file-name-collision', 'fileNameCollision', 'a.yaml:3:3'],
    ],
  },
  {
    name: 'a plan id with spaces',
    files: { 'plan.yaml': HEADER.replace('id: t', 'id: my plan') },
    expected: [['invalid-value', 'invalidId', 'plan.yaml:2:5']],
  },
  {
    name: 'an empty event name',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'events:\n  " ": {}\n' },
    expected: [['invalid-value', 'emptyName', 'a.yaml:2:3']],
  },
  {
    name: 'a list where a mapping belongs',
    files: { 'plan.yaml': HEADER, 'a.yaml': 'events:\n  - signup\n' },
    expected: [['invalid-value', 'notAMapping', 'a.yaml:2:3']],
  },
];

describe('plan loader diagnostics', () => {
  it.each(cases)('reports $name', async ({ files, expected, hints }) => {
    const dir = await tempTree(files);
    const { diagnostics } = await loadPlan('.', { cwd: dir });
    const got = diagnostics
      .map((d) => [d.ruleId, d.messageId, formatLocation(d.location)] as [string, string, string])
      .sort((a, b) => a[2].localeCompare(b[2], 'en', { numeric: true }) || a[1].localeCompare(b[1]));
    expect(got).toEqual(expected);
    for (const d of diagnostics) expect(d.severity).toBe('error');
    for (const hint of hints ?? []) expect(diagnostics.map((d) => d.message).join('\n')).toContain(hint);
  });

  it('has a case for every message id', () => {
    const covered = new Set(cases.flatMap((c) => c.expected.map(([, messageId]) => messageId)));
    expect(Object.keys(PLAN_ERRORS).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('reports nothing for a clean plan', async () => {
    const dir = await tempTree({ 'plan.yaml': HEADER, 'a.yaml': 'events:\n  e:\n    sources: [web]\n    properties:\n      p: string\n' });
    expect((await loadPlan('.', { cwd: dir })).diagnostics).toEqual([]);
  });

  it('gives every diagnostic an end position after its start', async () => {
    const dir = await tempTree({ 'plan.yaml': HEADER, 'a.yaml': 'events:\n  e:\n    descripton: x\n' });
    const [diagnostic] = (await loadPlan('.', { cwd: dir })).diagnostics;
    expect(diagnostic?.location).toEqual({ file: 'a.yaml', line: 3, column: 5, endLine: 3, endColumn: 15 });
  });

  it('merges only the files the include globs name', async () => {
    const dir = await tempTree({
      'plan.yaml': `${HEADER}include: [events/*.yaml]\n`,
      'events/a.yaml': 'events:\n  a: {}\n',
      'drafts/b.yaml': 'events:\n  a: {}\n  broken: { nope: 1 }\n',
    });
    const { plan, diagnostics } = await loadPlan('.', { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(plan?.events.map((e) => e.name)).toEqual(['a']);
    expect(plan?.files).toEqual(['plan.yaml', 'events/a.yaml']);
  });

  it('stops an alias bomb instead of expanding it forever', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const dir = await tempTree({ 'plan.yaml': HEADER, 'bomb.yaml': `lint:\n${lines.map((l) => `  ${l}`).join('\n')}\n` });
    // A located diagnostic with the count, not an internal error.
    const { diagnostics } = await loadPlan('.', { cwd: dir });
    expect(diagnostics.map((d) => [d.messageId, d.location && formatLocation(d.location), d.data?.['limit']])).toEqual([['aliasExpansion', 'bomb.yaml:7:47', 1_000_000]]);
  });
});
