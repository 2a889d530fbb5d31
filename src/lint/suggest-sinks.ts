import { ts } from 'ts-morph';
import type { CallType } from '../core/ir.js';
import type { SinkKind } from '../core/wrapper-suggestions.js';
import { readModuleBindings } from './module-bindings.js';
import { resolveCall, type ResolveContext } from './resolve-call.js';
import type { FileScan } from './scan-file.js';
import { expressionText, unwrap } from './syntax.js';

export type { SinkKind } from '../core/wrapper-suggestions.js';

/** An analytics sink call and the expressions that carry its name, properties, or whole message. */
export interface Sink {
  kind: SinkKind;
  /** The callee as written: `this.segment.track`, `jitsu.track`, `fetch`. */
  callee: string;
  /** The SDK (`rudderstack`, `segment`, `mixpanel`, ...) or the collector URL as written. */
  detail: string;
  call: CallType;
  node: ts.CallExpression;
  name?: ts.Expression;
  properties?: ts.Expression;
  message?: ts.Expression;
}

/**
 * Analytics SDKs lint does not check, by package: calls on what they export (or on what their
 * exports create) are sinks. Documented in docs/lint.md.
 */
export const ANALYTICS_PACKAGES: Readonly<Record<string, string>> = {
  '@jitsu/js': 'jitsu', '@jitsu/sdk-js': 'jitsu', '@jitsu/jitsu-react': 'jitsu', '@jitsu/nextjs': 'jitsu',
  mixpanel: 'mixpanel', 'mixpanel-browser': 'mixpanel', 'mixpanel-react-native': 'mixpanel',
  'posthog-js': 'posthog', 'posthog-node': 'posthog', 'posthog-react-native': 'posthog',
  '@amplitude/analytics-browser': 'amplitude', '@amplitude/analytics-node': 'amplitude', '@amplitude/analytics-react-native': 'amplitude', 'amplitude-js': 'amplitude', '@amplitude/node': 'amplitude',
  '@vercel/analytics': 'vercel', '@june-so/analytics-node': 'june', 'heap-api': 'heap', '@heap/heap-node': 'heap',
};

/** Receivers taken for those SDKs by name when no import tells (`this.mixpanel`, `posthogClient`). */
export const ANALYTICS_RECEIVERS = ['jitsu', 'mixpanel', 'posthog', 'amplitude', 'heap', 'june'] as const;

/** Their methods that send, and the call type each sends. */
const ANALYTICS_METHODS: Readonly<Record<string, CallType>> = {
  track: 'track', capture: 'track', logEvent: 'track', identify: 'identify', page: 'page', screen: 'screen', group: 'group',
};

/** Paths of analytics collectors (Segment/RudderStack HTTP API, PostHog, GA, Plausible, Amplitude, Umami, Jitsu...). */
export const COLLECTOR_PATHS = [
  '/v1/track', '/v1/batch', '/v1/identify', '/v1/page', '/v1/screen', '/v1/group', '/track', '/batch', '/collect', '/capture',
  '/i/v0/e', '/e', '/api/event', '/api/send', '/2/httpapi', '/api/s/s2s/event',
] as const;

const NAME_KEYS = new Set(['event', 'name', 'event_type', 'eventName', 'event_name']);
const PROPERTY_KEYS = new Set(['properties', 'traits', 'event_properties', 'props', 'data']);
const BATCH_KEYS = new Set(['batch', 'events']);

/** The sink a call is, or undefined. `ctx` recognises the SDK calls lint checks (no checker). */
export function findSink(scan: FileScan, node: ts.CallExpression, ctx: ResolveContext): Sink | undefined {
  return sdkSink(scan, node, ctx) ?? analyticsSdkSink(scan, node) ?? collectorSink(node);
}

function sdkSink(scan: FileScan, node: ts.CallExpression, ctx: ResolveContext): Sink | undefined {
  const layout = resolveCall(scan, node, ctx);
  if (!layout || (layout.form !== 'browser' && layout.form !== 'node')) return undefined;
  const sink: Sink = { kind: 'sdk', callee: layout.callee, detail: layout.flavour ?? layout.form, call: layout.call, node };
  if (layout.form === 'node') return { ...sink, ...messageSlots(node.arguments[0]) };
  const at = (index: number | undefined) => (index === undefined ? undefined : node.arguments[index]);
  const name = at(layout.name?.index);
  const properties = at(layout.properties?.index);
  return { ...sink, ...(name ? { name } : {}), ...(properties ? { properties } : {}) };
}

function analyticsSdkSink(scan: FileScan, node: ts.CallExpression): Sink | undefined {
  const callee = unwrap(node.expression);
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  const call = method !== undefined && Object.hasOwn(ANALYTICS_METHODS, method) ? ANALYTICS_METHODS[method]! : undefined;
  if (!call) return undefined;
  const sdk = ts.isPropertyAccessExpression(callee) ? sdkOfReceiver(scan, callee.expression) : importedSdk(scan, callee.getText(scan.sourceFile));
  if (!sdk) return undefined;
  const sink: Sink = { kind: 'analytics-sdk', callee: expressionText(callee) ?? callee.getText(scan.sourceFile), detail: sdk, call, node };
  const first = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
  // posthog-node `capture({ distinctId, event, properties })`, amplitude `track({ event_type, event_properties })`.
  if (first && ts.isObjectLiteralExpression(first) && call === 'track') return { ...sink, ...messageSlots(first) };
  const [name, properties] = call === 'identify' || call === 'group' ? [undefined, node.arguments[1]] : [node.arguments[0], node.arguments[1]];
  return { ...sink, ...(name ? { name } : {}), ...(properties ? { properties } : {}) };
}

/** The SDK a receiver belongs to: an import of its package (directly, or what it created), else its name. */
function sdkOfReceiver(scan: FileScan, receiver: ts.Expression): string | undefined {
  const text = expressionText(receiver);
  if (text === undefined) return chainRootSdk(scan, receiver);
  const bindings = readModuleBindings(scan.sourceFile);
  const [first, second] = text.split('.');
  // The receiver's class by its annotation or `new X()` (`private mixpanel: Mixpanel`, `client: PostHog`).
  const root = first === 'this' && second !== undefined ? bindings.fieldTypes.get(second) ?? second : bindings.typedNames.get(first!) ?? first!;
  const byImport = importedSdk(scan, root) ?? createdBy(scan, root);
  if (byImport) return byImport;
  const last = text.split('.').pop()!.toLowerCase();
  return ANALYTICS_RECEIVERS.find((name) => last.includes(name));
}

/** `amplitude.getInstance().logEvent(...)`: the SDK of the chain's first name. */
function chainRootSdk(scan: FileScan, receiver: ts.Expression): string | undefined {
  let current = unwrap(receiver);
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) current = unwrap(current.expression);
  return ts.isIdentifier(current) ? importedSdk(scan, current.text) : undefined;
}

function importedSdk(scan: FileScan, name: string): string | undefined {
  const specifier = readModuleBindings(scan.sourceFile).imports.get(name)?.specifier;
  return specifier !== undefined && Object.hasOwn(ANALYTICS_PACKAGES, specifier) ? ANALYTICS_PACKAGES[specifier] : undefined;
}

/** `const client = new PostHog(key)`, `const mp = Mixpanel.init(token)`, `const jitsu = jitsuAnalytics({...})`. */
function createdBy(scan: FileScan, name: string): string | undefined {
  const init = scan.vars.get(name);
  if (!init) return undefined;
  let current = unwrap(init);
  if (ts.isAwaitExpression(current)) current = unwrap(current.expression);
  while (ts.isNewExpression(current) || ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) current = unwrap(current.expression);
  return ts.isIdentifier(current) && current.text !== name ? importedSdk(scan, current.text) : undefined;
}

function collectorSink(node: ts.CallExpression): Sink | undefined {
  const callee = unwrap(node.expression);
  const text = expressionText(callee);
  if (text === undefined) return undefined;
  const isFetch = /^(?:(?:window|globalThis|self)\.)?fetch$/.test(text);
  const isPost = /(?:^|\.)(?:post|put)$/.test(text) || text === 'navigator.sendBeacon';
  if (!isFetch && !isPost) return undefined;
  const url = node.arguments[0] ? urlText(node.arguments[0]) : undefined;
  if (url === undefined) return undefined;
  const pathname = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const path = COLLECTOR_PATHS.find((p) => pathname.endsWith(p));
  if (!path) return undefined;
  const sink: Sink = { kind: 'collector', callee: text, detail: url, call: callOfPath(path), node };
  const payload = isFetch ? fetchBody(node.arguments[1]) : node.arguments[1];
  return payload ? { ...sink, ...messageSlots(payload) } : sink;
}

function callOfPath(path: string): CallType {
  const last = path.split('/').pop();
  return last === 'identify' || last === 'page' || last === 'screen' || last === 'group' ? last : 'track';
}

/** A URL's text with `*` for what is not written: `'https://x/v1/track'`, `` `${host}/v1/track` ``, `base + '/collect'`. */
function urlText(node: ts.Expression): string | undefined {
  const bare = unwrap(node);
  if (ts.isStringLiteralLike(bare)) return bare.text;
  if (ts.isTemplateExpression(bare)) return bare.head.text + bare.templateSpans.map((s) => `*${s.literal.text}`).join('');
  if (ts.isBinaryExpression(bare) && bare.operatorToken.kind === ts.SyntaxKind.PlusToken) return `${urlText(bare.left) ?? '*'}${urlText(bare.right) ?? '*'}`;
  if (ts.isNewExpression(bare) && bare.arguments?.[0]) return urlText(bare.arguments[0]);
  return undefined;
}

/** `fetch(url, { method: 'POST', body: JSON.stringify(payload) })` -> payload. */
function fetchBody(init: ts.Expression | undefined): ts.Expression | undefined {
  const bare = init ? unwrap(init) : undefined;
  if (!bare || !ts.isObjectLiteralExpression(bare)) return undefined;
  for (const property of bare.properties) {
    if (ts.isPropertyAssignment(property) && keyOf(property.name) === 'body') return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === 'body') return property.name;
  }
  return undefined;
}

/** The name and properties of a message object (`{ event, properties }`, a one-event `{ batch: [...] }`), or the whole message. */
function messageSlots(node: ts.Expression | undefined): Pick<Sink, 'name' | 'properties' | 'message'> {
  if (!node) return {};
  let bare = unwrap(node);
  if (ts.isCallExpression(bare) && expressionText(bare.expression) === 'JSON.stringify' && bare.arguments[0]) bare = unwrap(bare.arguments[0]);
  if (!ts.isObjectLiteralExpression(bare)) return { message: bare };
  const slots: Pick<Sink, 'name' | 'properties' | 'message'> = {};
  for (const property of bare.properties) {
    if (ts.isSpreadAssignment(property)) slots.message ??= property.expression;
    const key = ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) ? keyOf(property.name) : undefined;
    if (key === undefined) continue;
    const value = ts.isPropertyAssignment(property) ? property.initializer : (property as ts.ShorthandPropertyAssignment).name;
    if (NAME_KEYS.has(key) && !slots.name) slots.name = value;
    else if (PROPERTY_KEYS.has(key) && !slots.properties) slots.properties = value;
    else if (BATCH_KEYS.has(key)) {
      const list = unwrap(value);
      const item = ts.isArrayLiteralExpression(list) ? list.elements[0] : undefined;
      if (item) return messageSlots(item);
    }
  }
  if (slots.name || slots.properties) delete slots.message;
  return slots;
}

function keyOf(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;
}
