import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/app/check-plan.js';
import { findRule } from '../../src/core/rules/registry.js';
import { loadPlanFiles } from '../../src/sources/load-plan-files.js';

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** File of the finding when the case has several (default `events.yaml`). */
  file?: string;
  /** The message data, all of it (default: none). */
  data?: Record<string, string | number>;
}

export interface RuleCase {
  name: string;
  /** `events.yaml`: line numbers of the expected findings count in this text. */
  plan: string;
  /** More header lines (sources, ...), appended after `version:`. */
  header?: string;
  /** More files, by name. */
  files?: Record<string, string>;
  options?: Record<string, unknown>;
  /** Severity the header gives the rule (default error). */
  severity?: 'error' | 'warn';
}

export interface InvalidRuleCase extends RuleCase {
  errors: ExpectedFinding[];
}

const HEADER = 'trackplan: 1\nid: rule-test\nname: Rule test\nversion: 1.0.0\nsources:\n  web: { name: Web }\n';

export async function runCase(ruleId: string, c: RuleCase) {
  const options = c.options ? `[${c.severity ?? 'error'}, ${JSON.stringify(c.options)}]` : (c.severity ?? 'error');
  const header = `${HEADER}${c.header ?? ''}rules:\n  ${ruleId}: ${options}\n`;
  const files = [
    { name: 'plan.yaml', text: header },
    { name: 'events.yaml', text: c.plan },
    ...Object.entries(c.files ?? {}).map(([name, text]) => ({ name, text })),
  ];
  const { plan, diagnostics } = loadPlanFiles(files);
  expect(diagnostics, 'the case must be a valid plan').toEqual([]);
  const result = await checkPlan(plan!, { only: [ruleId] });
  expect(result.configDiagnostics).toEqual([]);
  return result.diagnostics;
}

/**
 * A rule's table: valid plans give no finding, invalid ones exactly the listed findings (message
 * id, data, severity, file and span from line:column to endLine:endColumn). Every message of the
 * rule must be exercised by some invalid case.
 */
export function testRule(ruleId: string, table: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
  const rule = findRule(ruleId);
  describe(`plan rule ${ruleId}`, () => {
    it('is registered and has valid and invalid cases covering every message', () => {
      expect(rule, `rule ${ruleId} in the registry`).toBeDefined();
      expect(table.valid.length).toBeGreaterThan(0);
      expect(table.invalid.length).toBeGreaterThan(0);
      const covered = new Set(table.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect([...covered].sort()).toEqual(Object.keys(rule!.messages).sort());
    });
    for (const c of table.valid) {
      it(`valid: ${c.name}`, async () => {
        expect(await runCase(ruleId, c)).toEqual([]);
      });
    }
    for (const c of table.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const found = await runCase(ruleId, c);
        const actual = found.map((d) => {
          const location = d.location && 'file' in d.location ? d.location : undefined;
          return {
            ruleId: d.ruleId, messageId: d.messageId, severity: d.severity, data: d.data ?? {},
            file: location?.file, line: location?.line, column: location?.column, endLine: location?.endLine, endColumn: location?.endColumn,
          };
        });
        expect(actual).toEqual(c.errors.map((e) => ({
          ruleId, messageId: e.messageId, severity: c.severity === 'warn' ? 'warning' : 'error', data: e.data ?? {},
          file: e.file ?? 'events.yaml', line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn,
        })));
      });
    }
  });
}
