import type { Diagnostic, Severity } from '../core/diagnostics.js';
import type { LintSettingsIR, PlanIR } from '../core/ir.js';
import { readLintSettings } from '../core/normalize/lint-settings.js';
import { planError } from '../core/plan-errors.js';
import type { RawNode } from '../core/raw.js';
import { suggestionSuffix } from '../core/suggest.js';
import { defaultLintConfig, type LintConfig } from './config.js';
import { LINT_RULES } from './rules/index.js';

export { isValidCallee, parseArgumentPath } from '../core/lint-settings.js';

export interface LintConfigResult {
  config: LintConfig;
  diagnostics: Diagnostic[];
}

/**
 * The lint settings of a plan: the header's `lint:` as the normalizer typed it, over the defaults,
 * with its problems and those only the linter can see (rule ids it does not have), each located.
 * `cwd` is no longer used (the settings come from the IR) and stays for callers of the old signature.
 */
export async function readLintConfig(plan: PlanIR, _cwd?: string): Promise<LintConfigResult> {
  return lintConfigOf(plan.lint);
}

/** Validates a `lint:` mapping; every problem is a located diagnostic and the rest still applies. */
export function validateLintNode(node: RawNode): LintConfigResult {
  return lintConfigOf(readLintSettings(node));
}

function lintConfigOf(settings: LintSettingsIR | undefined): LintConfigResult {
  const config = defaultLintConfig();
  if (settings === undefined) return { config, diagnostics: [] };
  const diagnostics = [...settings.diagnostics];
  config.receivers = [...new Set([...config.receivers, ...settings.receivers])];
  config.calls.push(...settings.calls);
  config.ignore.push(...settings.ignore);
  if (settings.generated !== undefined) config.generated = settings.generated;
  const ids = LINT_RULES.map((rule) => rule.id);
  for (const rule of settings.rules) {
    if (!ids.includes(rule.id)) {
      diagnostics.push(planError('unknownKey', rule.keyLocation, { key: rule.id, where: 'lint.rules', hint: suggestionSuffix(rule.id, ids), expected: ids.join(', ') }));
      continue;
    }
    config.rules[rule.id] = toSeverity(rule.severity);
  }
  return { config, diagnostics };
}

function toSeverity(setting: 'error' | 'warn' | 'off'): Severity | 'off' {
  return setting === 'warn' ? 'warning' : setting;
}
