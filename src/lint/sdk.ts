import { FLAVOURS, type Flavour } from '../core/flavours/index.js';

/** Browser SDKs take `track(name, properties)`; Node SDKs take `track({ event, properties, userId })`. */
export type SdkForm = Flavour;

/**
 * The SDK packages the scanner knows, from the flavour specs: the exports that are the client
 * class (for imports), and the names of the client types (for the type checker).
 */
export const SDK_MODULES: Record<string, { form: SdkForm; classes: readonly string[]; types: readonly string[] }> = Object.fromEntries(
  FLAVOURS.flatMap((flavour) => Object.values(flavour.sdks).map((sdk) => [sdk.module, { form: flavour.id, classes: sdk.classes, types: sdk.types }])),
);

export function sdkModule(specifier: string): (typeof SDK_MODULES)[string] | undefined {
  return Object.hasOwn(SDK_MODULES, specifier) ? SDK_MODULES[specifier] : undefined;
}

/** The calls of the spec that carry data a plan describes (alias carries none). */
export const CALL_METHODS = ['track', 'identify', 'page', 'screen', 'group'] as const;

/** Which SDK client a type is, from its name and the package that declares it. */
export function sdkOfDeclaration(typeName: string, fileName: string): SdkForm | undefined {
  const normalized = fileName.split('\\').join('/');
  for (const [name, info] of Object.entries(SDK_MODULES)) {
    if (normalized.includes(`/node_modules/${name}/`)) return info.types.includes(typeName) ? info.form : undefined;
  }
  return undefined;
}
