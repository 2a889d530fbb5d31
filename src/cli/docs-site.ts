import path from 'node:path';
import { readCatalogInput, type CatalogSources } from '../app/catalog-input.js';
import { buildCatalog } from '../catalog/build-catalog.js';
import { hasErrors } from '../core/diagnostics.js';
import { formatPretty } from '../report/diagnostics.js';
import { loadPlan } from '../sources/load-plan.js';
import { writeOutput } from '../sources/output.js';
import { sourceReader, type Io } from './io.js';

export interface DocsOptions extends CatalogSources {
  watch?: boolean;
  port: string;
}

/** Builds the site once: undefined (after printing why) when the plan has errors. */
export async function buildSite(options: DocsOptions, io: Io): Promise<{ files: number; bytes: number } | undefined> {
  const { plan, diagnostics } = await loadPlan(options.plan, { cwd: io.cwd });
  if (!plan || hasErrors(diagnostics)) {
    io.stderr(formatPretty(diagnostics, { color: io.color, source: sourceReader(io.cwd) }));
    io.stderr(`trackplan docs: the plan has errors; nothing was written to ${options.out}\n`);
    return undefined;
  }
  const catalog = buildCatalog(await readCatalogInput(plan, options, io.cwd));
  for (const warning of catalog.warnings) io.stderr(`warning: ${warning.event}: ${warning.message}\n`);
  await writeOutput(path.resolve(io.cwd, options.out), catalog.files);
  let bytes = 0;
  for (const content of catalog.files.values()) bytes += Buffer.byteLength(content);
  io.stdout(`wrote the catalog of ${plan.id}@${plan.version} to ${options.out}: ${catalog.files.size} files, ${(bytes / 1024).toFixed(0)} KiB; open ${path.posix.join(options.out.split(path.sep).join('/'), 'index.html')}\n`);
  return { files: catalog.files.size, bytes };
}
