import { parse } from 'yaml';
import { hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import type { PlanIR } from '../../core/ir.js';
import { normalizePlan } from '../../core/normalize/index.js';
import { toPlain, type RawFile } from '../../core/raw.js';
import { writePlanYaml } from '../yaml-writer.js';
import { readSheetPlan } from './read-sheet.js';
import type { SheetData } from './sheet-data.js';

export interface PulledPlan {
  plan: PlanIR | undefined;
  diagnostics: Diagnostic[];
  /** YAML text by path in the plan folder; only when the sheet has no errors. */
  files?: Map<string, string>;
}

export interface PullOptions {
  /** The yaml-language-server schema path to put at the top of a file, if any. */
  schemaPathFor?: (file: string) => string | undefined;
}

/**
 * Turns a sheet into plan files: read the tabs into located trees, check them with the same
 * normalizer as YAML (errors name cells), then write the YAML and prove it reads back as exactly
 * the sheet's data before anyone writes it to disk.
 */
export async function pullSheet(data: SheetData, options: PullOptions = {}): Promise<PulledPlan> {
  const sheet = readSheetPlan(data);
  if (sheet.files.length === 0) return { plan: undefined, diagnostics: sheet.diagnostics };
  const normalized = normalizePlan(sheet.files);
  const diagnostics = [...sheet.diagnostics, ...normalized.diagnostics];
  if (!normalized.plan || hasErrors(diagnostics)) return { plan: normalized.plan, diagnostics };
  const files = new Map<string, string>();
  for (const file of sheet.files) {
    const schemaPath = options.schemaPathFor?.(file.name);
    files.set(file.name, writePlanYaml(toPlain(file.root!) as Record<string, unknown>, schemaPath !== undefined ? { schemaPath } : {}));
  }
  assertSameData(sheet.files, files);
  return { plan: normalized.plan, diagnostics, files };
}

/**
 * The written YAML must read back as exactly the data the sheet gave (same keys, same order, same
 * values), so loading it gives the same plan; anything else is a bug here, and nothing is written.
 */
function assertSameData(trees: readonly RawFile[], files: ReadonlyMap<string, string>): void {
  for (const tree of trees) {
    const text = files.get(tree.name)!;
    if (JSON.stringify(parse(text, { uniqueKeys: false })) !== JSON.stringify(toPlain(tree.root!))) {
      throw new Error(`the YAML written for ${tree.name} does not read back as the sheet's data; please report this`);
    }
  }
}
