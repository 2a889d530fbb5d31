import { ts } from 'ts-morph';
import type { FileLocation } from '../core/location.js';
import type { JsonKind, Literal, ObjectEntry, StaticValue } from './model.js';

const MAX_TYPE_DEPTH = 4;

/**
 * What a value of this type looks like once serialized to JSON: its kinds, literal values, and
 * for object types their properties. Entries point at `span` (the expression the type belongs to).
 */
export function typeToValue(checker: ts.TypeChecker, type: ts.Type, span: FileLocation, depth = 0): StaticValue {
  const flags = type.flags;
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never | ts.TypeFlags.BigIntLike | ts.TypeFlags.ESSymbolLike)) return { kind: 'unknown' };
  if (flags & ts.TypeFlags.TypeParameter) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint && constraint !== type ? typeToValue(checker, constraint, span, depth) : { kind: 'unknown' };
  }
  if (type.isUnion()) return unionValue(checker, type.types, span, depth);
  if (type.isStringLiteral() || type.isNumberLiteral()) return { kind: 'literal', value: type.value };
  if (flags & ts.TypeFlags.BooleanLiteral) return { kind: 'literal', value: (type as { intrinsicName?: string }).intrinsicName === 'true' };
  if (flags & ts.TypeFlags.Null) return { kind: 'literal', value: null };
  if (flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return { kind: 'undefined' };
  if (flags & ts.TypeFlags.StringLike) return typed(['string']);
  if (flags & ts.TypeFlags.NumberLike) return typed(['number']);
  if (flags & ts.TypeFlags.BooleanLike) return typed(['boolean']);
  if (flags & ts.TypeFlags.Object || type.isIntersection()) return objectValue(checker, type, span, depth);
  return { kind: 'unknown' };
}

function typed(kinds: JsonKind[], literals?: Literal[], maybeUndefined = false): StaticValue {
  return { kind: 'typed', kinds, ...(literals ? { literals } : {}), maybeUndefined };
}

function unionValue(checker: ts.TypeChecker, types: ts.Type[], span: FileLocation, depth: number): StaticValue {
  const kinds = new Set<JsonKind>();
  const literals: Literal[] = [];
  let allLiterals = true;
  let maybeUndefined = false;
  const objects: StaticValue[] = [];
  for (const part of types) {
    const value = typeToValue(checker, part, span, depth);
    if (value.kind === 'unknown') return value;
    if (value.kind === 'undefined') {
      maybeUndefined = true;
      continue;
    }
    if (value.kind === 'literal') {
      literals.push(value.value);
      kinds.add(value.value === null ? 'null' : (typeof value.value as JsonKind));
      continue;
    }
    allLiterals = false;
    if (value.kind === 'typed') value.kinds.forEach((k) => kinds.add(k));
    else {
      kinds.add(value.kind === 'array' ? 'array' : 'object');
      objects.push(value);
    }
  }
  // `Props | undefined` is still Props (an optional argument); other mixes are known by kind only.
  if (objects.length === 1 && kinds.size === 1 && literals.length === 0) return objects[0]!;
  return typed([...kinds], allLiterals ? literals : undefined, maybeUndefined);
}

function objectValue(checker: ts.TypeChecker, type: ts.Type, span: FileLocation, depth: number): StaticValue {
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(type as ts.TypeReference).map((t) => ({ value: typeToValue(checker, t, span, depth + 1), span }));
    return { kind: 'array', elements: checker.isTupleType(type) ? elements : elements.slice(0, 1) };
  }
  const name = type.getSymbol()?.getName();
  // Dates serialize to ISO strings.
  if (name === 'Date') return typed(['string']);
  if (type.getCallSignatures().length > 0 && type.getProperties().length === 0) return { kind: 'unknown' };
  if (depth >= MAX_TYPE_DEPTH) return typed(['object']);
  const complete = checker.getIndexInfosOfType(type).length === 0;
  const entries: ObjectEntry[] = [];
  for (const property of checker.getPropertiesOfType(type)) {
    if (property.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.Prototype)) continue;
    const propertyType = checker.getTypeOfSymbol(property);
    if (propertyType.getCallSignatures().length > 0 && propertyType.getProperties().every((p) => p.getName() === 'prototype')) continue;
    entries.push({
      key: property.getName(),
      value: typeToValue(checker, propertyType, span, depth + 1),
      keySpan: span,
      valueSpan: span,
      optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
      written: false,
    });
  }
  return { kind: 'object', entries, complete };
}
