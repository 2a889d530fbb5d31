import { ConfigError } from '../errors.js';
import type { PlanIR } from '../ir.js';

/**
 * How generated functions call the SDK. `browser`: `fn(properties, options?)` over a browser SDK
 * instance; `node`: `fn({ userId | anonymousId, properties, context?, timestamp? })` over a server one.
 */
export type Flavour = 'browser' | 'node';

/** The SDKs the generated code is written and type-tested against, and their flavour. */
export const SDK_FLAVOURS = {
  'rudderstack-js': 'browser',
  'segment-js': 'browser',
  'rudderstack-node': 'node',
  'segment-node': 'node',
} as const satisfies Record<string, Flavour>;

export type TrackingSdk = keyof typeof SDK_FLAVOURS;

/** One generated module: a flavour and the stem of its files (`tracking` -> tracking.ts, .js, .d.ts). */
export interface TrackingTarget {
  flavour: Flavour;
  stem: string;
  /** The SDKs of this flavour the plan's sources name (or the one given), for the file header. */
  sdks: TrackingSdk[];
}

const PACKAGES: Record<TrackingSdk, string> = {
  'rudderstack-js': '@rudderstack/analytics-js v3',
  'segment-js': '@segment/analytics-next',
  'rudderstack-node': '@rudderstack/rudder-sdk-node',
  'segment-node': '@segment/analytics-node',
};

export function sdkPackage(sdk: TrackingSdk): string {
  return PACKAGES[sdk];
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
