import type { CallType } from '../core/ir.js';
import type { Section } from '../core/source-model.js';

/** Identity, message and client types of the Node flavour, and the helper that sends a track call. */
export function nodeSections(calls: ReadonlySet<CallType>): Section[] {
  const members = [
    '  track(message: TrackplanClientMessage & { event: string; properties?: object | undefined }): unknown;',
    ...(calls.has('identify') ? ['  identify(message: TrackplanClientMessage & { traits?: object | undefined }): unknown;'] : []),
    ...(calls.has('page') ? ['  page(message: TrackplanClientMessage & { name?: string | undefined; category?: string | undefined; properties?: object | undefined }): unknown;'] : []),
    ...(calls.has('screen') ? ['  screen(message: TrackplanClientMessage & { name?: string | undefined; category?: string | undefined; properties?: object | undefined }): unknown;'] : []),
    ...(calls.has('group') ? ['  group(message: TrackplanClientMessage & { groupId: string; traits?: object | undefined }): unknown;'] : []),
  ];
  return [
    {
      types: `/** Who the event is about: a user id, an anonymous id, or both. */
export type TrackplanIdentity =
  | { userId: string; anonymousId?: string | undefined }
  | { userId?: string | undefined; anonymousId: string };

/** What every call takes besides identity and data. */
export interface TrackplanCallFields {
  /** Extra context of the event; \`context.trackplan\` is added. */
  context?: Record<string, unknown> | undefined;
  timestamp?: Date | undefined;
  integrations?: Record<string, unknown> | undefined;
}

/** The argument of a generated function: identity, the call's data and the common fields. */
export type TrackplanMessage<Data> = TrackplanIdentity & TrackplanCallFields & Data;

/** A message as the generated functions hand it to the SDK. */
export type TrackplanClientMessage = TrackplanIdentity & {
  context?: object | undefined;
  timestamp?: Date | string | undefined;
  integrations?: object | undefined;
};

/**
 * What the generated functions need of a Node SDK instance, typed by shape: \`Analytics\` of
 * @rudderstack/rudder-sdk-node and of @segment/analytics-node fit as they are.
 */
export interface TrackplanClient {
${members.join('\n')}
}`,
    },
    {
      code: (t) => (!calls.has('track') ? '' : `function $track(event${t(': string')}, message${t(': TrackplanMessage<{ properties?: object | undefined }>')})${t(': void')} {
  const sent = { ...message, event, properties: message.properties ?? {}, context: $context(message.context) };
  $send({ type: "track", ...sent }, (client) => client.track(sent));
}`),
    },
  ];
}
