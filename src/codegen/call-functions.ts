import type { EventIR } from '../core/ir.js';
import type { Flavour } from '../core/flavours/index.js';
import { literal } from './module-common.js';
import type { TrackingName } from '../core/naming/namer.js';
import type { FunctionSource, Param } from '../core/source-model.js';
import { jsDoc } from './emit-types.js';

/** True when a call can be made without data: nothing in it is required. */
export function dataIsOptional(event: EventIR): boolean {
  return event.properties.every((p) => !p.required);
}

/** The type of a page or screen name: the planned names as literals, else any string. */
function nameType(event: EventIR): string | undefined {
  return event.names.length > 0 ? event.names.map(literal).join(' | ') : undefined;
}

/** The function that sends one planned call, in the given flavour. */
export function callFunction(name: TrackingName, flavour: Flavour, byEventName: ReadonlyMap<string, TrackingName>): FunctionSource {
  const doc = functionDoc(name, byEventName);
  return CALL_FUNCTIONS[flavour](name, doc);
}

/** Each flavour's call shapes; a new flavour adds its entry (the type demands it). */
const CALL_FUNCTIONS: Record<Flavour, (name: TrackingName, doc: string) => FunctionSource> = {
  browser: (name, doc) => browserFunction(name, doc),
  node: (name, doc) => nodeFunction(name, doc),
};

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

function functionDoc({ event }: TrackingName, byEventName: ReadonlyMap<string, TrackingName>): string {
  const lines: string[] = [];
  if (event.description !== undefined) lines.push(event.description, '');
  const about = [
    ...(event.owner !== undefined ? [`owner: ${event.owner}`] : []),
    ...(event.sources.length > 0 ? [`sources: ${event.sources.join(', ')}`] : []),
  ];
  const what = event.call === 'track' ? `the track event \`${event.name}\`` : `${event.call === 'identify' ? 'an' : 'a'} ${event.call} call`;
  lines.push(`Sends ${what}${about.length > 0 ? ` (${about.join('; ')})` : ''}.`);
  if (event.status === 'deprecated') {
    const replacement = event.replacement !== undefined ? byEventName.get(event.replacement) : undefined;
    const hint = event.replacement === undefined ? '' : replacement ? ` Use \`${replacement.functionName}\` (\`${event.replacement}\`).` : ` Replaced by ${event.replacement}.`;
    lines.push(`@deprecated${hint}`);
  }
  return jsDoc(lines);
}

/** JSDoc of the data type of a call. */
export function typeDescription(event: EventIR): string {
  if (event.call === 'track') return `Properties of the track event \`${event.name}\`.`;
  return `${event.call === 'identify' || event.call === 'group' ? 'Traits' : 'Properties'} of ${event.call} calls.`;
}
