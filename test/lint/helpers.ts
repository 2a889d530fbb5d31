import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanIR } from '../../src/core/ir.js';
import { defaultLintConfig, mergeLintConfig, type LintConfig } from '../../src/lint/config.js';
import { lintSources, type LintResult } from '../../src/lint/lint-sources.js';
import { loadPlan } from '../../src/sources/load-plan.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Where in-memory test projects live. The folder does not exist: the linter (and its type checker)
 * reads these files from memory, while imports of SDK packages still resolve through the
 * repository's node_modules above it.
 */
export const VIRTUAL_ROOT = path.join(here, 'virtual-project');
export const FIXTURE_PLAN = path.join(here, 'fixtures', 'plan');

let cachedPlan: Promise<PlanIR> | undefined;

export function fixturePlan(): Promise<PlanIR> {
  cachedPlan ??= loadPlan(FIXTURE_PLAN).then(({ plan, diagnostics }) => {
    if (!plan || diagnostics.some((d) => d.severity === 'error')) throw new Error(`fixture plan has errors: ${JSON.stringify(diagnostics)}`);
    return plan;
  });
  return cachedPlan;
}

export interface LintCodeOptions {
  config?: Partial<LintConfig>;
  typeCheck?: boolean;
  plan?: PlanIR;
}

/** Lints in-memory files (relative path -> text) under VIRTUAL_ROOT against the fixture plan. */
export async function lintCode(files: Record<string, string>, options: LintCodeOptions = {}): Promise<LintResult> {
  const plan = options.plan ?? (await fixturePlan());
  const sources = Object.entries(files).map(([file, text]) => ({ file: path.join(VIRTUAL_ROOT, file), text }));
  return lintSources(sources, {
    plan,
    config: mergeLintConfig(defaultLintConfig(), options.config ?? {}),
    cwd: VIRTUAL_ROOT,
    ...(options.typeCheck !== undefined ? { typeCheck: options.typeCheck } : {}),
  });
}

export interface Finding {
  ruleId: string;
  messageId: string;
  file: string;
  line: number;
  column: number;
}

/** The findings of one rule (or all), as plain data for exact comparison. */
export function findings(result: LintResult, ruleId?: string): Finding[] {
  return result.diagnostics
    .filter((d) => ruleId === undefined || d.ruleId === ruleId)
    .map((d) => {
      const location = d.location && 'file' in d.location ? d.location : undefined;
      return { ruleId: d.ruleId, messageId: d.messageId, file: location?.file ?? '', line: location?.line ?? 0, column: location?.column ?? 0 };
    });
}

/** A finding a rule's table expects: message id and data, span from line:column to endLine:endColumn. */
export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The message data, all of it (default: none). */
  data?: Record<string, string | number>;
  /** File of the finding, relative to the project (default `src/web/app.ts`). */
  file?: string;
}

/** A case of a rule's table: files (or one file's code at src/web/app.ts), and the findings of that rule. */
export interface RuleCase {
  name: string;
  code?: string;
  files?: Record<string, string>;
  config?: Partial<LintConfig>;
  typeCheck?: boolean;
  expected: ExpectedFinding[];
}

export const DEFAULT_FILE = 'src/web/app.ts';

/** A rule's findings for one case, and the ones its table expects, in the same shape for `toEqual`. */
export async function runRuleCase(ruleId: string, testCase: RuleCase): Promise<{ actual: unknown[]; wanted: unknown[] }> {
  const files = testCase.files ?? { [DEFAULT_FILE]: testCase.code ?? '' };
  const result = await lintCode(files, {
    ...(testCase.config ? { config: testCase.config } : {}),
    ...(testCase.typeCheck !== undefined ? { typeCheck: testCase.typeCheck } : {}),
  });
  const actual = result.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => {
    const location = d.location && 'file' in d.location ? d.location : undefined;
    return {
      ruleId, messageId: d.messageId, data: d.data ?? {},
      file: location?.file, line: location?.line, column: location?.column, endLine: location?.endLine, endColumn: location?.endColumn,
    };
  });
  const wanted = testCase.expected.map((e) => ({
    ruleId, messageId: e.messageId, data: e.data ?? {},
    file: e.file ?? DEFAULT_FILE, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn,
  }));
  return { actual, wanted };
}
