/**
 * How generated functions call the SDK. `browser`: `fn(properties, options?)` over a browser SDK
 * instance; `node`: `fn({ userId | anonymousId, properties, context?, timestamp? })` over a server one.
 */
export type Flavour = 'browser' | 'node';

/** One SDK package of a flavour. */
export interface SdkSpec {
  /** The npm package, as code imports it. */
  module: string;
  /** How generated file headers name it (`@rudderstack/analytics-js v3`). */
  label: string;
  /** Exports that are the client class (the lint scanner follows `new X()` of these). */
  classes: string[];
  /** Names of the client types, for the type checker (other types of the package are not clients). */
  types: string[];
}

/** Everything one flavour contributes: its SDKs (by `sdk:` name) for codegen and lint. */
export interface FlavourSpec {
  id: Flavour;
  /** How generated file headers name the flavour. */
  label: string;
  /**
   * Which flavour's module is `tracking.*` when a plan's sources name several flavours: the
   * lowest number. The lowest is also the flavour generated when no source names a JavaScript SDK.
   */
  precedence: number;
  /** The stem of the flavour's files when another flavour's module is `tracking.*` (`tracking-node`). */
  stem: string;
  /** The `sdk:` names of the flavour, in the order `--sdk` lists them. */
  sdks: Record<string, SdkSpec>;
}
