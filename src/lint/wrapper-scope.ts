import path from 'node:path';
import picomatch from 'picomatch';
import { ts } from 'ts-morph';
import type { NameTransform } from '../core/ir.js';
import { transformName } from '../core/lint-settings.js';
import type { WrapperCall } from './config.js';
import type { CallName } from './model.js';
import { readModuleBindings } from './module-bindings.js';
import type { FileScan } from './scan-file.js';
import { unwrap } from './syntax.js';

/** What `from:` matching needs of the run. */
export interface ScopeContext {
  /** The working directory: `from:` globs are relative to it. */
  cwd: string;
  resolveModule(specifier: string, containingFile: string): string | undefined;
  checker(): ts.TypeChecker | undefined;
}

const matchers = new Map<string, (file: string) => boolean>();

/** True when `file` (absolute) matches the `from:` of a wrapper read as a path glob relative to `cwd`. */
export function fileMatchesFrom(from: string, file: string, cwd: string): boolean {
  let matcher = matchers.get(from);
  if (!matcher) {
    const test = picomatch(from, { dot: true });
    // `from: src/lib/analytics` names the file whatever its extension.
    matcher = (relative) => test(relative) || test(relative.replace(/(?:\.d)?\.[cm]?[jt]sx?$/, ''));
    matchers.set(from, matcher);
  }
  return matcher(path.relative(cwd, file).split(path.sep).join('/'));
}

/**
 * A call matches a wrapper with `from:` only when the callee's first name is bound by an import of
 * that module (the specifier as written, one resolving to the same file, or a file the glob
 * matches), or is declared in a file the glob matches. `this.x.track` goes by the class of the
 * field `x` (its annotation or `new X()`); `this.track` by the file it is written in.
 */
export function matchesFrom(wrapper: WrapperCall, scan: FileScan, callee: ts.Expression, ctx: ScopeContext): boolean {
  const from = wrapper.from;
  if (from === undefined) return true;
  const bindings = readModuleBindings(scan.sourceFile);
  let root = rootIdentifier(callee);
  if (root === 'this') {
    const field = firstField(callee);
    const type = field === undefined ? undefined : bindings.fieldTypes.get(field);
    // `this.track()` is a method of the class itself; `this.x.track()` with `x` of an unknown class is not the wrapper's.
    if (type === undefined) return field === undefined && isModule(from, scan.absolute, ctx);
    root = type;
  }
  if (root === undefined) return false;
  if (!bindings.imports.has(root)) root = bindings.typedNames.get(root) ?? root;
  const imported = bindings.imports.get(root);
  if (imported === undefined) return bindings.declared.has(root) && isModule(from, scan.absolute, ctx);
  if (imported.specifier === from) return true;
  const target = ctx.resolveModule(imported.specifier, scan.absolute);
  if (target === undefined) return false;
  if (fileMatchesFrom(from, target, ctx.cwd)) return true;
  if (!from.includes('*') && ctx.resolveModule(from, scan.absolute) === target) return true;
  // A module of the project may re-export the wrapper (a barrel); a package's is not the wrapper's.
  return !target.split(path.sep).includes('node_modules') && declaredIn(imported.node, ctx, from);
}

/** `segment` of `segment.track(...)` is imported, and no annotation or `new` in the file tells its class. */
export function isImportedReceiver(scan: FileScan, receiver: ts.Expression): boolean {
  const root = rootIdentifier(receiver);
  if (root === undefined || root === 'this') return false;
  const bindings = readModuleBindings(scan.sourceFile);
  return bindings.imports.has(root) && !bindings.typedNames.has(root);
}

/** The file is the `from:` module: the glob matches it, or the specifier resolves to it. */
function isModule(from: string, file: string, ctx: ScopeContext): boolean {
  return fileMatchesFrom(from, file, ctx.cwd) || (!from.includes('*') && ctx.resolveModule(from, file) === file);
}

/** Through a barrel (`export * from './analytics'`): where the checker says the imported name is declared. */
function declaredIn(node: ts.Identifier, ctx: ScopeContext, from: string): boolean {
  const checker = ctx.checker();
  if (!checker) return false;
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return (symbol?.getDeclarations() ?? []).some((d) => fileMatchesFrom(from, d.getSourceFile().fileName, ctx.cwd));
}

/** `a` of `a.b.c(...)`, `this` of `this.a.b(...)`. */
function rootIdentifier(node: ts.Expression): string | undefined {
  let current = unwrap(node);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isCallExpression(current)) current = unwrap(current.expression);
  if (ts.isIdentifier(current)) return current.text;
  return current.kind === ts.SyntaxKind.ThisKeyword ? 'this' : undefined;
}

/** `x` of `this.x.track`; undefined for `this.track` (a method of the class itself). */
function firstField(node: ts.Expression): string | undefined {
  const chain: string[] = [];
  let current = unwrap(node);
  while (ts.isPropertyAccessExpression(current)) {
    chain.unshift(current.name.text);
    current = unwrap(current.expression);
  }
  return chain.length >= 2 ? chain[0] : undefined;
}

/** The name a wrapper sends: its `name:` transform applied to every static value (each value once). */
export function renameCall(name: CallName, transform: NameTransform | undefined): CallName {
  if (!transform || name.kind !== 'static') return name;
  return { ...name, values: [...new Set(name.values.map((value) => transformName(value, transform)))] };
}
