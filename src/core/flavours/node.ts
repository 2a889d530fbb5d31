import type { FlavourSpec } from './flavour-spec.js';

/** Node SDKs: `analytics.track({ event, properties, userId })`. */
export const NODE = {
  id: 'node',
  label: 'Node.js',
  precedence: 1,
  stem: 'tracking-node',
  sdks: {
    'rudderstack-node': {
      module: '@rudderstack/rudder-sdk-node', label: '@rudderstack/rudder-sdk-node',
      classes: ['default', 'Analytics'], types: ['Analytics'],
    },
    'segment-node': {
      module: '@segment/analytics-node', label: '@segment/analytics-node',
      classes: ['Analytics', 'default'], types: ['Analytics'],
    },
  },
} as const satisfies FlavourSpec;
