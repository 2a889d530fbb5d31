import type { CallType, NameTransform } from './ir.js';

/** What kind of analytics sink a call is: an SDK lint checks, another analytics SDK, or an HTTP request to a collector. */
export type SinkKind = 'sdk' | 'analytics-sdk' | 'collector';

/** A `lint.calls` entry as it is written in the plan header. */
export interface SuggestedCall {
  /** How callers call the function: `track`, `analytics.track`, `*.track` (a class method). */
  callee: string;
  /** The module: its import specifier when every importer uses the same alias, else its path relative to the working directory. */
  from: string;
  /** The call type, when not track. */
  type?: CallType;
  /** The name argument: an index, or `index.key`. */
  event?: number | string;
  /** The properties argument: an index, or `index.key`. */
  properties?: number | string;
  /** The argument that is a whole Node-style message. */
  message?: number;
  /** The constants the function puts around the name. */
  name?: NameTransform;
}

/** A function whose parameters flow into an analytics sink, and the `lint.calls` entry that declares it. */
export interface WrapperSuggestion {
  /** Where the function is declared (its name, relative to the working directory). */
  file: string;
  /** Line of the function's name (1-based). */
  line: number;
  /** Column of the function's name (1-based). */
  column: number;
  /** The function as declared: `trackEvent`, `AnalyticsService.track`. */
  function: string;
  /** The sink call its parameters reach: its kind, callee as written, SDK or URL, and place in the same file. */
  sink: { kind: SinkKind; callee: string; detail: string; line: number; column: number };
  /** The `lint.calls` entry to paste. */
  entry: SuggestedCall;
}

/** What `--suggest-wrappers` found. */
export interface SuggestWrappersResult {
  /** One per wrapper function, by file and place. */
  suggestions: WrapperSuggestion[];
  /** Files looked at. */
  files: number;
  /** Files parsed (the others hold no possible sink). */
  parsed: number;
}

