import type { WrapperCall } from '../core/ir.js';
import type { Severity } from '../core/diagnostics.js';

export type { ArgumentPath, WrapperCall } from '../core/ir.js';
export { defaultWrapperArguments } from '../core/lint-settings.js';

/** Settings of `trackplan lint`, from the plan header's `lint:` and the command line. */
export interface LintConfig {
  /** Objects whose track/identify/page/screen/group methods are browser-SDK calls. */
  receivers: string[];
  /** Wrapper functions that send analytics calls. */
  calls: WrapperCall[];
  /** Folder of the generated typed functions (`trackplan build --out`), relative to the working directory. */
  generated: string;
  /** Globs (relative to the working directory) of files not to lint. */
  ignore: string[];
  /** Severity overrides by rule id. */
  rules: Record<string, Severity | 'off'>;
}

export const DEFAULT_RECEIVERS = ['analytics', 'rudderanalytics'];

/** The lint config used when the plan header has no `lint:` settings. */
export function defaultLintConfig(): LintConfig {
  return { receivers: [...DEFAULT_RECEIVERS], calls: [], generated: 'generated', ignore: [], rules: {} };
}

/** Merges settings from the plan with those of the command line (the command line adds to lists and wins on scalars). */
export function mergeLintConfig(base: LintConfig, extra: Partial<LintConfig>): LintConfig {
  return {
    receivers: [...new Set([...base.receivers, ...(extra.receivers ?? [])])],
    calls: [...base.calls, ...(extra.calls ?? [])],
    generated: extra.generated ?? base.generated,
    ignore: [...base.ignore, ...(extra.ignore ?? [])],
    rules: { ...base.rules, ...extra.rules },
  };
}

/** `callee` as the scanner writes callees: `this.` dropped, `?.` as `.`, `window.`/`globalThis.`/`self.` dropped. */
export function normalizeCallee(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/\?\./g, '.')
    .replace(/^(?:this|window|globalThis|self)\./, '');
}
