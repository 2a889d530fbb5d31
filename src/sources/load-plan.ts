import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { Diagnostic } from '../core/diagnostics.js';
import { normalizePlan } from '../core/normalize/index.js';
import type { PlanIR } from '../core/ir.js';
import type { RawFile } from '../core/raw.js';
import { ConfigError } from '../core/errors.js';
import { parseYamlFile, type ParsedYaml } from './yaml-file.js';

/** A loaded plan: the Plan IR when the files could be read into one, and every problem found on the way. */
export interface LoadedPlan {
  /** The normalized plan; undefined when the files could not be merged into one (see `diagnostics`). */
  plan: PlanIR | undefined;
  /** Syntax and format problems, each at its place; an error means the plan must not be used. */
  diagnostics: Diagnostic[];
}

/** Options of {@link loadPlan}. */
export interface LoadPlanOptions {
  /** File names in messages are relative to this folder (default: the current directory). */
  cwd?: string;
}

const YAML_FILE = /\.ya?ml$/i;

/**
 * Reads a plan folder (or a single plan file), merges its files and normalizes them into the Plan IR.
 *
 * @param planPath - The plan folder (every `*.yaml` under it, or those its header's `include:` names) or one `.yaml` file.
 * @returns The plan and its diagnostics: an invalid plan gives diagnostics, not a throw.
 * @throws {@link ConfigError} when the path does not exist or holds no YAML file.
 */
export async function loadPlan(planPath: string, options: LoadPlanOptions = {}): Promise<LoadedPlan> {
  const { plan, diagnostics } = await loadPlanWithFiles(planPath, options);
  return { plan, diagnostics };
}

/** {@link loadPlan}, with the parsed files in merge order (what `sheets push` lays out as rows). */
export async function loadPlanWithFiles(planPath: string, options: LoadPlanOptions = {}): Promise<LoadedPlan & { files: RawFile[] }> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, planPath);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new ConfigError(`plan not found: ${planPath} (expected a folder of *.yaml files)`);
  if (!info.isDirectory() && !YAML_FILE.test(absolute)) throw new ConfigError(`not a plan: ${planPath} (expected a folder of *.yaml files, or one .yaml file)`);
  const root = info.isDirectory() ? absolute : path.dirname(absolute);
  const found = info.isDirectory() ? await listYamlFiles(root) : [absolute];
  if (found.length === 0) throw new ConfigError(`no *.yaml files in ${planPath}`);
  const display = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || file;

  let parsed: ParsedYaml[] = await Promise.all(found.map(async (file) => parseYamlFile(display(file), await readFile(file, 'utf8'))));
  // `include:` in the header narrows the files to its globs (the header file always takes part).
  const header = parsed.find((p) => p.file.root?.kind === 'map' && p.file.root.entries.some((e) => e.key === 'trackplan'));
  const includeEntry = header?.file.root?.kind === 'map' ? header.file.root.entries.find((e) => e.key === 'include') : undefined;
  if (header && includeEntry?.value.kind === 'seq' && info.isDirectory()) {
    const patterns = includeEntry.value.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [item.value] : []));
    const included = new Set((await glob(patterns, { cwd: root, absolute: true })).map((f) => path.resolve(f)));
    parsed = parsed.filter((p, i) => p === header || included.has(found[i]!));
  }
  // The header file first, then the others in path order: a stable merge order.
  parsed.sort((a, b) => (a === header ? -1 : b === header ? 1 : a.file.name < b.file.name ? -1 : 1));
  const syntax = parsed.flatMap((p) => p.diagnostics);
  const { plan, diagnostics } = normalizePlan(parsed.map((p) => p.file));
  return { plan, diagnostics: [...syntax, ...diagnostics], files: parsed.map((p) => p.file) };
}

async function listYamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (current: string) => {
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && YAML_FILE.test(entry.name)) out.push(full);
    }
  };
  await walk(dir);
  return out.sort();
}
