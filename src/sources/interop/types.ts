import type { Diagnostic } from '../../core/diagnostics.js';
import type { PlanIR } from '../../core/ir.js';

/** One input file, read at the CLI edge; importers are pure over these. */
export interface InputFile {
  /** The path as the user gave it (relative to the working folder), used in every location. */
  path: string;
  text: string;
}

/**
 * A plan folder as plain data: relative path (`plan.yaml`, `types.yaml`, `events/checkout.yaml`)
 * to the document that `writePlanYaml` writes. Exactly one document holds the header.
 */
export type PlanDocuments = Map<string, Record<string, unknown>>;

export interface ImportOptions {
  /** Segment: which version of each track event to take (default: the newest). */
  eventVersion?: number;
  /** CSV: the column set (`segment`, `avo`, `amplitude`), else detected from the header row. */
  columns?: string;
}

export interface ImportResult {
  documents: PlanDocuments;
  /** Warnings for everything the plan cannot hold, located in the input (file + JSON pointer, or file:line). */
  diagnostics: Diagnostic[];
}

/** An importer: turns the files of one foreign format into a plan folder. */
export interface ImportFormat {
  name: string;
  /** One line for `trackplan import --help`. */
  summary: string;
  /**
   * Imports the files. Input that is unreadable or not this format throws `InteropInputError`
   * (exit 2, with the place and the reason); anything the plan cannot hold is a warning.
   */
  importPlan(files: readonly InputFile[], options: ImportOptions): ImportResult;
}

export interface ExportOptions {
  /** Iglu: the plan at `--base`, to compute SchemaVer bumps with the plan diff. */
  base?: PlanIR;
}

export interface ExportResult {
  /** Relative path (or the single file's name) to content. */
  files: Map<string, string>;
  /** Warnings for what the target cannot hold (owners, sources, PII flags, deprecation, ...). */
  diagnostics: Diagnostic[];
}

/** An exporter: writes the plan in one foreign format. */
export interface ExportFormat {
  name: string;
  summary: string;
  /** `file`: `--out` names one file; `folder`: `--out` names a folder. */
  output: 'file' | 'folder';
  exportPlan(plan: PlanIR, options: ExportOptions): ExportResult;
}
