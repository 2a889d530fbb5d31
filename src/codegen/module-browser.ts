import type { CallType } from '../core/ir.js';
import type { Section } from '../core/source-model.js';

/** Client and options types of the browser flavour, and the helper that sends a track call. */
export function browserSections(calls: ReadonlySet<CallType>): Section[] {
  const members = [
    '  track(event: string, properties?: object | null, options?: object | null): unknown;',
    ...(calls.has('identify') ? [
      '  identify(userId: string, traits?: object | null, options?: object | null): unknown;',
      '  identify(traits: object | null, options?: object | null): unknown;',
    ] : []),
    ...(calls.has('page') ? [
      '  page(name: string, properties?: object | null, options?: object | null): unknown;',
      '  page(properties: object | null, options?: object | null): unknown;',
    ] : []),
    ...(calls.has('screen') ? [
      '  /** Only @segment/analytics-next has it; @rudderstack/analytics-js v3 has no screen call. */',
      '  screen?(name: string, properties?: object | null, options?: object | null): unknown;',
    ] : []),
    ...(calls.has('group') ? ['  group(groupId: string, traits?: object | null, options?: object | null): unknown;'] : []),
  ];
  return [
    {
      types: `/**
 * What the generated functions need of a browser SDK instance, typed by shape: \`RudderAnalytics\`
 * of @rudderstack/analytics-js v3 and \`AnalyticsBrowser\` (or \`Analytics\`) of
 * @segment/analytics-next fit as they are.
 */
export interface TrackplanClient {
${members.join('\n')}
}

/** Options of one call, passed on to the SDK (\`integrations\`, \`anonymousId\`, extra \`context\`, ...). */
export interface TrackplanCallOptions {
  integrations?: Record<string, unknown> | undefined;
  anonymousId?: string | undefined;
  context?: Record<string, unknown> | undefined;
  [option: string]: unknown;
}`,
    },
    {
      // Only what the planned calls use: strict projects refuse unused functions.
      code: (t) => [
        ...(calls.size > 0 ? [`function $withPlan(options${t(': TrackplanCallOptions | undefined')})${t(': TrackplanCallOptions & { context: Record<string, unknown> }')} {
  return { ...options, context: $context(options?.context) };
}`] : []),
        ...(calls.has('track') ? [`function $track(event${t(': string')}, properties${t(': object')}, options${t(': TrackplanCallOptions | undefined')})${t(': void')} {
  const sent = $withPlan(options);
  $send({ type: "track", event, properties, context: sent.context }, (client) => client.track(event, properties, sent));
}`] : []),
      ].join('\n\n'),
    },
  ];
}
