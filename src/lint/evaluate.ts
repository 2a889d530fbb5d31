import { ts } from 'ts-morph';
import type { FileLocation } from '../core/location.js';
import type { ArrayElement, CallName, Literal, ObjectEntry, StaticValue } from './model.js';
import { unwrap } from './syntax.js';
import { spanOf } from './spans.js';
import { typeToValue } from './type-values.js';

/** What the evaluator needs about a file: its display name and its `const` and `enum` declarations. */
export interface FileBindings {
  file: string;
  consts: Map<string, ts.Expression | null>;
  enums: Map<string, ts.EnumDeclaration | null>;
  /** Parameters typed with string literals, read from the syntax when the checker is not asked. */
  params: Map<string, ts.TypeNode | null>;
}

export interface EvaluatorHost {
  bindings(sourceFile: ts.SourceFile): FileBindings;
  /**
   * The type checker of the project of the file being checked (the program every node the
   * evaluator reaches belongs to), or undefined when linting without it. Created on first use.
   */
  checker(): ts.TypeChecker | undefined;
}

const MAX_DEPTH = 12;

/**
 * Static evaluation of call arguments: literals, `const` variables, enum members, `as const`
 * objects, templates and object literals from the syntax; the type checker only for what the
 * syntax cannot tell (values of other types, imports, non-literal expressions).
 */
export class Evaluator {
  constructor(private readonly host: EvaluatorHost) {}

  value(node: ts.Expression, sourceFile: ts.SourceFile, depth = 0): StaticValue {
    if (depth > MAX_DEPTH) return { kind: 'unknown' };
    const expression = unwrap(node);
    const syntactic = this.syntactic(expression, sourceFile, depth);
    if (syntactic) return syntactic;
    return this.byType(expression, sourceFile);
  }

  /** The event or page name: every value it can statically take, or dynamic. */
  name(node: ts.Expression, sourceFile: ts.SourceFile): CallName {
    const { file } = this.host.bindings(sourceFile);
    const span = spanOf(node, sourceFile, file);
    const value = this.value(node, sourceFile);
    const strings = stringValues(value);
    if (strings) return { kind: 'static', values: strings, span };
    return { kind: 'dynamic', text: node.getText(sourceFile), span };
  }

  span(node: ts.Node, sourceFile: ts.SourceFile): FileLocation {
    return spanOf(node, sourceFile, this.host.bindings(sourceFile).file);
  }

  private syntactic(node: ts.Expression, sf: ts.SourceFile, depth: number): StaticValue | undefined {
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return literal((node as ts.StringLiteral).text);
      case ts.SyntaxKind.NumericLiteral:
        return literal(Number((node as ts.NumericLiteral).text));
      case ts.SyntaxKind.TrueKeyword:
        return literal(true);
      case ts.SyntaxKind.FalseKeyword:
        return literal(false);
      case ts.SyntaxKind.NullKeyword:
        return literal(null);
      case ts.SyntaxKind.PrefixUnaryExpression: {
        const unary = node as ts.PrefixUnaryExpression;
        const operand = this.syntactic(unwrap(unary.operand), sf, depth + 1);
        if (operand?.kind === 'literal' && typeof operand.value === 'number') {
          if (unary.operator === ts.SyntaxKind.MinusToken) return literal(-operand.value);
          if (unary.operator === ts.SyntaxKind.PlusToken) return operand;
        }
        return undefined;
      }
      case ts.SyntaxKind.VoidExpression:
        return { kind: 'undefined' };
      case ts.SyntaxKind.TemplateExpression:
        return this.template(node as ts.TemplateExpression, sf, depth);
      case ts.SyntaxKind.BinaryExpression:
        return this.binary(node as ts.BinaryExpression, sf, depth);
      case ts.SyntaxKind.ConditionalExpression: {
        const conditional = node as ts.ConditionalExpression;
        return union([this.value(conditional.whenTrue, sf, depth + 1), this.value(conditional.whenFalse, sf, depth + 1)]);
      }
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.object(node as ts.ObjectLiteralExpression, sf, depth);
      case ts.SyntaxKind.ArrayLiteralExpression:
        return this.array(node as ts.ArrayLiteralExpression, sf, depth);
      case ts.SyntaxKind.Identifier:
        return this.identifier(node as ts.Identifier, sf, depth);
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        return this.member(node as ts.PropertyAccessExpression | ts.ElementAccessExpression, sf, depth);
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression:
        return { kind: 'unknown' };
      default:
        return undefined;
    }
  }

  /** A template's every value: each part a literal or a union of literals (`${b ? 'A' : 'B'}`), combined. */
  private template(node: ts.TemplateExpression, sf: ts.SourceFile, depth: number): StaticValue {
    let texts: string[] | undefined = [node.head.text];
    for (const span of node.templateSpans) {
      const part = this.value(span.expression, sf, depth + 1);
      texts = combine(texts, textValues(part), [span.literal.text]);
      if (!texts) return { kind: 'typed', kinds: ['string'], maybeUndefined: false };
    }
    return stringsValue(texts);
  }

  private binary(node: ts.BinaryExpression, sf: ts.SourceFile, depth: number): StaticValue | undefined {
    if (node.operatorToken.kind !== ts.SyntaxKind.PlusToken) return undefined;
    const left = this.value(node.left, sf, depth + 1);
    const right = this.value(node.right, sf, depth + 1);
    if (left.kind === 'literal' && right.kind === 'literal' && typeof left.value === 'number' && typeof right.value === 'number') {
      return literal(left.value + right.value);
    }
    if (!isStringy(left) && !isStringy(right)) return undefined;
    // `'Snapshot: ' + event` with `event: 'create' | 'update'`: every combination.
    const texts = combine(textValues(left), textValues(right), ['']);
    return texts ? stringsValue(texts) : { kind: 'typed', kinds: ['string'], maybeUndefined: false };
  }

  private object(node: ts.ObjectLiteralExpression, sf: ts.SourceFile, depth: number): StaticValue {
    const entries = new Map<string, ObjectEntry>();
    let complete = true;
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) {
        const key = this.propertyKey(property.name, sf, depth);
        if (key === undefined) {
          complete = false;
          continue;
        }
        const valueNode = ts.isPropertyAssignment(property) ? property.initializer : property.name;
        entries.delete(key);
        entries.set(key, {
          key,
          value: this.value(valueNode, sf, depth + 1),
          keySpan: this.span(property.name, sf),
          valueSpan: this.span(valueNode, sf),
          valueNode: { node: valueNode, sourceFile: sf },
          optional: false,
          written: true,
        });
      } else if (ts.isSpreadAssignment(property)) {
        const spread = this.value(property.expression, sf, depth + 1);
        if (spread.kind === 'object') {
          for (const entry of spread.entries) {
            entries.delete(entry.key);
            entries.set(entry.key, entry);
          }
          complete &&= spread.complete;
        } else if (!(spread.kind === 'undefined' || (spread.kind === 'literal' && spread.value === null))) complete = false;
      } else if (ts.isGetAccessorDeclaration(property)) {
        const key = this.propertyKey(property.name, sf, depth);
        if (key === undefined) complete = false;
        else {
          const span = this.span(property.name, sf);
          entries.set(key, { key, value: { kind: 'unknown' }, keySpan: span, valueSpan: span, optional: false, written: true });
        }
      }
      // Methods are functions: JSON leaves them out of the payload.
    }
    return { kind: 'object', entries: [...entries.values()], complete };
  }

  private array(node: ts.ArrayLiteralExpression, sf: ts.SourceFile, depth: number): StaticValue {
    const elements: ArrayElement[] = [];
    for (const element of node.elements) {
      if (ts.isSpreadElement(element)) {
        const spread = this.value(element.expression, sf, depth + 1);
        if (spread.kind === 'array') elements.push(...spread.elements);
        continue;
      }
      if (element.kind === ts.SyntaxKind.OmittedExpression) continue;
      elements.push({ value: this.value(element, sf, depth + 1), span: this.span(element, sf) });
    }
    return { kind: 'array', elements };
  }

  private identifier(node: ts.Identifier, sf: ts.SourceFile, depth: number): StaticValue | undefined {
    if (node.text === 'undefined') return { kind: 'undefined' };
    const bindings = this.host.bindings(sf);
    const init = bindings.consts.get(node.text);
    if (init) return this.value(init, sf, depth + 1);
    const param = bindings.params.get(node.text);
    if (param) return literalUnion(param);
    // Not declared here, or declared in several scopes: the checker knows which declaration it is.
    const checker = this.host.checker();
    const declaration = checker ? constDeclaration(checker, node) : undefined;
    if (declaration?.initializer) return this.value(declaration.initializer, declaration.getSourceFile(), depth + 1);
    return undefined;
  }

  private member(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, sf: ts.SourceFile, depth: number): StaticValue | undefined {
    const key = ts.isPropertyAccessExpression(node) ? node.name.text : this.propertyKeyOf(node.argumentExpression, sf, depth);
    if (key === undefined) return undefined;
    const target = unwrap(node.expression);
    if (ts.isIdentifier(target)) {
      const enumDeclaration = this.host.bindings(sf).enums.get(target.text);
      if (enumDeclaration) return enumMemberValue(enumDeclaration, key);
    }
    const object = this.syntactic(target, sf, depth + 1);
    if (object?.kind === 'object') {
      const entry = object.entries.find((e) => e.key === key);
      if (entry) return entry.value;
    }
    const constant = this.host.checker()?.getConstantValue(node);
    return constant === undefined ? undefined : literal(constant);
  }

  private byType(node: ts.Expression, sf: ts.SourceFile): StaticValue {
    const checker = this.host.checker();
    if (!checker) return { kind: 'unknown' };
    const span = this.span(node, sf);
    return typeToValue(checker, checker.getTypeAtLocation(node), span);
  }

  private propertyKey(name: ts.PropertyName, sf: ts.SourceFile, depth: number): string | undefined {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
    if (ts.isPrivateIdentifier(name)) return undefined;
    if (ts.isComputedPropertyName(name)) return this.propertyKeyOf(name.expression, sf, depth);
    return undefined;
  }

  private propertyKeyOf(node: ts.Expression, sf: ts.SourceFile, depth: number): string | undefined {
    const value = this.value(node, sf, depth + 1);
    if (value.kind === 'literal' && (typeof value.value === 'string' || typeof value.value === 'number')) return String(value.value);
    return undefined;
  }
}

function literal(value: Literal): StaticValue {
  return { kind: 'literal', value };
}

function isStringy(value: StaticValue): boolean {
  return (value.kind === 'literal' && typeof value.value === 'string') || (value.kind === 'typed' && value.kinds.length === 1 && value.kinds[0] === 'string');
}

/** More names than this from one expression is a computed name, not a handful of spelled-out ones. */
const MAX_COMBINATIONS = 64;

/** The texts a value takes when written into a string: a literal's, or each literal of a union; undefined when not all known. */
function textValues(value: StaticValue): string[] | undefined {
  if (value.kind === 'literal') return [String(value.value)];
  if (value.kind === 'typed' && value.literals && value.literals.length > 0 && !value.maybeUndefined) return value.literals.map(String);
  return undefined;
}

/** Every `a + b + c` of the three lists, in order, without repeats; undefined when a list is unknown or there are too many. */
function combine(first: string[] | undefined, second: string[] | undefined, third: string[]): string[] | undefined {
  if (!first || !second || first.length * second.length * third.length > MAX_COMBINATIONS) return undefined;
  return [...new Set(first.flatMap((a) => second.flatMap((b) => third.map((c) => a + b + c))))];
}

function stringsValue(texts: string[]): StaticValue {
  return texts.length === 1 ? literal(texts[0]!) : { kind: 'typed', kinds: ['string'], literals: texts, maybeUndefined: false };
}

/** The string values a name can take, or undefined when any is not a known string. */
export function stringValues(value: StaticValue): string[] | undefined {
  if (value.kind === 'literal') return typeof value.value === 'string' ? [value.value] : undefined;
  if (value.kind === 'typed' && value.literals && value.literals.length > 0 && value.literals.every((v) => typeof v === 'string')) {
    return [...new Set(value.literals as string[])];
  }
  return undefined;
}

/**
 * `c ? 'a' : 'b'`: a union of literals when both sides are literals; `c ? { a } : {}` (a spread
 * idiom): an object whose keys missing on one side are optional; otherwise unknown.
 */
function union(values: StaticValue[]): StaticValue {
  const objects = values.filter((v) => v.kind === 'object');
  const empty = (v: StaticValue) => v.kind === 'undefined' || (v.kind === 'literal' && v.value === null);
  if (objects.length > 0 && values.every((v) => v.kind === 'object' || empty(v))) return mergeObjects(objects, objects.length === values.length);
  const literals: Literal[] = [];
  const kinds = new Set<string>();
  let maybeUndefined = false;
  for (const value of values) {
    if (value.kind === 'literal') {
      literals.push(value.value);
      kinds.add(value.value === null ? 'null' : typeof value.value);
    } else if (value.kind === 'undefined') maybeUndefined = true;
    else return { kind: 'unknown' };
  }
  return { kind: 'typed', kinds: [...kinds] as ('string' | 'number' | 'boolean' | 'null')[], literals, maybeUndefined };
}

function mergeObjects(objects: Extract<StaticValue, { kind: 'object' }>[], always: boolean): StaticValue {
  const merged = new Map<string, ObjectEntry>();
  for (const object of objects) {
    for (const entry of object.entries) {
      const inAll = always && objects.every((o) => o.entries.some((e) => e.key === entry.key && !e.optional));
      const seen = merged.get(entry.key);
      const value = seen ? sameValue(seen.value, entry.value) : entry.value;
      merged.set(entry.key, { ...(seen ?? entry), value, optional: !inAll });
    }
  }
  return { kind: 'object', entries: [...merged.values()], complete: objects.every((o) => o.complete) };
}

function sameValue(a: StaticValue, b: StaticValue): StaticValue {
  if (a.kind === 'literal' && b.kind === 'literal') return a.value === b.value ? a : union([a, b]);
  return JSON.stringify(a) === JSON.stringify(b) ? a : { kind: 'unknown' };
}

/** The values of `'a' | 'b'`, a parameter's type (the scanner keeps only unions of string literals). */
function literalUnion(type: ts.TypeNode): StaticValue {
  const parts = ts.isUnionTypeNode(type) ? type.types : [type];
  const literals = parts.flatMap((part) => (ts.isLiteralTypeNode(part) && ts.isStringLiteral(part.literal) ? [part.literal.text] : []));
  return literals.length === 1 ? literal(literals[0]!) : { kind: 'typed', kinds: ['string'], literals, maybeUndefined: false };
}

function enumMemberValue(declaration: ts.EnumDeclaration, key: string): StaticValue | undefined {
  let next = 0;
  for (const member of declaration.members) {
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    let value: Literal | undefined;
    const init = member.initializer ? unwrap(member.initializer) : undefined;
    if (!init) value = next;
    else if (ts.isStringLiteralLike(init)) value = init.text;
    else if (ts.isNumericLiteral(init)) value = Number(init.text);
    else if (ts.isPrefixUnaryExpression(init) && init.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(init.operand)) value = -Number(init.operand.text);
    if (typeof value === 'number') next = value + 1;
    if (name === key) return value === undefined ? undefined : literal(value);
  }
  return undefined;
}

/** The `const` declaration an identifier refers to, through imports, when the checker can tell. */
function constDeclaration(checker: ts.TypeChecker, node: ts.Identifier): ts.VariableDeclaration | undefined {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration)) return undefined;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return undefined;
  return declaration;
}
