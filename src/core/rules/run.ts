import { createDiagnostic, formatMessage, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { PlanIR, RuleSeverity } from '../ir.js';
import { suggestionSuffix } from '../suggest.js';
import { expectation, resolveOptions } from './options.js';
import { PLAN_RULES } from './registry.js';
import type { PlanRule, RuleEnv, RuleReport } from './types.js';

/** Problems with the header's `rules:` itself: configuration errors (exit 2), not findings. */
export const RULE_CONFIG_MESSAGES = {
  unknownRule: { ruleId: 'unknown-rule', message: 'rules: unknown rule "{ruleId}"{hint}; expected one of: {expected}' },
  notAMapping: { ruleId: 'invalid-rule-options', message: 'rules.{ruleId}: options must be a mapping, found {found}' },
  unknownOption: { ruleId: 'invalid-rule-options', message: 'rules.{ruleId}: unknown option "{option}"{hint}; expected one of: {expected}' },
  invalidOption: { ruleId: 'invalid-rule-options', message: 'rules.{ruleId}.{option}: expected {expected}, found {found}' },
} as const;

export interface RunRulesOptions {
  /** Run only these rules (tests, editors). Their configured severity still applies; `off` still skips. */
  only?: readonly string[];
  env?: RuleEnv;
}

export interface RuleRunResult {
  /** Rule findings, sorted by place. */
  diagnostics: Diagnostic[];
  /** Mistakes in the header's `rules:` (unknown rule, bad options). */
  configDiagnostics: Diagnostic[];
}

/** The severity the plan gives a rule: the header's `rules:` entry, else the rule's default. */
export function ruleSeverity(plan: PlanIR, rule: PlanRule): RuleSeverity {
  return plan.rules.findLast((setting) => setting.ruleId === rule.id)?.severity ?? rule.meta.severity;
}

/** Runs the plan rules with the severities and options of the plan header. Pure: plan in, diagnostics out. */
export function runPlanRules(plan: PlanIR, options: RunRulesOptions = {}): RuleRunResult {
  const configDiagnostics: Diagnostic[] = [];
  const ids = PLAN_RULES.map((r) => r.id);
  for (const setting of plan.rules) {
    if (ids.includes(setting.ruleId)) continue;
    configDiagnostics.push(configError('unknownRule', setting.location, {
      ruleId: setting.ruleId, hint: suggestionSuffix(setting.ruleId, ids), expected: ids.join(', '),
    }));
  }
  const diagnostics: Diagnostic[] = [];
  for (const rule of PLAN_RULES) {
    if (options.only && !options.only.includes(rule.id)) continue;
    const severity = ruleSeverity(plan, rule);
    const setting = plan.rules.findLast((s) => s.ruleId === rule.id);
    const { options: ruleOptions, problems } = setting
      ? resolveOptions(rule.options, setting.options, setting.location)
      : { options: resolveOptions(rule.options, undefined, plan.headerLocation).options, problems: [] };
    for (const problem of problems) configDiagnostics.push(configError(problem.messageId, problem.location, { ruleId: rule.id, ...problem.data }));
    if (severity === 'off') continue;
    const report = (finding: RuleReport<string>) => {
      const data = finding.data ?? {};
      diagnostics.push({
        ruleId: rule.id,
        messageId: finding.messageId,
        severity: severity === 'error' ? 'error' : 'warning',
        message: formatMessage(rule.messages[finding.messageId] ?? finding.messageId, data),
        location: finding.location,
        data,
        ...(finding.related ? { related: finding.related } : {}),
      });
    };
    rule.check(plan, ruleOptions, report, options.env ?? {});
  }
  return { diagnostics: sortDiagnostics(diagnostics), configDiagnostics: sortDiagnostics(configDiagnostics) };
}

function configError(messageId: keyof typeof RULE_CONFIG_MESSAGES, location: Diagnostic['location'], data: Record<string, string>): Diagnostic {
  return createDiagnostic(RULE_CONFIG_MESSAGES, messageId, location, data);
}

/** Rule documentation as data, for the README table and `--help`-like listings. */
export function describeRules(): { id: string; severity: RuleSeverity; description: string; options: { name: string; expected: string; default: unknown; description: string }[] }[] {
  return PLAN_RULES.map((rule) => ({
    id: rule.id,
    severity: rule.meta.severity,
    description: rule.meta.description,
    options: Object.entries(rule.options).map(([name, spec]) => ({ name, expected: expectation(spec), default: spec.default, description: spec.description })),
  }));
}
