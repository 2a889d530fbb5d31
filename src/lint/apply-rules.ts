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
): Diagnostic | undefined {
  const severity = overrides[rule.id] ?? rule.severity;
  if (severity === 'off') return undefined;
  const template = rule.messages[messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} has no message ${messageId}`);
  return { ruleId: rule.id, messageId, severity, message: formatMessage(template, data), location, data };
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
          const diagnostic = ruleDiagnostic(rule, messageId, span, data, overrides);
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
  for (const [line, diagnostics] of byLine) if (!silenced.has(line)) out.push(...diagnostics);
  return out;
}
