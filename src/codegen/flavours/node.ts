import type { CodegenFlavour } from './codegen-flavour.js';
import { dataIsOptional, nameType } from '../call-functions.js';
import { literal } from '../module-common.js';
import type { CallType } from '../../core/ir.js';
import type { TrackingName } from '../../core/naming/namer.js';
import type { FunctionSource, Param, Section } from '../../core/source-model.js';

/** The Node flavour's module: `fn({ userId | anonymousId, properties, context?, timestamp? })` over a server SDK instance. */
export const NODE_CODEGEN = {
  id: 'node',
  sections: nodeSections,
  callFunction: nodeFunction,
} as const satisfies CodegenFlavour;

/** Identity, message and client types of the Node flavour, and the helper that sends a track call. */
function nodeSections(calls: ReadonlySet<CallType>): Section[] {
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

/** The function that sends one planned call through a Node SDK. */
function nodeFunction({ event, functionName, typeName }: TrackingName, doc: string): FunctionSource {
  const q = dataIsOptional(event) ? '?' : '';
  const message = (fields: string): Param => ({ name: 'message', type: `TrackplanMessage<{ ${fields} }>` });
  const base = { doc, name: functionName, returns: 'void' };
  const send = (call: string, sent: string) => `const sent = ${sent};\n$send({ type: ${literal(call)}, ...sent }, (client) => client.${call}(sent));`;
  const plain = (key: string) => `{ ...message, ${key}: message.${key} ?? {}, context: $context(message.context) }`;
  switch (event.call) {
    case 'track':
      return { ...base, params: [message(`properties${q}: ${typeName}`)], body: () => `$track(${literal(event.name)}, message);` };
    case 'identify':
      if (event.identitySection === 'context.traits') {
        return {
          ...base,
          params: [message(`traits${q}: ${typeName}`)],
          body: () => `const { traits, ...rest } = message;\n${send('identify', '{ ...rest, context: { ...$context(message.context), traits: traits ?? {} } }')}`,
        };
      }
      return { ...base, params: [message(`traits${q}: ${typeName}`)], body: () => send('identify', plain('traits')) };
    case 'page': {
      const name = nameType(event);
      const fields = `${name !== undefined ? `name: ${name}` : 'name?: string | undefined'}; category?: string | undefined; properties${q}: ${typeName}`;
      return { ...base, params: [message(fields)], body: () => send('page', plain('properties')) };
    }
    case 'screen':
      return { ...base, params: [message(`name: ${nameType(event) ?? 'string'}; properties${q}: ${typeName}`)], body: () => send('screen', plain('properties')) };
    case 'group':
      return { ...base, params: [message(`groupId: string; traits${q}: ${typeName}`)], body: () => send('group', plain('traits')) };
  }
}
