import { ts } from 'ts-morph';

/** Parentheses, `as`, `satisfies`, `!` and `<T>x` do not change which object an expression is. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
      current = current.expression;
    } else return current;
  }
}

/** `a.b.c` for identifiers, `this` and property accesses (optional chaining included); undefined otherwise. */
export function expressionText(node: ts.Expression): string | undefined {
  const bare = unwrap(node);
  if (ts.isIdentifier(bare)) return bare.text;
  if (bare.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(bare)) {
    const left = expressionText(bare.expression);
    return left === undefined ? undefined : `${left}.${bare.name.text}`;
  }
  if (ts.isElementAccessExpression(bare) && ts.isStringLiteralLike(bare.argumentExpression)) {
    const left = expressionText(bare.expression);
    return left === undefined ? undefined : `${left}.${bare.argumentExpression.text}`;
  }
  return undefined;
}

export function entityText(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : `${entityText(name.left)}.${name.right.text}`;
}
