import path from 'node:path';
import { ts } from 'ts-morph';
import { findIgnoreComments, type IgnoreComment } from './ignore-comments.js';
import { sdkModule, type SdkForm } from './sdk.js';
import { entityText, expressionText, unwrap } from './syntax.js';

/** What one walk over a file's raw compiler nodes collects: candidate calls and the bindings needed to resolve them. */
export interface FileScan {
  file: string;
  absolute: string;
  sourceFile: ts.SourceFile;
  calls: ts.CallExpression[];
  /** `const` names and their initializers; `null` when the name is declared more than once (scopes differ). */
  consts: Map<string, ts.Expression | null>;
  /** Every variable's initializer (for aliases like `const a = analytics`); `null` when ambiguous. */
  vars: Map<string, ts.Expression | null>;
  enums: Map<string, ts.EnumDeclaration | null>;
  /** Parameters typed with string literals (`event: 'create' | 'update'`); `null` when the name is declared more than once. */
  params: Map<string, ts.TypeNode | null>;
  /** Local names of the SDK client classes, and of namespaces that hold them. */
  sdkClasses: Map<string, SdkForm>;
  sdkNamespaces: Map<string, SdkForm>;
  /** Receivers (`client`, `this.client`) bound to SDK instances by `new`, `.load()` or a type annotation. */
  instances: Map<string, SdkForm>;
  /** Generated functions imported by name (local name -> exported name and module flavour), and namespaces of generated modules. */
  generated: Map<string, { exported: string; flavour: SdkForm }>;
  generatedNamespaces: Map<string, SdkForm>;
  ignores: IgnoreComment[];
}

export interface ScanOptions {
  /** Method names worth a look (`track`, ..., the last segment of wrapper callees, generated names). */
  methodNames: ReadonlySet<string>;
  /** Bare function names worth a look (wrappers, generated functions). */
  functionNames: ReadonlySet<string>;
  /** The generated modules: absolute path without extension -> flavour. */
  generatedModules: ReadonlyMap<string, SdkForm>;
  /**
   * Where the prefilter saw possible calls (ascending offsets). Expression subtrees without one
   * are not walked; statements and declarations always are (they bind consts and instances).
   */
  candidates?: readonly number[];
}

interface Binding {
  key: string;
  init?: ts.Expression;
  typeName?: string;
}

const EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/** Statements and declarations: walked whatever they hold, since they bind names calls refer to. */
const ALWAYS_WALK = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.SourceFile, ts.SyntaxKind.Block, ts.SyntaxKind.ModuleDeclaration, ts.SyntaxKind.ModuleBlock,
  ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor, ts.SyntaxKind.GetAccessor, ts.SyntaxKind.SetAccessor, ts.SyntaxKind.ClassStaticBlockDeclaration,
  ts.SyntaxKind.VariableStatement, ts.SyntaxKind.VariableDeclarationList, ts.SyntaxKind.ExpressionStatement,
  ts.SyntaxKind.IfStatement, ts.SyntaxKind.ForStatement, ts.SyntaxKind.ForInStatement, ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement, ts.SyntaxKind.DoStatement, ts.SyntaxKind.TryStatement, ts.SyntaxKind.CatchClause,
  ts.SyntaxKind.SwitchStatement, ts.SyntaxKind.CaseBlock, ts.SyntaxKind.CaseClause, ts.SyntaxKind.DefaultClause,
  ts.SyntaxKind.LabeledStatement, ts.SyntaxKind.ExportAssignment,
]);

/** Reads a file's candidate calls, SDK imports and instances, and the constants the evaluator may need. */
export function scanFile(sourceFile: ts.SourceFile, file: string, absolute: string, options: ScanOptions): FileScan {
  const scanner = new FileScanner(sourceFile, file, absolute, options);
  scanner.visit(sourceFile);
  return scanner.finish();
}

/** One walk over a file; each kind of node it cares about has its reader. */
class FileScanner {
  readonly scan: FileScan;
  private readonly bindings: Binding[] = [];
  private readonly functionNames: Set<string>;
  /**
   * How often each name is declared (variables, parameters, functions, classes, catch clauses): a
   * const shadowed anywhere in the file is left to the checker, which knows the scopes.
   */
  private readonly declared = new Map<string, number>();
  private readonly candidates: readonly number[] | undefined;
  private fullWalk: boolean;

  constructor(sourceFile: ts.SourceFile, file: string, private readonly absolute: string, private readonly options: ScanOptions) {
    this.scan = {
      file, absolute, sourceFile, calls: [], consts: new Map(), vars: new Map(), enums: new Map(), params: new Map(),
      sdkClasses: new Map(), sdkNamespaces: new Map(), instances: new Map(), generated: new Map(),
      generatedNamespaces: new Map(), ignores: findIgnoreComments(sourceFile.text, file),
    };
    this.functionNames = new Set(options.functionNames);
    this.candidates = options.candidates;
    this.fullWalk = options.candidates === undefined;
  }

  readonly visit = (node: ts.Node): void => {
    // Types hold no calls: skip their subtrees (annotations are read where they are declared).
    if (node.kind >= ts.SyntaxKind.FirstTypeNode && node.kind <= ts.SyntaxKind.LastTypeNode) return;
    switch (node.kind) {
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
        return;
      case ts.SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        const callee = call.expression;
        if (ts.isPropertyAccessExpression(callee) ? this.options.methodNames.has(callee.name.text) : ts.isIdentifier(callee) && this.functionNames.has(callee.text)) {
          this.scan.calls.push(call);
        }
        break;
      }
      case ts.SyntaxKind.ImportDeclaration:
        this.readImport(node as ts.ImportDeclaration);
        return;
      case ts.SyntaxKind.VariableDeclarationList: {
        const list = node as ts.VariableDeclarationList;
        const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
        for (const declaration of list.declarations) this.readVariable(declaration, isConst);
        break;
      }
      case ts.SyntaxKind.EnumDeclaration: {
        const declaration = node as ts.EnumDeclaration;
        this.setOnce(this.scan.enums, declaration.name.text, declaration);
        break;
      }
      case ts.SyntaxKind.PropertyDeclaration: {
        const property = node as ts.PropertyDeclaration;
        if ((ts.isIdentifier(property.name) || ts.isPrivateIdentifier(property.name)) && mayBindInstance(property.initializer, property.type)) {
          this.bindings.push({ key: `this.${property.name.text}`, ...bindingParts(property.initializer, property.type) });
        }
        break;
      }
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.ClassDeclaration:
        this.declare((node as ts.FunctionDeclaration | ts.ClassDeclaration).name);
        break;
      case ts.SyntaxKind.CatchClause:
        this.declare((node as ts.CatchClause).variableDeclaration?.name);
        break;
      case ts.SyntaxKind.Parameter: {
        const parameter = node as ts.ParameterDeclaration;
        this.declare(parameter.name);
        if (ts.isIdentifier(parameter.name) && !parameter.questionToken && parameter.type && isLiteralUnion(parameter.type)) this.setOnce(this.scan.params, parameter.name.text, parameter.type);
        if (ts.isIdentifier(parameter.name) && parameter.type && ts.isTypeReferenceNode(parameter.type)) {
          const parts = bindingParts(undefined, parameter.type);
          this.bindings.push({ key: parameter.name.text, ...parts }, { key: `this.${parameter.name.text}`, ...parts });
        }
        break;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        if (binary.operatorToken.kind === ts.SyntaxKind.EqualsToken && mayBindInstance(binary.right, undefined)) {
          const key = expressionText(binary.left);
          if (key) this.bindings.push({ key, init: binary.right });
        }
        break;
      }
      default:
        break;
    }
    if (this.fullWalk || ALWAYS_WALK.has(node.kind) || this.holdsCandidate(node)) ts.forEachChild(node, this.visit);
  };

  /** Shadowed constants are dropped; instances are resolved once every binding is known. */
  finish(): FileScan {
    for (const map of [this.scan.consts, this.scan.vars, this.scan.params]) {
      for (const name of map.keys()) if ((this.declared.get(name) ?? 0) > 1) map.set(name, null);
    }
    resolveInstances(this.scan, this.bindings, this.declared);
    return this.scan;
  }

  private setOnce<T>(map: Map<string, T | null>, key: string, value: T): void {
    map.set(key, map.has(key) ? null : value);
  }

  private declare(name: ts.BindingName | undefined): void {
    if (!name) return;
    if (ts.isIdentifier(name)) this.declared.set(name.text, (this.declared.get(name.text) ?? 0) + 1);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) this.declare(element.name);
  }

  private holdsCandidate(node: ts.Node): boolean {
    let low = 0;
    let high = this.candidates!.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.candidates![mid]! < node.pos) low = mid + 1;
      else high = mid;
    }
    return low < this.candidates!.length && this.candidates![low]! < node.end;
  }

  private readVariable(declaration: ts.VariableDeclaration, isConst: boolean): void {
    const init = declaration.initializer;
    this.declare(declaration.name);
    if (ts.isIdentifier(declaration.name)) {
      const name = declaration.name.text;
      if (init) {
        this.setOnce(this.scan.vars, name, init);
        if (isConst) this.setOnce(this.scan.consts, name, init);
      }
      if (mayBindInstance(init, declaration.type)) this.bindings.push({ key: name, ...bindingParts(init, declaration.type) });
    }
    if (init && ts.isCallExpression(unwrap(init))) this.readRequire(unwrap(init) as ts.CallExpression, declaration.name);
  }

  // `const Analytics = require('@rudderstack/rudder-sdk-node')`, `const { Analytics } = require('@segment/analytics-node')`.
  private readRequire(call: ts.CallExpression, name: ts.BindingName | undefined): void {
    if (!name || !ts.isIdentifier(call.expression) || call.expression.text !== 'require') return;
    const specifier = call.arguments[0];
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const sdk = sdkModule(specifier.text);
    if (sdk) {
      if (ts.isIdentifier(name)) {
        // CommonJS `export =` of rudder-sdk-node is the class itself; others are namespaces of exports.
        this.scan.sdkClasses.set(name.text, sdk.form);
        this.scan.sdkNamespaces.set(name.text, sdk.form);
      } else if (ts.isObjectBindingPattern(name)) {
        for (const element of name.elements) {
          const imported = (element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName : element.name);
          if (ts.isIdentifier(imported) && ts.isIdentifier(element.name) && sdk.classes.includes(imported.text)) this.scan.sdkClasses.set(element.name.text, sdk.form);
        }
      }
      return;
    }
    const flavour = this.generatedFlavour(specifier.text);
    if (flavour) {
      if (ts.isIdentifier(name)) this.scan.generatedNamespaces.set(name.text, flavour);
      else if (ts.isObjectBindingPattern(name)) {
        for (const element of name.elements) {
          const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName : element.name;
          if (ts.isIdentifier(imported) && ts.isIdentifier(element.name)) this.addGenerated(element.name.text, imported.text, flavour);
        }
      }
    }
  }

  private readImport(declaration: ts.ImportDeclaration): void {
    const clause = declaration.importClause;
    if (!clause || !ts.isStringLiteral(declaration.moduleSpecifier)) return;
    const specifier = declaration.moduleSpecifier.text;
    const sdk = sdkModule(specifier);
    const generated = sdk ? undefined : this.generatedFlavour(specifier);
    if (!sdk && !generated) return;
    if (clause.name) {
      if (sdk && sdk.classes.includes('default')) this.scan.sdkClasses.set(clause.name.text, sdk.form);
    }
    const bindingsNode = clause.namedBindings;
    if (!bindingsNode) return;
    if (ts.isNamespaceImport(bindingsNode)) {
      if (sdk) this.scan.sdkNamespaces.set(bindingsNode.name.text, sdk.form);
      else if (generated) this.scan.generatedNamespaces.set(bindingsNode.name.text, generated);
      return;
    }
    for (const element of bindingsNode.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (sdk && sdk.classes.includes(imported)) this.scan.sdkClasses.set(element.name.text, sdk.form);
      if (generated) this.addGenerated(element.name.text, imported, generated);
    }
  }

  private addGenerated(local: string, exported: string, flavour: SdkForm): void {
    this.scan.generated.set(local, { exported, flavour });
    // A renamed import is called by a name the prefilter did not look for: walk everything.
    if (!this.functionNames.has(local)) this.fullWalk = true;
    this.functionNames.add(local);
  }

  /** The flavour of the generated module an import specifier names (relative, or ending in `generated/tracking`). */
  private generatedFlavour(specifier: string): SdkForm | undefined {
    const bare = specifier.replace(EXTENSION, '');
    if (specifier.startsWith('.')) return this.options.generatedModules.get(path.resolve(path.dirname(this.absolute), bare));
    for (const [module, flavour] of this.options.generatedModules) {
      const suffix = module.split(path.sep).slice(-2).join('/');
      if (bare === suffix || bare.endsWith(`/${suffix}`)) return flavour;
    }
    return undefined;
  }
}

/** `'a'`, `'a' | 'b'`: a type that spells out its string values. */
function isLiteralUnion(type: ts.TypeNode): boolean {
  const parts = ts.isUnionTypeNode(type) ? type.types : [type];
  return parts.every((part) => ts.isLiteralTypeNode(part) && ts.isStringLiteral(part.literal));
}

/** Only `new X()`, `X.load()` or a `: X` annotation can bind an SDK instance: the rest is not worth a record. */
function mayBindInstance(init: ts.Expression | undefined, type: ts.TypeNode | undefined): boolean {
  if (type && ts.isTypeReferenceNode(type)) return true;
  if (!init) return false;
  const bare = unwrap(init);
  return ts.isNewExpression(bare) || ts.isCallExpression(bare);
}

function bindingParts(init: ts.Expression | undefined, type: ts.TypeNode | undefined): Omit<Binding, 'key'> {
  const typeName = type && ts.isTypeReferenceNode(type) ? entityText(type.typeName) : undefined;
  return { ...(init ? { init } : {}), ...(typeName ? { typeName } : {}) };
}

/** Receivers bound to `new Analytics(...)`, `AnalyticsBrowser.load(...)`, or annotated with an SDK class. */
function resolveInstances(scan: FileScan, bindings: Binding[], declared: ReadonlyMap<string, number>): void {
  const resolved = new Map<string, number>();
  const formOfClass = (text: string | undefined): SdkForm | undefined => {
    if (!text) return undefined;
    const direct = scan.sdkClasses.get(text);
    if (direct) return direct;
    const [namespace, member] = text.split('.');
    return member !== undefined ? scan.sdkNamespaces.get(namespace!) : undefined;
  };
  for (const binding of bindings) {
    let form = formOfClass(binding.typeName);
    const init = binding.init ? unwrap(binding.init) : undefined;
    if (!form && init && ts.isNewExpression(init)) form = formOfClass(expressionText(init.expression));
    if (!form && init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'load') {
      form = formOfClass(expressionText(init.expression.expression));
    }
    if (form) {
      scan.instances.set(binding.key, form);
      resolved.set(binding.key, (resolved.get(binding.key) ?? 0) + 1);
    }
  }
  // A name declared again as something else (`function f(client: Other)`) is left to the checker.
  for (const [key, count] of resolved) {
    if (!key.includes('.') && (declared.get(key) ?? 0) > count) scan.instances.delete(key);
  }
}
