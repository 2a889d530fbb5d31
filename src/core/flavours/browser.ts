import type { FlavourSpec } from './flavour-spec.js';

/** Browser SDKs: `analytics.track(name, properties, options)`. */
export const BROWSER = {
  id: 'browser',
  label: 'browser',
  precedence: 0,
  stem: 'tracking',
  sdks: {
    'rudderstack-js': {
      module: '@rudderstack/analytics-js', label: '@rudderstack/analytics-js v3',
      classes: ['RudderAnalytics', 'default'], types: ['RudderAnalytics', 'IRudderAnalytics', 'RudderAnalyticsPreloader'],
    },
    'segment-js': {
      module: '@segment/analytics-next', label: '@segment/analytics-next',
      classes: ['AnalyticsBrowser', 'Analytics'], types: ['AnalyticsBrowser', 'AnalyticsBuffered', 'Analytics', 'AnalyticsSnippet', 'AnalyticsStandalone'],
    },
  },
} as const satisfies FlavourSpec;
