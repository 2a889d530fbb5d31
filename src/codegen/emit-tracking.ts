import { generatedNotice } from '../core/compile-schema.js';
import type { CallType, PlanIR } from '../core/ir.js';
import { flavourSpec, sdkPackage, type TrackingTarget } from '../core/flavours/index.js';
import { callFunction, codegenFlavour } from './flavours/index.js';
import { commonSections } from './module-common.js';
import type { TrackingName } from '../core/naming/namer.js';
import { printFunction, printSection, type Output, type Section } from '../core/source-model.js';

/** The three files of one generated module. */
export type TrackingModule = Record<Output, string>;

const USAGE = [
  'Usage: call setTrackplanOptions({ client }) once with the SDK instance, then the functions',
  'below. In development also pass `validate: validateEvent` from ./validators.js; leave it out',
  'in production, and no validation code ships.',
];

/**
 * One generated module in its three outputs: for each planned call its data type (from
 * json-schema-to-typescript, in `types`, same order as `names`) and its function.
 */
export function emitTrackingModule(plan: Pick<PlanIR, 'id' | 'version'>, target: TrackingTarget, names: readonly TrackingName[], types: readonly string[]): TrackingModule {
  const calls = new Set<CallType>(names.map((n) => n.event.call));
  const byEventName = new Map(names.filter((n) => n.event.call === 'track').map((n) => [n.event.name, n]));
  const sections: Section[] = [
    ...commonSections(plan, names.length > 0),
    ...codegenFlavour(target.flavour).sections(calls),
  ];
  const header = (output: Output) => [
    `// ${generatedNotice(plan)}`,
    '//',
    `// Typed ${flavourSpec(target.flavour).label} tracking functions for ${target.sdks.map(sdkPackage).join(' and ')}.`,
    ...USAGE.map((line) => `// ${line}`),
    ...(output === 'js' ? ['// Types: ./' + `${target.stem}.d.ts`] : []),
  ].join('\n');
  const print = (output: Output) => {
    const parts = [header(output), ...sections.map((s) => printSection(s, output))];
    names.forEach((name, i) => {
      if (output !== 'js') parts.push(types[i]!);
      parts.push(printFunction(callFunction(name, target.flavour, byEventName), output));
    });
    return `${parts.filter(Boolean).join('\n\n')}\n`;
  };
  return { ts: print('ts'), js: print('js'), dts: print('dts') };
}
