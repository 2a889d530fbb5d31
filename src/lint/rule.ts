import type { Severity } from '../core/diagnostics.js';
import type { FileLocation } from '../core/location.js';
import type { RuleDefinition } from '../core/rule-definition.js';
import type { CallTarget, Literal, TrackedCall } from './model.js';
import type { PlanIndex } from './plan-index.js';

export interface RuleContext<M extends string> {
  index: PlanIndex;
  /** The planned calls this call stands for (see `targetsOf`). */
  targets: CallTarget[];
  report(messageId: M, span: FileLocation, data?: Record<string, string | number>): void;
}

/** A lint rule as written: one file, one definition (CONVENTIONS 10), the shape plan rules share. */
export interface LintRuleDefinition<M extends string = string> extends RuleDefinition<M> {
  /** Every lint rule is on by default (`lint.rules` turns one off). */
  meta: RuleDefinition<M>['meta'] & { severity: 'error' | 'warn' };
  /** Checks one call. File-level rules (syntax errors, ignore comments) have none: the engine reports them. */
  check?(call: TrackedCall, context: RuleContext<M>): void;
}

/** A lint rule as the engine uses it: its definition plus the diagnostic severity and description at hand. */
export interface LintRule<M extends string = string> extends LintRuleDefinition<M> {
  /** One line for the docs table and SARIF `shortDescription` (`meta.description`). */
  description: string;
  /** Default severity of its diagnostics (`meta.severity`, `warn` as `warning`); `lint.rules` overrides it. */
  severity: Severity;
}

export function defineRule<M extends string>(rule: LintRuleDefinition<M>): LintRule<M> {
  return { ...rule, description: rule.meta.description, severity: rule.meta.severity === 'warn' ? 'warning' : 'error' };
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
