import type { Diagnostic } from './diagnostics.js';
import type { CallType, EventStatus } from './ir.js';

/**
 * The result shapes of `trackplan lint` that reporters read. They live in the core so that
 * reporters (src/report) and the lint engine (src/lint) both depend on them, not on each other.
 */

/** How a call is made: a browser SDK, a Node SDK, a generated tracking function or a configured wrapper. */
export type CallForm = 'browser' | 'node' | 'generated' | 'wrapper';

export interface CallSite {
  file: string;
  line: number;
  column: number;
  form: CallForm;
  sources: string[];
}

export interface EventCoverage {
  call: CallType;
  name: string;
  status: EventStatus;
  sources: string[];
  /** False when all its sources send from outside the linted code (no `paths`): webhooks, cloud sources. */
  inCode: boolean;
  callSites: CallSite[];
}

export interface SourceCoverage {
  id: string;
  name: string;
  /** The source maps to code (`paths`); otherwise nothing below can be counted. */
  linted: boolean;
  planned: number;
  sent: number | null;
  unsent: string[] | null;
  callSites: number;
}

/** Instrumentation coverage: per planned call its call sites, the calls never sent, counts per source. */
export interface Coverage {
  events: EventCoverage[];
  /** Call sites of events the plan does not have. */
  unplanned: (CallSite & { name: string })[];
  /** Call sites whose event name could not be resolved. */
  dynamic: CallSite[];
  sources: SourceCoverage[];
  summary: { planned: number; sent: number; unsent: number; callSites: number; percent: number };
}

export interface LintStats {
  files: number;
  /** Files that passed the text prefilter and were parsed. */
  parsed: number;
  calls: number;
  /** Whether the type checker was started. */
  checker: boolean;
}

/** What a lint reporter prints: the findings, coverage and counts of one run. */
export interface LintReport {
  diagnostics: Diagnostic[];
  coverage: Coverage;
  stats: LintStats;
  /** Texts of the files that have findings, by display name (for code frames). */
  texts: Map<string, string>;
}
