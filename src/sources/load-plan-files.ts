import picomatch from 'picomatch';
import { normalizePlan } from '../core/normalize/index.js';
import type { LoadedPlan } from './load-plan.js';
import { parseYamlFile } from './yaml-file.js';

/** A plan file held in memory: from git, a sheet export, a test. */
export interface PlanFileText {
  /** Display name used in diagnostics, e.g. `plans/events/leads.yaml`. */
  name: string;
  /** The YAML text. */
  text: string;
  /** Path relative to the plan folder, matched against the header's `include:` globs (default: `name`). */
  path?: string;
}

/**
 * Loads a plan from files in memory, the same way `loadPlan` reads a folder: the header's
 * `include:` narrows the files, the header file goes first, then the others in path order.
 */
export function loadPlanFiles(files: readonly PlanFileText[]): LoadedPlan {
  let parsed = files.map((f) => ({ source: f, ...parseYamlFile(f.name, f.text) }));
  const header = parsed.find((p) => p.file.root?.kind === 'map' && p.file.root.entries.some((e) => e.key === 'trackplan'));
  const includeEntry = header?.file.root?.kind === 'map' ? header.file.root.entries.find((e) => e.key === 'include') : undefined;
  if (header && includeEntry?.value.kind === 'seq') {
    const patterns = includeEntry.value.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [item.value.replace(/^\.\//, '')] : []));
    const isIncluded = picomatch(patterns);
    parsed = parsed.filter((p) => p === header || isIncluded(p.source.path ?? p.source.name));
  }
  parsed.sort((a, b) => (a === header ? -1 : b === header ? 1 : a.file.name < b.file.name ? -1 : a.file.name > b.file.name ? 1 : 0));
  const syntax = parsed.flatMap((p) => p.diagnostics);
  const { plan, diagnostics } = normalizePlan(parsed.map((p) => p.file));
  return { plan, diagnostics: [...syntax, ...diagnostics] };
}
