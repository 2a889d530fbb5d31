import type { Diagnostic } from './diagnostics.js';
import type { CallType, EventStatus } from './ir.js';

/**
 * The result shapes of `trackplan lint` that reporters read. They live in the core so that
 * reporters (src/report) and the lint engine (src/lint) both depend on them, not on each other.
 */

/** How a call is made: a browser SDK, a Node SDK, a generated tracking function or a configured wrapper. */
export type CallForm = 'browser' | 'node' | 'generated' | 'wrapper';

/** One analytics call found in the code: its file, line and call form. */
export interface CallSite {
  /** The file, relative to the working folder. */
  file: string;
  /** Line, 1-based. */
  line: number;
  /** Column, 1-based. */
  column: number;
  /** How the call is made: browser SDK, node SDK, generated function or wrapper. */
  form: CallForm;
  /** The sources whose `paths` hold the file. */
  sources: string[];
}

/** How one planned event is covered by the code: its call sites. */
export interface EventCoverage {
  /** The call type. */
  call: CallType;
  /** The event name (or the call type). */
  name: string;
  /** Active or deprecated. */
  status: EventStatus;
  /** The sources that should send it. */
  sources: string[];
  /** False when all its sources send from outside the linted code (no `paths`): webhooks, cloud sources. */
  inCode: boolean;
  /** Where the code sends it. */
  callSites: CallSite[];
}

/** How one of the plan's sources is covered by the code. */
export interface SourceCoverage {
  /** The source id. */
  id: string;
  /** The source name. */
  name: string;
  /** The source maps to code (`paths`); otherwise nothing below can be counted. */
  linted: boolean;
  /** How many planned events the source should send. */
  planned: number;
  /** How many of them its code sends (null when not linted). */
  sent: number | null;
  /** The ones its code never sends (null when not linted). */
  unsent: string[] | null;
  /** Analytics calls in its code. */
  callSites: number;
}

/** Instrumentation coverage: per planned call its call sites, the calls never sent, counts per source. */
export interface Coverage {
  /** Each planned event with its call sites. */
  events: EventCoverage[];
  /** Call sites of events the plan does not have. */
  unplanned: (CallSite & { name: string })[];
  /** Call sites whose event name could not be resolved. */
  dynamic: CallSite[];
  /** Each source with its counts. */
  sources: SourceCoverage[];
  /** Totals over the plan: planned, sent and unsent events, call sites, percent sent. */
  summary: { planned: number; sent: number; unsent: number; callSites: number; percent: number };
}

/** Counts of one lint run: files, parsed files, analytics calls. */
export interface LintStats {
  /** Files listed for linting. */
  files: number;
  /** Files that passed the text prefilter and were parsed. */
  parsed: number;
  /** Analytics calls found. */
  calls: number;
  /** Whether the type checker was started (for any project). */
  checker: boolean;
  /** The TypeScript projects the files belong to, sorted by config path (the default options first). */
  projects: ProjectStats[];
}

/**
 * One TypeScript project of a lint run: the tsconfig.json or jsconfig.json whose compiler options
 * (`paths`, `baseUrl`, `jsx`, module resolution) resolved its files' imports.
 */
export interface ProjectStats {
  /** The config file, relative to the working folder (`/`-separated); null when no config governs the files (default options). */
  tsconfig: string | null;
  /** Whether its type checker was started (some call of its files needed it). */
  checker: boolean;
  /** Linted files it governs. */
  files: number;
  /** Its files that hold analytics calls, sorted. */
  filesWithCalls: string[];
}

/** What a lint reporter prints: the findings, coverage and counts of one run. */
export interface LintReport {
  /** The findings, sorted by place. */
  diagnostics: Diagnostic[];
  /** How much of the plan the code sends. */
  coverage: Coverage;
  /** Counts of the run. */
  stats: LintStats;
  /** Texts of the files that have findings, by display name (for code frames). */
  texts: Map<string, string>;
}
