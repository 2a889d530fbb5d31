import { ts } from 'ts-morph';
import type { FileLocation } from '../core/location.js';
import type { ArgumentPath } from './config.js';
import { stringValues, type Evaluator } from './evaluate.js';
import type { CallName, StaticValue, TrackedCall } from './model.js';
import type { CallLayout } from './resolve-call.js';
import type { FileScan } from './scan-file.js';
import { unwrap } from './syntax.js';
import { renameCall } from './wrapper-scope.js';

interface Located {
  value: StaticValue;
  span: FileLocation;
  node?: ts.Expression;
  /** The file `node` is in, when it is not the call's. */
  sourceFile?: ts.SourceFile;
}

/** Evaluates the name and properties of a recognised call into the model the rules read. */
export function extractCall(scan: FileScan, node: ts.CallExpression, layout: CallLayout, evaluator: Evaluator, sources: string[]): TrackedCall {
  const sf = scan.sourceFile;
  const span = evaluator.span(node.expression, sf);
  const tracked: TrackedCall = {
    file: scan.file,
    form: layout.form,
    call: layout.call,
    callee: layout.callee,
    span,
    extent: evaluator.span(node, sf),
    anchors: anchorsOf(node, layout, evaluator, sf),
    line: span.line,
    properties: { kind: 'undefined' },
    propertiesSpan: span,
    sources,
  };
  if (layout.eventName !== undefined) tracked.eventName = layout.eventName;
  if (layout.flavour !== undefined) tracked.flavour = layout.flavour;
  if (layout.name) {
    const name = locate(node, layout.name, evaluator, sf);
    if (name) tracked.name = renameCall(toName(name, evaluator, sf), layout.rename);
    else if (layout.call === 'track') tracked.name = { kind: 'dynamic', text: '', span };
  }
  if (layout.propertiesUnknown) tracked.properties = { kind: 'unknown' };
  else if (layout.properties) {
    const properties = locate(node, layout.properties, evaluator, sf);
    if (properties) {
      tracked.properties = properties.value;
      tracked.propertiesSpan = properties.span;
    }
  }
  if (layout.sdkFills && tracked.properties.kind === 'undefined') tracked.properties = { kind: 'unknown' };
  releaseNodes(tracked.properties);
  return tracked;
}

/**
 * Lets go of the syntax nodes the values point to (`valueNode`, needed only above to name a
 * message's event): the run keeps every call, and through one node a file's whole tree (and, with
 * the checker, its batch's) would stay in memory until the end.
 */
function releaseNodes(value: StaticValue): void {
  if (value.kind === 'array') for (const element of value.elements) releaseNodes(element.value);
  if (value.kind !== 'object') return;
  for (const entry of value.entries) {
    delete entry.valueNode;
    releaseNodes(entry.value);
  }
}

/** The value an argument path points at: `1` is the second argument, `0.properties` a key of the first. */
function locate(node: ts.CallExpression, path: ArgumentPath, evaluator: Evaluator, sf: ts.SourceFile): Located | undefined {
  const argument = node.arguments[path.index];
  if (!argument || ts.isSpreadElement(argument)) return undefined;
  if (path.key === undefined) return { value: evaluator.value(argument, sf), span: evaluator.span(argument, sf), node: argument };
  const bare = unwrap(argument);
  if (ts.isObjectLiteralExpression(bare)) {
    for (const property of [...bare.properties].reverse()) {
      if (ts.isPropertyAssignment(property) && propertyName(property.name) === path.key) {
        return { value: evaluator.value(property.initializer, sf), span: evaluator.span(property.initializer, sf), node: property.initializer };
      }
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === path.key) {
        return { value: evaluator.value(property.name, sf), span: evaluator.span(property.name, sf), node: property.name };
      }
    }
  }
  const whole = evaluator.value(argument, sf);
  if (whole.kind !== 'object') return { value: { kind: 'unknown' }, span: evaluator.span(argument, sf) };
  const entry = whole.entries.find((e) => e.key === path.key);
  if (entry) return { value: entry.value, span: entry.valueSpan, ...(entry.valueNode ?? {}) };
  return whole.complete ? undefined : { value: { kind: 'unknown' }, span: evaluator.span(argument, sf) };
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;
}

/** The name and properties arguments at the call, where findings about values from elsewhere are placed. */
function anchorsOf(node: ts.CallExpression, layout: CallLayout, evaluator: Evaluator, sf: ts.SourceFile): TrackedCall['anchors'] {
  const at = (path: ArgumentPath | undefined) => {
    const argument = path ? node.arguments[path.index] : undefined;
    return argument ? evaluator.span(argument, sf) : undefined;
  };
  const name = at(layout.name);
  const properties = at(layout.properties);
  return { ...(name ? { name } : {}), ...(properties ? { properties } : {}) };
}

function toName(located: Located, evaluator: Evaluator, sf: ts.SourceFile): CallName {
  // A value read from a const elsewhere (`const message = { event: ... }`) belongs to that const's file.
  if (located.node) return evaluator.name(located.node, located.sourceFile ?? sf);
  const values = stringValues(located.value);
  return values ? { kind: 'static', values, span: located.span } : { kind: 'dynamic', text: '', span: located.span };
}
