import path from 'node:path';
import { ts } from 'ts-morph';
import type { ArgumentPath } from '../core/ir.js';
import type { SuggestedCall, SuggestWrappersResult, WrapperSuggestion } from '../core/wrapper-suggestions.js';
import { Evaluator } from './evaluate.js';
import type { SourceText } from './lint-sources.js';
import { scriptKindOf, syntaxProblems } from './parse.js';
import { buildPrefilter } from './prefilter.js';
import type { ResolveContext } from './resolve-call.js';
import { scanFile, type FileScan } from './scan-file.js';
import { CALL_METHODS } from './sdk.js';
import { flowOf, type FunctionLike } from './suggest-flow.js';
import { findSink, type Sink } from './suggest-sinks.js';

export type { SuggestedCall, SuggestWrappersResult, WrapperSuggestion } from '../core/wrapper-suggestions.js';

export interface SuggestWrappersOptions {
  /** File names and `from:` paths are relative to it. */
  cwd: string;
  /** Browser SDK receivers (`analytics`, `rudderanalytics` and the plan's). */
  receivers: readonly string[];
  /** Resolves an import specifier from a file (the file's own project options). */
  resolveModule(specifier: string, containingFile: string): string | undefined;
  /** The import specifier callers use for a module, when one is obvious (see suggest-from.ts). */
  aliasOf?(file: string): string | undefined;
}

const SINK_METHODS = [...CALL_METHODS, 'capture', 'logEvent', 'post', 'put', 'sendBeacon', 'fetch'];
const SINK_FUNCTIONS = ['fetch', 'track', 'capture', 'identify', 'page', 'screen', 'group'];

/**
 * Finds wrapper functions: functions (and methods) with a parameter that flows into a sink's
 * name, properties or message. Syntactic only: no type checker.
 */
export function suggestWrappers(sources: readonly SourceText[], options: SuggestWrappersOptions): SuggestWrappersResult {
  const prefilter = buildPrefilter(SINK_METHODS, SINK_FUNCTIONS);
  const display = (file: string) => path.relative(options.cwd, file).split(path.sep).join('/');
  let current: FileScan | undefined;
  const evaluator = new Evaluator({ bindings: (sf) => current ?? { file: display(sf.fileName), consts: new Map(), enums: new Map(), params: new Map() }, checker: () => undefined });
  const ctx: ResolveContext = {
    receivers: new Set(options.receivers), wrappers: [], generated: new Map(), generatedModules: new Map(), checker: () => undefined,
    evaluator, resolveModule: options.resolveModule, cwd: options.cwd,
  };
  const found = new Map<FunctionLike, WrapperSuggestion>();
  let parsed = 0;
  for (const source of sources) {
    if (!prefilter.test(source.text)) continue;
    const absolute = path.resolve(source.file);
    const sourceFile = ts.createSourceFile(absolute, source.text, ts.ScriptTarget.Latest, true, scriptKindOf(absolute));
    parsed++;
    if (syntaxProblems(sourceFile).length > 0) continue;
    current = scanFile(sourceFile, display(absolute), absolute, { methodNames: new Set(SINK_METHODS), functionNames: new Set(SINK_FUNCTIONS), generatedModules: new Map() });
    for (const node of current.calls) {
      const sink = findSink(current, node, ctx);
      const suggestion = sink && suggestionOf(sink, sourceFile, options, display);
      if (suggestion && !found.has(suggestion.fn)) found.set(suggestion.fn, suggestion.suggestion);
    }
    current = undefined;
  }
  const suggestions = [...found.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { suggestions, files: sources.length, parsed };
}

function suggestionOf(sink: Sink, sf: ts.SourceFile, options: SuggestWrappersOptions, display: (file: string) => string): { fn: FunctionLike; suggestion: WrapperSuggestion } | undefined {
  const name = sink.name ? flowOf(sink.name) : undefined;
  const message = sink.message ? flowOf(sink.message) : undefined;
  const properties = sink.properties ? flowOf(sink.properties) : undefined;
  const carriesName = sink.call !== 'identify' && sink.call !== 'group';
  const lead = carriesName ? (name ?? message) : (properties ?? message);
  if (!lead) return undefined;
  const fn = lead.fn;
  const naming = nameOf(fn);
  if (!naming) return undefined;
  const call: SuggestedCall = { callee: naming.callee, from: options.aliasOf?.(sf.fileName) ?? display(sf.fileName) };
  if (sink.call !== 'track') call.type = sink.call;
  if (lead === message && message.path.key === undefined && !message.transform && !message.mixed) call.message = message.path.index;
  else if (lead === message) return undefined;
  else {
    if (carriesName && name) call.event = argument(name.path);
    if (properties && properties.fn === fn && !properties.transform) call.properties = argument(properties.path);
    else if (!carriesName && properties) return undefined;
    if (name?.transform) call.name = name.transform;
  }
  const at = sf.getLineAndCharacterOfPosition(naming.node.getStart(sf));
  const sinkAt = sf.getLineAndCharacterOfPosition(sink.node.getStart(sf));
  return {
    fn,
    suggestion: {
      file: display(sf.fileName), line: at.line + 1, column: at.character + 1, function: naming.display,
      sink: { kind: sink.kind, callee: sink.callee, detail: sink.detail, line: sinkAt.line + 1, column: sinkAt.character + 1 },
      entry: call,
    },
  };
}

/** `1` or `'0.name'`, as `lint.calls` takes it. */
function argument(path: ArgumentPath): number | string {
  return path.key === undefined ? path.index : `${path.index}.${path.key}`;
}

/**
 * How callers call a function: its name, `object.method` for a method of an object literal held
 * in a variable, `*.method` for a class method (callers reach it through fields and parameters
 * of any name; `from:` ties it to the class).
 */
function nameOf(fn: FunctionLike): { callee: string; display: string; node: ts.Node } | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name ? { callee: fn.name.text, display: fn.name.text, node: fn.name } : undefined;
  const holder = ts.isMethodDeclaration(fn) ? fn : fn.parent;
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return { callee: holder.name.text, display: holder.name.text, node: holder.name };
  if (!ts.isMethodDeclaration(holder) && !ts.isPropertyAssignment(holder) && !ts.isPropertyDeclaration(holder)) return undefined;
  const key = holder.name;
  if (!ts.isIdentifier(key) && !ts.isStringLiteral(key)) return undefined;
  const owner = holder.parent;
  if (ts.isClassLike(owner)) {
    const className = owner.name?.text ?? (ts.isVariableDeclaration(owner.parent) && ts.isIdentifier(owner.parent.name) ? owner.parent.name.text : undefined);
    return className ? { callee: `*.${key.text}`, display: `${className}.${key.text}`, node: key } : undefined;
  }
  if (ts.isObjectLiteralExpression(owner) && ts.isVariableDeclaration(owner.parent) && ts.isIdentifier(owner.parent.name)) {
    const callee = `${owner.parent.name.text}.${key.text}`;
    return { callee, display: callee, node: key };
  }
  return undefined;
}
