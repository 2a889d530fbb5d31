import { formatMessage, type Diagnostic, type Severity } from '../core/diagnostics.js';
import type { FileLocation } from '../core/location.js';
import type { IgnoreComment } from './ignore-comments.js';
import type { TrackedCall } from './model.js';
import { targetsOf, type PlanIndex } from './plan-index.js';
import type { LintRule } from './rule.js';
import { findRule, LINT_RULES } from './rules/index.js';

export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

/** A diagnostic of rule `ruleId`, or undefined when the rule is switched off. */
export function ruleDiagnostic(
  rule: LintRule,
  messageId: string,
  location: FileLocation | undefined,
  data: Record<string, string | number>,
  overrides: SeverityOverrides,
  related?: FileLocation[],
): Diagnostic | undefined {
  const severity = overrides[rule.id] ?? rule.severity;
  if (severity === 'off') return undefined;
  const template = rule.messages[messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} has no message ${messageId}`);
  return { ruleId: rule.id, messageId, severity, message: formatMessage(template, data), location, ...(related ? { related } : {}), data };
}

/**
 * Every finding points at its call. One about a value written elsewhere (a shared const, a message
 * object declared above) is placed at the argument it came through, with the value's place as a
 * related location: two calls sharing a const get a finding each, at each call.
 */
export function placeAtCall(call: TrackedCall, span: FileLocation): { location: FileLocation; related?: FileLocation[] } {
  if (contains(call.extent, span)) return { location: span };
  const isName = call.name !== undefined && sameSpan(call.name.span, span);
  const anchor = (isName ? call.anchors.name : call.anchors.properties) ?? call.anchors.name ?? call.span;
  return { location: anchor, related: [span] };
}

function contains(outer: FileLocation, inner: FileLocation): boolean {
  if (outer.file !== inner.file) return false;
  const starts = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const ends = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return starts && ends;
}

function sameSpan(a: FileLocation, b: FileLocation): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

/** One diagnostic per rule, message and place: a name listed twice, or a spread read twice, is one finding. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.ruleId, d.messageId, d.message, d.location, d.related]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Runs every rule over every call of one file, then applies the file's ignore comments. */
export function checkCalls(calls: readonly TrackedCall[], ignores: readonly IgnoreComment[], index: PlanIndex, overrides: SeverityOverrides): Diagnostic[] {
  const byLine = new Map<number, Diagnostic[]>();
  for (const call of calls) {
    const targets = targetsOf(call, index);
    const found = byLine.get(call.line) ?? [];
    byLine.set(call.line, found);
    for (const rule of LINT_RULES) {
      if (!rule.check || overrides[rule.id] === 'off') continue;
      rule.check(call, {
        index,
        targets,
        report: (messageId, span, data = {}) => {
          const { location, related } = placeAtCall(call, span);
          const diagnostic = ruleDiagnostic(rule, messageId, location, data, overrides, related);
          if (diagnostic) found.push(diagnostic);
        },
      });
    }
  }
  const out: Diagnostic[] = [];
  const ignoreRule = findRule('ignore-comment')!;
  const silenced = new Set<number>();
  for (const comment of ignores) {
    const report = (messageId: string, data: Record<string, string | number> = {}) => {
      const diagnostic = ruleDiagnostic(ignoreRule, messageId, comment.span, data, overrides);
      if (diagnostic) out.push(diagnostic);
    };
    if (comment.reason === '') report('missingReason');
    if ((byLine.get(comment.targetLine) ?? []).length === 0) report('unusedIgnore', { line: comment.targetLine });
    else silenced.add(comment.targetLine);
  }
  for (const [line, diagnostics] of byLine) if (!silenced.has(line)) out.push(...dedupe(diagnostics));
  return out;
}
