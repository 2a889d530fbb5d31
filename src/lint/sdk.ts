/** Browser SDKs take `track(name, properties)`; Node SDKs take `track({ event, properties, userId })`. */
export type SdkForm = 'browser' | 'node';

/**
 * The SDK packages the scanner knows: the exports that are the client class (for imports), and
 * the names of the client types (for the type checker; other types of the package, such as its
 * internal event factory, are not clients).
 */
export const SDK_MODULES: Record<string, { form: SdkForm; classes: string[]; types: string[] }> = {
  '@rudderstack/rudder-sdk-node': { form: 'node', classes: ['default', 'Analytics'], types: ['Analytics'] },
  '@segment/analytics-node': { form: 'node', classes: ['Analytics', 'default'], types: ['Analytics'] },
  '@rudderstack/analytics-js': { form: 'browser', classes: ['RudderAnalytics', 'default'], types: ['RudderAnalytics', 'IRudderAnalytics', 'RudderAnalyticsPreloader'] },
  '@segment/analytics-next': { form: 'browser', classes: ['AnalyticsBrowser', 'Analytics'], types: ['AnalyticsBrowser', 'AnalyticsBuffered', 'Analytics', 'AnalyticsSnippet', 'AnalyticsStandalone'] },
};

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
