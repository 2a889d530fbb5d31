import path from 'node:path';
import { toPlanJson } from '../../core/compile.js';
import { hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import { ConfigError } from '../../core/errors.js';
import type { PlanIR } from '../../core/ir.js';
import { normalizePlan } from '../../core/normalize/index.js';
import { toPlain } from '../../core/raw.js';
import { loadPlanWithFiles } from '../load-plan.js';
import type { Grid } from './a1.js';
import { planToRows, type PlanRows } from './plan-to-rows.js';
import { readSheetPlan } from './read-sheet.js';
import { gridsToSheet, planGrids } from './sheet-grids.js';

export interface PreparedPush {
  plan: PlanIR;
  rows: PlanRows;
  /** The plan as a fresh sheet: every tab's header and rows. */
  grids: Map<string, Grid>;
}

/**
 * Loads a valid plan and lays it out as the sheet template, then reads that sheet back and
 * insists it builds the very same output: a plan the sheet cannot hold is refused, not mangled.
 */
export async function preparePush(planPath: string, cwd: string): Promise<{ diagnostics: Diagnostic[]; prepared?: PreparedPush }> {
  const loaded = await loadPlanWithFiles(planPath, { cwd });
  const { plan, diagnostics } = loaded;
  if (!plan || hasErrors(diagnostics)) return { diagnostics };
  const absolute = path.resolve(cwd, planPath);
  const root = plan.files.length === 1 && path.resolve(cwd, plan.files[0]!) === absolute ? path.dirname(absolute) : absolute;
  const files = loaded.files.map((file) => ({
    path: path.relative(root, path.resolve(cwd, file.name)).split(path.sep).join('/'),
    data: ((file.root && toPlain(file.root)) ?? {}) as Record<string, unknown>,
  }));
  const rows = planToRows(files);
  const grids = planGrids(rows);
  const back = readBackPlan(grids);
  const first = back.problems.find((d) => d.severity === 'error');
  const difference = first ? first.message : back.plan ? findDifference(comparable(plan), comparable(back.plan)) : 'no plan';
  if (difference !== undefined) {
    // Whitespace around a value is one thing a sheet cannot keep (cells are trimmed).
    throw new ConfigError(`the plan cannot be written to the sheet template without changing it (at ${difference}: the sheet would read it back differently, as happens to a value with leading or trailing spaces)`);
  }
  return { diagnostics, prepared: { plan, rows, grids } };
}

/** Reads grids as `pull` would read the sheet. */
export function readBackPlan(grids: ReadonlyMap<string, Grid>): { plan: PlanIR | undefined; problems: Diagnostic[] } {
  const sheet = readSheetPlan(gridsToSheet('plan', grids));
  const normalized = normalizePlan(sheet.files);
  return { plan: normalized.plan, problems: [...sheet.diagnostics, ...normalized.diagnostics] };
}

/** plan.json (everything built derives from it) plus the header settings it leaves out. */
function comparable(plan: PlanIR): unknown {
  return { ...toPlanJson(plan), rules: plan.rules.map((rule) => ({ ...rule, location: undefined })), lint: plan.lint?.written };
}

/**
 * Where two JSON-like values first differ (`events[3].properties[0].description`), or undefined
 * when they are equal: lists in order, object keys in any order, an undefined key is absent.
 */
export function findDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return at || '(root)';
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return at || '(root)';
    for (let i = 0; i < a.length; i++) {
      const found = findDifference(a[i], b[i], `${at}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    const found = findDifference(ra[key], rb[key], at === '' ? key : `${at}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
