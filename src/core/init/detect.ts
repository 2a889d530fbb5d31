import { SDK_NAMES } from '../format-schema.js';

export type SdkName = (typeof SDK_NAMES)[number];

/** The npm packages of the SDKs trackplan generates code for, and their plan-format SDK names. */
export const SDK_PACKAGES: Readonly<Record<string, SdkName>> = {
  '@segment/analytics-next': 'segment-js',
  '@segment/analytics-node': 'segment-node',
  '@rudderstack/analytics-js': 'rudderstack-js',
  '@rudderstack/rudder-sdk-node': 'rudderstack-node',
};

/** The SDKs a project depends on (dependencies and devDependencies of its package.json), sorted. */
export function detectSdks(packageJson: Readonly<Record<string, unknown>> | undefined): SdkName[] {
  const found = new Set<SdkName>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    const deps = packageJson?.[field];
    if (deps === null || typeof deps !== 'object') continue;
    for (const name of Object.keys(deps)) {
      const sdk = SDK_PACKAGES[name];
      if (sdk) found.add(sdk);
    }
  }
  return [...found].sort();
}

export function isSdkName(name: string): name is SdkName {
  return (SDK_NAMES as readonly string[]).includes(name);
}

/** A plan id from a package name: `@acme/shop-web` -> `acme-shop-web` (ids allow letters, digits, `.`, `_`, `-`). */
export function planIdFrom(name: string | undefined): string {
  const id = (name ?? '').replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|-+$/g, '');
  return id === '' ? 'tracking-plan' : id;
}
