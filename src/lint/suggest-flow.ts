import { ts } from 'ts-morph';
import type { ArgumentPath, NameTransform } from '../core/ir.js';
import { unwrap } from './syntax.js';

/** A function that can be a wrapper: its parameters are what callers pass. */
export type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/** Which parameter of which function a value comes from, and the constant text put around it. */
export interface ParameterFlow {
  fn: FunctionLike;
  path: ArgumentPath;
  /** Constant text around the parameter (`${name} - [WEB]`); undefined when none, or when other values are mixed in. */
  transform?: NameTransform;
  /** Other values than constants are mixed in (`${name}${suffix}`): the sent name cannot be told. */
  mixed?: boolean;
}

const MAX_DEPTH = 4;

/**
 * Where an expression's value comes from, syntactically: a parameter directly (`name`,
 * `opts.name`, a destructured `{ name }`), through a template or `+` of constants, an object
 * spread (`{ ...properties, app: 'web' }`), `??`/`||`, or a local variable holding one of those.
 */
export function flowOf(node: ts.Expression, depth = 0): ParameterFlow | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let bare = unwrap(node);
  if (ts.isAwaitExpression(bare)) bare = unwrap(bare.expression);
  if (ts.isIdentifier(bare)) return identifierFlow(bare, depth);
  if (ts.isPropertyAccessExpression(bare)) {
    const base = flowOf(bare.expression, depth + 1);
    return base && base.path.key === undefined && !base.transform ? { fn: base.fn, path: { index: base.path.index, key: bare.name.text } } : undefined;
  }
  if (ts.isTemplateExpression(bare)) {
    const parts: (string | ts.Expression)[] = [bare.head.text];
    for (const span of bare.templateSpans) parts.push(span.expression, span.literal.text);
    return concatFlow(parts, depth);
  }
  if (ts.isBinaryExpression(bare)) {
    const operator = bare.operatorToken.kind;
    if (operator === ts.SyntaxKind.PlusToken) return concatFlow(flattenPlus(bare), depth);
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) return flowOf(bare.left, depth + 1);
    return undefined;
  }
  if (ts.isObjectLiteralExpression(bare)) {
    for (const property of bare.properties) {
      if (!ts.isSpreadAssignment(property)) continue;
      const flow = flowOf(property.expression, depth + 1);
      if (flow && !flow.transform) return { fn: flow.fn, path: flow.path };
    }
  }
  return undefined;
}

/** A parameter of an enclosing function, or a local `const`/`let` (also destructured) whose initializer flows from one. */
function identifierFlow(id: ts.Identifier, depth: number): ParameterFlow | undefined {
  const name = id.text;
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (isFunctionLike(scope)) {
      const flow = parameterFlow(scope, name);
      if (flow) return flow;
    }
    const statements = ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) ? scope.statements : undefined;
    for (const statement of statements ?? []) {
      if (!ts.isVariableStatement(statement) || statement.pos > id.pos) continue;
      for (const declaration of statement.declarationList.declarations) {
        const flow = declarationFlow(declaration, name, depth);
        if (flow !== null) return flow;
      }
    }
  }
  return undefined;
}

/** null: the declaration does not bind the name; undefined: it does, from no parameter. */
function declarationFlow(declaration: ts.VariableDeclaration, name: string, depth: number): ParameterFlow | undefined | null {
  const init = declaration.initializer;
  if (ts.isIdentifier(declaration.name)) return declaration.name.text === name ? (init ? flowOf(init, depth + 1) : undefined) : null;
  if (!ts.isObjectBindingPattern(declaration.name)) return null;
  const element = declaration.name.elements.find((e) => ts.isIdentifier(e.name) && e.name.text === name);
  if (!element) return null;
  const whole = init ? flowOf(init, depth + 1) : undefined;
  if (!whole || whole.path.key !== undefined || whole.transform) return undefined;
  return { fn: whole.fn, path: { index: whole.path.index, key: bindingKey(element) ?? name } };
}

function parameterFlow(fn: FunctionLike, name: string): ParameterFlow | undefined {
  for (const [index, parameter] of fn.parameters.entries()) {
    if (parameter.dotDotDotToken) continue;
    if (ts.isIdentifier(parameter.name)) {
      if (parameter.name.text === name) return { fn, path: { index } };
    } else if (ts.isObjectBindingPattern(parameter.name)) {
      const element = parameter.name.elements.find((e) => ts.isIdentifier(e.name) && e.name.text === name);
      if (element) return { fn, path: { index, key: bindingKey(element) ?? name } };
    }
  }
  return undefined;
}

function bindingKey(element: ts.BindingElement): string | undefined {
  const key = element.propertyName;
  if (!key) return ts.isIdentifier(element.name) ? element.name.text : undefined;
  return ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
}

export function isFunctionLike(node: ts.Node): node is FunctionLike {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);
}

/** `a + 'x' + b` as [a, 'x', b]. */
function flattenPlus(node: ts.BinaryExpression): (string | ts.Expression)[] {
  const side = (e: ts.Expression): (string | ts.Expression)[] => {
    const bare = unwrap(e);
    if (ts.isBinaryExpression(bare) && bare.operatorToken.kind === ts.SyntaxKind.PlusToken) return flattenPlus(bare);
    return [ts.isStringLiteralLike(bare) ? bare.text : bare];
  };
  return [...side(node.left), ...side(node.right)];
}

/** Constants and one flowing parameter: the constants before and after it are the prefix and suffix. */
function concatFlow(parts: (string | ts.Expression)[], depth: number): ParameterFlow | undefined {
  let found: { flow: ParameterFlow; at: number } | undefined;
  let mixed = false;
  for (const [at, part] of parts.entries()) {
    if (typeof part === 'string') continue;
    const bare = unwrap(part);
    if (ts.isStringLiteralLike(bare) || ts.isNumericLiteral(bare)) {
      parts[at] = bare.text;
      continue;
    }
    const flow = found ? undefined : flowOf(bare, depth + 1);
    if (flow && !flow.transform && !flow.mixed) found = { flow, at };
    else mixed = true;
  }
  if (!found) return undefined;
  const { fn, path } = found.flow;
  if (mixed) return { fn, path, mixed: true };
  const prefix = parts.slice(0, found.at).join('');
  const suffix = parts.slice(found.at + 1).join('');
  if (prefix === '' && suffix === '') return { fn, path };
  return { fn, path, transform: { ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) } };
}
