import { ConfigError } from '../errors.js';
import type { PlanIR } from '../ir.js';
import { BROWSER } from './browser.js';
import type { Flavour, FlavourSpec, SdkSpec } from './flavour-spec.js';
import { NODE } from './node.js';

export type { Flavour, FlavourSpec, SdkSpec } from './flavour-spec.js';

/** Every flavour, in the order `--sdk` lists their SDKs; a new flavour is one file and one entry here. */
export const FLAVOURS = [BROWSER, NODE] as const satisfies readonly FlavourSpec[];

type AnySdk = { [F in (typeof FLAVOURS)[number] as F['id']]: keyof F['sdks'] }[Flavour];

/** The SDKs the generated code is written and type-tested against, and their flavour. */
export const SDK_FLAVOURS = Object.fromEntries(
  FLAVOURS.flatMap((flavour) => Object.keys(flavour.sdks).map((sdk) => [sdk, flavour.id])),
) as Record<AnySdk, Flavour>;

/** The spec of a flavour. */
export function flavourSpec(id: Flavour): FlavourSpec {
  return FLAVOURS.find((flavour) => flavour.id === id)!;
}

/** An SDK name that has a generated module: `rudderstack-js`, `segment-js`, `rudderstack-node`, `segment-node`. */
export type TrackingSdk = AnySdk;

const SDKS: Record<string, SdkSpec> = Object.fromEntries(FLAVOURS.flatMap((flavour) => Object.entries(flavour.sdks)));

/** One generated module: a flavour and the stem of its files (`tracking` -> tracking.ts, .js, .d.ts). */
export interface TrackingTarget {
  flavour: Flavour;
  stem: string;
  /** The SDKs of this flavour the plan's sources name (or the one given), for the file header. */
  sdks: TrackingSdk[];
}

export function sdkPackage(sdk: TrackingSdk): string {
  return SDKS[sdk]!.label;
}

export function isTrackingSdk(name: string): name is TrackingSdk {
  return Object.hasOwn(SDK_FLAVOURS, name);
}

/**
 * Which modules to generate. An explicit SDK (`trackplan build --sdk`) gives one module,
 * `tracking.*`. Otherwise the plan's sources decide: the flavours their `sdk` names, `tracking.*`
 * for the browser one and `tracking-node.*` for the Node one when a plan has both; browser when
 * no source names a JavaScript SDK (Go, mobile and webhook sources have no generated module).
 */
export function resolveTargets(plan: Pick<PlanIR, 'sources'>, sdk?: string): TrackingTarget[] {
  if (sdk !== undefined) {
    if (!isTrackingSdk(sdk)) {
      throw new ConfigError(`--sdk: unknown SDK "${sdk}"; expected one of: ${Object.keys(SDK_FLAVOURS).join(', ')}`);
    }
    return [{ flavour: SDK_FLAVOURS[sdk], stem: 'tracking', sdks: [sdk] }];
  }
  const sdks = [...new Set(plan.sources.flatMap((s) => (s.sdk !== undefined && isTrackingSdk(s.sdk) ? [s.sdk] : [])))].sort();
  const browser = sdks.filter((s) => SDK_FLAVOURS[s] === 'browser');
  const node = sdks.filter((s) => SDK_FLAVOURS[s] === 'node');
  if (browser.length === 0 && node.length > 0) return [{ flavour: 'node', stem: 'tracking', sdks: node }];
  const targets: TrackingTarget[] = [{ flavour: 'browser', stem: 'tracking', sdks: browser.length > 0 ? browser : ['rudderstack-js', 'segment-js'] }];
  if (node.length > 0) targets.push({ flavour: 'node', stem: 'tracking-node', sdks: node });
  return targets;
}
