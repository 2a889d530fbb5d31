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

/** How generated file headers name an SDK's package (`@rudderstack/analytics-js v3`). */
export function sdkPackage(sdk: TrackingSdk): string {
  return SDKS[sdk]!.label;
}

/** True for an SDK name that has a generated module (see `TrackingSdk`). */
export function isTrackingSdk(name: string): name is TrackingSdk {
  return Object.hasOwn(SDK_FLAVOURS, name);
}

/** The stem of the one module, or of the first by precedence when there are several. */
const PRIMARY_STEM = 'tracking';

const BY_PRECEDENCE: readonly FlavourSpec[] = [...FLAVOURS].sort((a, b) => a.precedence - b.precedence);

/**
 * Which modules to generate. An explicit SDK (`trackplan build --sdk`) gives one module,
 * `tracking.*`. Otherwise the plan's sources decide: one module per flavour their `sdk` names, in
 * precedence order; the first is `tracking.*`, the others take their flavour's stem
 * (`tracking-node.*`). When no source names a JavaScript SDK (Go, mobile and webhook sources have
 * no generated module), the first flavour by precedence, for all its SDKs.
 */
export function resolveTargets(plan: Pick<PlanIR, 'sources'>, sdk?: string): TrackingTarget[] {
  if (sdk !== undefined) {
    if (!isTrackingSdk(sdk)) {
      throw new ConfigError(`--sdk: unknown SDK "${sdk}"; expected one of: ${Object.keys(SDK_FLAVOURS).join(', ')}`);
    }
    return [{ flavour: SDK_FLAVOURS[sdk], stem: PRIMARY_STEM, sdks: [sdk] }];
  }
  const named = [...new Set(plan.sources.flatMap((s) => (s.sdk !== undefined && isTrackingSdk(s.sdk) ? [s.sdk] : [])))].sort();
  const used = BY_PRECEDENCE
    .map((flavour) => ({ flavour, sdks: named.filter((s) => SDK_FLAVOURS[s] === flavour.id) }))
    .filter((entry) => entry.sdks.length > 0);
  if (used.length === 0) {
    const fallback = BY_PRECEDENCE[0]!;
    return [{ flavour: fallback.id, stem: PRIMARY_STEM, sdks: Object.keys(fallback.sdks) as TrackingSdk[] }];
  }
  return used.map(({ flavour, sdks }, i) => ({ flavour: flavour.id, stem: i === 0 ? PRIMARY_STEM : flavour.stem, sdks }));
}
