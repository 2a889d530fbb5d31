import path from 'node:path';
import type { CatalogInput } from '../catalog/context.js';
import { addViolationRecord, createViolationTally, recordDay, type ViolationTally } from '../catalog/violation-tally.js';
import type { PlanIR } from '../core/ir.js';
import type { ViolationRecord } from '../runtime/types.js';
import { readCoverageFile, readPlanHistory, readSearchLibrary, readViolationFiles } from '../sources/catalog-inputs.js';

export interface CatalogSources {
  plan: string;
  out: string;
  coverage?: string | undefined;
  violations?: string[] | undefined;
  /** How many commits of the plan's git history to read (0: none). */
  history: number;
  repoUrl?: string | undefined;
}

/** Reads everything the catalog shows besides the plan itself: coverage, violations, history, the search library. */
export async function readCatalogInput(plan: PlanIR, sources: CatalogSources, cwd: string): Promise<CatalogInput> {
  const [coverage, violations, history, searchLibrary] = await Promise.all([
    sources.coverage !== undefined ? readCoverageFile(sources.coverage, cwd) : undefined,
    sources.violations !== undefined && sources.violations.length > 0 ? countViolations(sources.violations, cwd) : undefined,
    readPlanHistory(sources.plan, sources.history, cwd),
    readSearchLibrary(),
  ]);
  const fromSite = path.relative(path.resolve(cwd, sources.out), cwd).split(path.sep).join('/');
  return {
    plan,
    coverage,
    violations,
    violationFiles: sources.violations,
    history: history.length > 0 ? [...history, { label: 'working tree', plan }] : [],
    codeLinks: { repoUrl: sources.repoUrl, fromSite },
    searchLibrary,
  };
}

/** Counts the records of the violation files as they stream in; none is kept. */
async function countViolations(files: readonly string[], cwd: string): Promise<ViolationTally> {
  const tally = createViolationTally();
  await readViolationFiles(files, cwd, (record, fileDay) => addViolationRecord(tally, record as unknown as ViolationRecord, recordDay(record, fileDay)));
  return tally;
}
