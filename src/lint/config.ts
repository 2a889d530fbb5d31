import type { CallType } from '../core/ir.js';
import type { Severity } from '../core/diagnostics.js';

/**
 * Where a wrapper call keeps a value: an argument index, optionally a key of an object literal
 * in that argument (`0.properties` is `properties` of the first argument).
 */
export interface ArgumentPath {
  index: number;
  key?: string;
}

/** A wrapper function or method that sends analytics calls, declared in `lint.calls` or `--call`. */
export interface WrapperCall {
  /** Dotted callee as written (`track`, `this.analyticsService.track`, `*.trackEvent`); `this.` and `?.` are ignored. */
  callee: string;
  call: CallType;
  /** Track: the event name; page/screen: the page name. */
  event?: ArgumentPath;
  /** Properties (track/page/screen) or traits (identify/group). */
  properties?: ArgumentPath;
}

/** Settings of `trackplan lint`, from the plan header's `lint:` and the command line. */
export interface LintConfig {
  /** Objects whose track/identify/page/screen/group methods are browser-SDK calls. */
  receivers: string[];
  calls: WrapperCall[];
  /** Folder of the generated typed functions (`trackplan build --out`), relative to the working directory. */
  generated: string;
  /** Globs (relative to the working directory) of files not to lint. */
  ignore: string[];
  /** Severity overrides by rule id. */
  rules: Record<string, Severity | 'off'>;
}

export const DEFAULT_RECEIVERS = ['analytics', 'rudderanalytics'];

export function defaultLintConfig(): LintConfig {
  return { receivers: [...DEFAULT_RECEIVERS], calls: [], generated: 'generated', ignore: [], rules: {} };
}

/** The default argument layout of a wrapper, per call type: what `track(name, props)` means. */
export function defaultWrapperArguments(call: CallType): Pick<WrapperCall, 'event' | 'properties'> {
  if (call === 'identify' || call === 'group') return { properties: { index: 1 } };
  return { event: { index: 0 }, properties: { index: 1 } };
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
