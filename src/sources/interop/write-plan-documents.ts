import path from 'node:path';
import { writePlanFolder } from '../sheets/write-plan-folder.js';
import { writePlanYaml } from '../yaml-writer.js';
import type { PlanDocuments } from './types.js';

/** The text of each plan file, in the plan's own YAML layout. */
export function renderPlanDocuments(documents: PlanDocuments): Map<string, string> {
  return new Map([...documents].map(([file, data]) => [file, writePlanYaml(data)]));
}

/**
 * Writes an imported plan as a folder: assembled beside the target, then swapped in with a
 * rename, so a failure leaves whatever was there untouched. Files that are not plan files stay.
 */
export async function writePlanDocuments(dir: string, files: ReadonlyMap<string, string>, cwd: string): Promise<void> {
  await writePlanFolder(path.resolve(cwd, dir), files, cwd);
}
