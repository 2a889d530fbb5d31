import type { CodegenFlavour } from './codegen-flavour.js';
import { dataIsOptional, nameType } from '../call-functions.js';
import { literal } from '../module-common.js';
import type { CallType } from '../../core/ir.js';
import type { TrackingName } from '../../core/naming/namer.js';
import type { FunctionSource, Param, Section } from '../../core/source-model.js';

/** The browser flavour's module: `fn(properties, options?)` over a browser SDK instance. */
export const BROWSER_CODEGEN = {
  id: 'browser',
  sections: browserSections,
  callFunction: browserFunction,
} as const satisfies CodegenFlavour;

/** Client and options types of the browser flavour, and the helper that sends a track call. */
function browserSections(calls: ReadonlySet<CallType>): Section[] {
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

/** The function that sends one planned call through a browser SDK. */
function browserFunction({ event, functionName, typeName }: TrackingName, doc: string): FunctionSource {
  const optional = dataIsOptional(event);
  const dataParam = (n: string): Param => ({ name: n, type: typeName, optional });
  const data = (n: string) => (optional ? `${n} ?? {}` : n);
  const options: Param = { name: 'options', type: 'TrackplanCallOptions', optional: true };
  const base = { doc, name: functionName, returns: 'void' };
  switch (event.call) {
    case 'track':
      return { ...base, params: [dataParam('properties'), options], body: () => `$track(${literal(event.name)}, ${data('properties')}, options);` };
    case 'identify': {
      const place = event.identitySection === 'context.traits' ? 'context: { ...sent.context, traits: data }' : 'traits: data, context: sent.context';
      return {
        ...base,
        params: [{ name: 'userId', type: 'string | undefined' }, dataParam('traits'), options],
        body: () => `const sent = $withPlan(options);
const data = ${data('traits')};
$send({ type: "identify", ...(userId === undefined ? {} : { userId }), ${place} }, (client) =>
  userId === undefined ? client.identify(data, sent) : client.identify(userId, data, sent));`,
      };
    }
    case 'page': {
      const planned = nameType(event);
      const params = [{ name: 'name', type: planned ?? 'string | undefined' }, dataParam('properties'), options];
      const send = planned !== undefined
        ? `$send({ type: "page", name, properties: data, context: sent.context }, (client) => client.page(name, data, sent));`
        : `$send({ type: "page", ...(name === undefined ? {} : { name }), properties: data, context: sent.context }, (client) =>
  name === undefined ? client.page(data, sent) : client.page(name, data, sent));`;
      return { ...base, params, body: () => `const sent = $withPlan(options);\nconst data = ${data('properties')};\n${send}` };
    }
    case 'screen':
      return {
        ...base,
        params: [{ name: 'name', type: nameType(event) ?? 'string' }, dataParam('properties'), options],
        body: () => `const sent = $withPlan(options);
const data = ${data('properties')};
$send({ type: "screen", name, properties: data, context: sent.context }, (client) =>
  client.screen === undefined ? $fail(new Error("trackplan: screen was not sent: the client has no screen method")) : client.screen(name, data, sent));`,
      };
    case 'group':
      return {
        ...base,
        params: [{ name: 'groupId', type: 'string' }, dataParam('traits'), options],
        body: () => `const sent = $withPlan(options);
const data = ${data('traits')};
$send({ type: "group", groupId, traits: data, context: sent.context }, (client) => client.group(groupId, data, sent));`,
      };
  }
}
