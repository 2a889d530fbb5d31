import { describe, expect, it } from 'vitest';
import { CODEGEN_FLAVOURS, codegenFlavour } from '../../src/codegen/flavours/index.js';
import { ConfigError } from '../../src/core/errors.js';
import { FLAVOURS, resolveTargets, type Flavour, type TrackingTarget } from '../../src/core/flavours/index.js';
import type { SourceIR } from '../../src/core/ir.js';

const ids = (list: readonly { id: Flavour }[]): Flavour[] => list.map((flavour) => flavour.id).sort();

describe('flavour registries', () => {
  it('has a module emitter for every flavour in core, and none for a flavour core does not know', () => {
    expect(ids(CODEGEN_FLAVOURS)).toEqual(ids(FLAVOURS));
  });

  it('lists each flavour once, with distinct precedences and stems', () => {
    for (const list of [ids(FLAVOURS), ids(CODEGEN_FLAVOURS)]) expect(new Set(list).size).toBe(list.length);
    expect(new Set(FLAVOURS.map((f) => f.precedence)).size).toBe(FLAVOURS.length);
    expect(new Set(FLAVOURS.map((f) => f.stem)).size).toBe(FLAVOURS.length);
  });

  it('looks a module emitter up by id and names the folder when one is missing', () => {
    for (const flavour of FLAVOURS) expect(codegenFlavour(flavour.id).id).toBe(flavour.id);
    expect(() => codegenFlavour('desktop' as Flavour)).toThrow(/"desktop" in src\/codegen\/flavours\//);
  });
});

describe('resolveTargets', () => {
  const source = (sdk?: string): SourceIR => ({
    id: sdk ?? 'go', name: sdk ?? 'go', paths: [], location: { file: 'plan.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 }, ...(sdk === undefined ? {} : { sdk }),
  });
  const cases: { name: string; sdks: (string | undefined)[]; sdk?: string; expected: TrackingTarget[] }[] = [
    { name: 'no JavaScript SDK: the browser module for all browser SDKs', sdks: [undefined, 'go'], expected: [{ flavour: 'browser', stem: 'tracking', sdks: ['rudderstack-js', 'segment-js'] }] },
    { name: 'browser only', sdks: ['segment-js'], expected: [{ flavour: 'browser', stem: 'tracking', sdks: ['segment-js'] }] },
    { name: 'node only: the Node module is tracking', sdks: ['segment-node', 'rudderstack-node'], expected: [{ flavour: 'node', stem: 'tracking', sdks: ['rudderstack-node', 'segment-node'] }] },
    {
      name: 'both: browser first by precedence, Node under its stem, SDKs sorted and once',
      sdks: ['segment-node', 'segment-js', 'rudderstack-js', 'segment-js'],
      expected: [{ flavour: 'browser', stem: 'tracking', sdks: ['rudderstack-js', 'segment-js'] }, { flavour: 'node', stem: 'tracking-node', sdks: ['segment-node'] }],
    },
    { name: 'an explicit SDK: one module, tracking', sdks: ['segment-js'], sdk: 'rudderstack-node', expected: [{ flavour: 'node', stem: 'tracking', sdks: ['rudderstack-node'] }] },
  ];
  it.each(cases)('$name', ({ sdks, sdk, expected }) => {
    expect(resolveTargets({ sources: sdks.map(source) }, sdk)).toEqual(expected);
  });

  it('refuses an unknown --sdk, listing the known ones', () => {
    expect(() => resolveTargets({ sources: [] }, 'amplitude')).toThrow(ConfigError);
    expect(() => resolveTargets({ sources: [] }, 'amplitude')).toThrow('expected one of: rudderstack-js, segment-js, rudderstack-node, segment-node');
  });
});
