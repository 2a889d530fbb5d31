import path from 'node:path';
import { ts } from 'ts-morph';
import type { CallType, NameTransform } from '../core/ir.js';
import { normalizeCallee, type ArgumentPath, type WrapperCall } from './config.js';
import type { Evaluator } from './evaluate.js';
import type { GeneratedFunction } from './generated-names.js';
import type { CallForm } from './model.js';
import type { FileScan } from './scan-file.js';
import { expressionText, unwrap } from './syntax.js';
import { CALL_METHODS, sdkOfDeclaration, type SdkForm } from './sdk.js';
import { isImportedReceiver, matchesFrom } from './wrapper-scope.js';

/** Where a recognised call keeps its name and properties. */
export interface CallLayout {
  form: CallForm;
  flavour?: SdkForm;
  call: CallType;
  callee: string;
  name?: ArgumentPath;
  properties?: ArgumentPath;
  /** Generated functions: the event they send. */
  eventName?: string;
  /** The properties argument may be left out because the SDK fills it (browser page, stored traits). */
  sdkFills?: boolean;
  /** The call has properties, but which argument holds them cannot be told (`identify(x)`). */
  propertiesUnknown?: boolean;
  /** Wrappers: how the wrapper changes the name before sending it. */
  rename?: NameTransform;
}

export interface ResolveContext {
  receivers: ReadonlySet<string>;
  wrappers: readonly WrapperCall[];
  generated: ReadonlyMap<string, GeneratedFunction>;
  /** The generated modules: absolute path without extension -> flavour. */
  generatedModules: ReadonlyMap<string, SdkForm>;
  /** The type checker of the project of the file being checked, or undefined when linting without it. Created on first use. */
  checker(): ts.TypeChecker | undefined;
  evaluator: Evaluator;
  /**
   * The file (absolute path) a module specifier of `containingFile` resolves to, with the compiler
   * options (`paths`, `baseUrl`, module resolution) of that file's project; undefined when it does not resolve.
   */
  resolveModule(specifier: string, containingFile: string): string | undefined;
  /** The working directory: wrapper `from:` globs are relative to it. */
  cwd: string;
}

const METHODS: ReadonlySet<string> = new Set(CALL_METHODS);
const GLOBAL_PREFIX = /^(?:window|globalThis|self)\./;

/** Decides whether a call is an analytics call and how its arguments are laid out; undefined when it is not one. */
export function resolveCall(scan: FileScan, node: ts.CallExpression, ctx: ResolveContext): CallLayout | undefined {
  const callee = node.expression;
  const calleeText = expressionText(callee) ?? callee.getText(scan.sourceFile);
  const wrapper = findWrapper(ctx.wrappers, normalizeCallee(calleeText), scan, callee, ctx);
  // A wrapper named like an SDK instance (`segment.track` and a `this.segment` of the Node SDK) is the SDK.
  if (wrapper && !isSdkInstanceCall(scan, callee, ctx)) return wrapperLayout(wrapper, calleeText);
  if (ts.isIdentifier(callee)) {
    const generated = scan.generated.get(callee.text) ?? generatedByChecker(ctx, callee);
    const fn = generated && ctx.generated.get(generated.exported);
    return fn ? generatedLayout(fn, generated!.flavour, calleeText) : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiverText = expressionText(callee.expression);
  const namespace = receiverText === undefined ? undefined : scan.generatedNamespaces.get(receiverText);
  if (namespace) {
    const fn = ctx.generated.get(method);
    return fn ? generatedLayout(fn, namespace, calleeText) : undefined;
  }
  if (!METHODS.has(method)) {
    const generated = generatedByChecker(ctx, callee.name);
    const fn = generated && ctx.generated.get(generated.exported);
    return fn ? generatedLayout(fn, generated!.flavour, calleeText) : undefined;
  }
  let form = receiverForm(scan, callee.expression, ctx, 0);
  if (!form) return undefined;
  if (form === 'browser' && looksLikeNodeMessage(node, method)) form = 'node';
  const call = method as CallType;
  return form === 'node' ? nodeLayout(call, calleeText) : browserLayout(call, node, calleeText, scan, ctx, 'browser');
}

/** The first wrapper whose callee pattern matches and whose `from:` (if any) binds the callee. */
function findWrapper(wrappers: readonly WrapperCall[], callee: string, scan: FileScan, node: ts.Expression, ctx: ResolveContext): WrapperCall | undefined {
  return wrappers.find((wrapper) => {
    const pattern = normalizeCallee(wrapper.callee);
    const named = pattern.startsWith('*.') ? callee.endsWith(pattern.slice(1)) : callee === pattern;
    return named && matchesFrom(wrapper, scan, node, ctx);
  });
}

function wrapperLayout(wrapper: WrapperCall, callee: string): CallLayout {
  const rename = wrapper.name ? { rename: wrapper.name } : {};
  if (wrapper.message !== undefined) {
    // A Node-style wrapper: its message argument is read as the Node SDK reads its first.
    const layout = nodeLayout(wrapper.call, callee, 'wrapper');
    const at = (p: ArgumentPath | undefined) => (p ? { ...p, index: wrapper.message! } : undefined);
    const name = at(layout.name);
    const properties = at(layout.properties);
    return { ...layout, ...(name ? { name } : {}), ...(properties ? { properties } : {}), ...rename };
  }
  const { event, properties } = wrapper;
  return { form: 'wrapper', call: wrapper.call, callee, ...(event ? { name: event } : {}), ...(properties ? { properties } : {}), ...rename };
}

/**
 * A method call of the SDK on a recognised instance (`new Analytics()`, an annotated field, or by
 * type): never a wrapper. The checker is asked only about a receiver imported from another module,
 * which the syntax cannot tell; asking costs the file a place in a program.
 */
function isSdkInstanceCall(scan: FileScan, callee: ts.Expression, ctx: ResolveContext): boolean {
  if (!ts.isPropertyAccessExpression(callee) || !METHODS.has(callee.name.text)) return false;
  if (receiverForm(scan, callee.expression, ctx, 1, false) !== undefined) return true;
  const checker = isImportedReceiver(scan, callee.expression) ? ctx.checker() : undefined;
  return checker ? sdkOfType(checker.getTypeAtLocation(unwrap(callee.expression))) !== undefined : false;
}

/**
 * Browser receivers by name (`analytics`, `window.rudderanalytics`), SDK instances, aliases; then
 * the checker. `byName: false` counts instances only (not the receiver names).
 */
function receiverForm(scan: FileScan, receiver: ts.Expression, ctx: ResolveContext, depth: number, byName = true): SdkForm | undefined {
  const key = expressionText(receiver);
  if (key !== undefined) {
    const instance = scan.instances.get(key);
    if (instance) return instance;
    if (byName && (ctx.receivers.has(key) || ctx.receivers.has(key.replace(GLOBAL_PREFIX, '')))) return 'browser';
    const alias = depth < 4 ? scan.vars.get(key) : undefined;
    if (alias) {
      const aliased = receiverForm(scan, alias, ctx, depth + 1, byName);
      if (aliased) return aliased;
    }
  }
  if (depth > 0) return undefined;
  const checker = ctx.checker();
  return checker ? sdkOfType(checker.getTypeAtLocation(unwrap(receiver))) : undefined;
}

/** Which SDK a value's type comes from: its declarations live in one of the SDK packages. */
function sdkOfType(type: ts.Type): SdkForm | undefined {
  for (const part of type.isUnion() ? type.types : [type]) {
    for (const symbol of [part.getSymbol(), part.aliasSymbol]) {
      for (const declaration of symbol?.getDeclarations() ?? []) {
        const form = sdkOfDeclaration(symbol!.getName(), declaration.getSourceFile().fileName);
        if (form) return form;
      }
    }
  }
  return undefined;
}

/** A function declared in a generated module, reached through re-exports or a renamed import. */
function generatedByChecker(ctx: ResolveContext, name: ts.Identifier | ts.MemberName): { exported: string; flavour: SdkForm } | undefined {
  const checker = ctx.checker();
  if (!checker) return undefined;
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.getDeclarations()?.[0];
  if (!symbol || !declaration) return undefined;
  const file = declaration.getSourceFile().fileName.replace(/(?:\.d)?\.[cm]?[jt]sx?$/, '');
  const flavour = ctx.generatedModules.get(path.resolve(file));
  return flavour ? { exported: symbol.getName(), flavour } : undefined;
}

/** `analytics.track({ event, userId })` is a Node SDK message even when the variable is called `analytics`. */
function looksLikeNodeMessage(node: ts.CallExpression, method: string): boolean {
  const first = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
  if (!first || !ts.isObjectLiteralExpression(first)) return false;
  const keys = new Set(first.properties.flatMap((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : [])));
  if (method === 'track') return keys.has('event');
  return (keys.has('userId') || keys.has('anonymousId')) && ['traits', 'properties', 'groupId', 'name', 'context'].some((k) => keys.has(k));
}

function nodeLayout(call: CallType, callee: string, form: CallForm = 'node'): CallLayout {
  const flavour = 'node';
  if (call === 'identify' || call === 'group') return { form, flavour, call, callee, properties: { index: 0, key: 'traits' } };
  if (call === 'track') return { form, flavour, call, callee, name: { index: 0, key: 'event' }, properties: { index: 0, key: 'properties' } };
  return { form, flavour, call, callee, name: { index: 0, key: 'name' }, properties: { index: 0, key: 'properties' } };
}

type ArgKind = 'string' | 'object' | 'unknown';

/** Browser SDK overloads: `page([category], [name], [properties])`, `identify([userId], [traits])`. */
function browserLayout(call: CallType, node: ts.CallExpression, callee: string, scan: FileScan, ctx: ResolveContext, form: CallForm): CallLayout {
  const args = node.arguments;
  const kind = (i: number): ArgKind | undefined => (args[i] ? argKind(args[i]!, scan, ctx) : undefined);
  const flavour = 'browser';
  if (call === 'track') return { form, flavour, call, callee, name: { index: 0 }, properties: { index: 1 } };
  if (call === 'identify' || call === 'group') {
    const first = kind(0);
    // Without a traits argument the SDK sends the traits it stored earlier.
    if (first === undefined) return { form, flavour, call, callee, sdkFills: true };
    if (first === 'object') return { form, flavour, call, callee, properties: { index: 0 } };
    if (first === 'string' || args.length >= 2) return { form, flavour, call, callee, properties: { index: 1 }, sdkFills: args.length < 2 };
    return { form, flavour, call, callee, propertiesUnknown: true };
  }
  const first = kind(0);
  const layout: CallLayout = { form, flavour, call, callee, sdkFills: true };
  if (first === undefined) return layout;
  if (first === 'object') return { ...layout, properties: { index: 0 } };
  if (first === 'unknown' && args.length === 1) return { ...layout, propertiesUnknown: true };
  if (kind(1) === 'string') return { ...layout, name: { index: 1 }, properties: { index: 2 } };
  return { ...layout, name: { index: 0 }, properties: { index: 1 } };
}

function argKind(node: ts.Expression, scan: FileScan, ctx: ResolveContext): ArgKind {
  const bare = unwrap(node);
  if (ts.isObjectLiteralExpression(bare)) return 'object';
  if (ts.isStringLiteralLike(bare) || ts.isTemplateExpression(bare)) return 'string';
  const value = ctx.evaluator.value(bare, scan.sourceFile);
  if (value.kind === 'literal') return 'string';
  if (value.kind === 'object') return 'object';
  if (value.kind === 'typed') {
    if (value.kinds.every((k) => k === 'string' || k === 'number' || k === 'null')) return 'string';
    if (value.kinds.every((k) => k === 'object')) return 'object';
  }
  return 'unknown';
}

/**
 * Generated functions (src/codegen): browser flavour `formSubmit(properties, options?)`,
 * `identify(userId, traits)`, `page(name, properties)`, `group(groupId, traits)`; Node flavour one
 * message `{ userId | anonymousId, properties | traits, name?, groupId? }`.
 */
function generatedLayout(fn: GeneratedFunction, flavour: SdkForm, callee: string): CallLayout {
  const eventName = fn.event !== undefined ? { eventName: fn.event } : {};
  if (flavour === 'node') {
    const layout = nodeLayout(fn.call, callee, 'generated');
    if (fn.call !== 'track') return layout;
    const { name: _name, ...rest } = layout;
    return { ...rest, ...eventName };
  }
  const form = 'generated';
  if (fn.call === 'track') return { form, flavour, call: 'track', callee, ...eventName, properties: { index: 0 } };
  if (fn.call === 'identify' || fn.call === 'group') return { form, flavour, call: fn.call, callee, properties: { index: 1 } };
  return { form, flavour, call: fn.call, callee, name: { index: 0 }, properties: { index: 1 }, sdkFills: fn.call === 'page' };
}
