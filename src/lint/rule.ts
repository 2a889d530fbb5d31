import type { Severity } from '../core/diagnostics.js';
import type { FileLocation } from '../core/location.js';
import type { CallTarget, Literal, TrackedCall } from './model.js';
import type { PlanIndex } from './plan-index.js';

export interface RuleContext<M extends string> {
  index: PlanIndex;
  /** The planned calls this call stands for (see `targetsOf`). */
  targets: CallTarget[];
  report(messageId: M, span: FileLocation, data?: Record<string, string | number>): void;
}

/** A lint rule: one file, one definition (CONVENTIONS 10). Messages are keyed by stable ids. */
export interface LintRule<M extends string = string> {
  id: string;
  /** One line for the docs table and SARIF `shortDescription`. */
  description: string;
  /** Default severity; `lint.rules` in the plan header overrides it. */
  severity: Severity;
  messages: Record<M, string>;
  /** Checks one call. File-level rules (syntax errors, ignore comments) have none: the engine reports them. */
  check?(call: TrackedCall, context: RuleContext<M>): void;
}

export function defineRule<M extends string>(rule: LintRule<M>): LintRule<M> {
  return rule;
}

/** Where findings about the event name point: the name argument, or the callee when there is none. */
export function nameSpan(call: TrackedCall): FileLocation {
  return call.name?.span ?? call.span;
}

/** `properties.email` for messages; the event's own name for track, the call type otherwise. */
export function describeTarget(target: CallTarget, call: TrackedCall): string {
  return call.call === 'track' ? `"${target.name}"` : call.call;
}

export function describeLiteral(value: Literal): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
