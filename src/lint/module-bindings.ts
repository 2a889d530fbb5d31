import { ts } from 'ts-morph';
import { entityText, expressionText, unwrap } from './syntax.js';

/** What a file binds its names to, for `from:` of wrappers. */
export interface ModuleBindings {
  /** Local name -> the module specifier it is imported (or required) from, and the name node. */
  imports: Map<string, { specifier: string; node: ts.Identifier }>;
  /** Names the file declares itself (functions, classes, variables, parameters). */
  declared: Set<string>;
  /** Class fields and parameter properties -> the first name of their class (`: AnalyticsService`, `new AnalyticsService()`). */
  fieldTypes: Map<string, string>;
  /** Parameters and variables -> the first name of their class, the same way. */
  typedNames: Map<string, string>;
}

const cache = new WeakMap<ts.SourceFile, ModuleBindings>();

/** Reads (once per tree) the imports, declarations and field classes of a file. */
export function readModuleBindings(sourceFile: ts.SourceFile): ModuleBindings {
  let bindings = cache.get(sourceFile);
  if (!bindings) {
    bindings = collect(sourceFile);
    cache.set(sourceFile, bindings);
  }
  return bindings;
}

function collect(sourceFile: ts.SourceFile): ModuleBindings {
  const out: ModuleBindings = { imports: new Map(), declared: new Set(), fieldTypes: new Map(), typedNames: new Map() };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) readImport(node, out);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      out.imports.set(node.name.text, { specifier: node.moduleReference.expression.text, node: node.name });
    } else if (ts.isVariableDeclaration(node)) readVariable(node, out);
    else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) out.declared.add(node.name.text);
    else if (ts.isParameter(node)) {
      declare(node.name, out);
      if (ts.isIdentifier(node.name)) setType(out.typedNames, node.name.text, node.type, node.initializer);
      if (ts.isIdentifier(node.name) && isParameterProperty(node)) setType(out.fieldTypes, node.name.text, node.type, node.initializer);
    } else if (ts.isPropertyDeclaration(node) && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name))) {
      setType(out.fieldTypes, node.name.text, node.type, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

function readImport(node: ts.ImportDeclaration, out: ModuleBindings): void {
  const clause = node.importClause;
  if (!clause || !ts.isStringLiteral(node.moduleSpecifier)) return;
  const specifier = node.moduleSpecifier.text;
  if (clause.name) out.imports.set(clause.name.text, { specifier, node: clause.name });
  const named = clause.namedBindings;
  if (!named) return;
  if (ts.isNamespaceImport(named)) out.imports.set(named.name.text, { specifier, node: named.name });
  else for (const element of named.elements) out.imports.set(element.name.text, { specifier, node: element.name });
}

// `const analytics = require('@/lib/analytics')`, `const { track } = require('./analytics')`.
function readVariable(node: ts.VariableDeclaration, out: ModuleBindings): void {
  const init = node.initializer ? unwrap(node.initializer) : undefined;
  const required = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' ? init.arguments[0] : undefined;
  if (!required || !ts.isStringLiteralLike(required)) {
    declare(node.name, out);
    if (ts.isIdentifier(node.name)) setType(out.typedNames, node.name.text, node.type, node.initializer);
    return;
  }
  const names = ts.isIdentifier(node.name) ? [node.name] : ts.isObjectBindingPattern(node.name) ? node.name.elements.map((e) => e.name) : [];
  for (const name of names) if (ts.isIdentifier(name)) out.imports.set(name.text, { specifier: required.text, node: name });
}

function declare(name: ts.BindingName, out: ModuleBindings): void {
  if (ts.isIdentifier(name)) out.declared.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) declare(element.name, out);
}

function setType(map: Map<string, string>, field: string, type: ts.TypeNode | undefined, init: ts.Expression | undefined): void {
  let name: string | undefined;
  if (type && ts.isTypeReferenceNode(type)) name = entityText(type.typeName);
  else if (init && ts.isNewExpression(unwrap(init))) name = expressionText((unwrap(init) as ts.NewExpression).expression);
  if (name !== undefined) map.set(field, name.split('.')[0]!);
}

const FIELD_MODIFIERS = new Set([ts.SyntaxKind.PublicKeyword, ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.ReadonlyKeyword]);

/** `constructor(private analyticsService: AnalyticsService)` (the trees are parsed without parent links). */
function isParameterProperty(node: ts.ParameterDeclaration): boolean {
  return (node.modifiers ?? []).some((m) => FIELD_MODIFIERS.has(m.kind));
}
