import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { LINT_RULES } from '../../src/lint/rules/index.js';
import { lintSarifProperties } from '../../src/report/lint-projects.js';
import { formatSarif } from '../../src/report/sarif.js';
import { lintCode } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Both are CommonJS: under ESM interop the class and the function sit on `default`.
const Ajv04 = ajvDraft04.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: InstanceType<typeof Ajv04>) => unknown;

/** The official SARIF 2.1.0 schema (see sarif/README.md); its patterns are not unicode-mode regular expressions. */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(here, 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const OPTIONS = {
  toolName: 'trackplan',
  toolVersion: '0.1.0',
  informationUri: 'https://www.npmjs.com/package/trackplan',
  rules: LINT_RULES.map(({ id, description, severity }) => ({ id, description, severity })),
};

describe('SARIF reporter', () => {
  it('writes a log that the SARIF 2.1.0 schema accepts, with a result per finding', async () => {
    const result = await lintCode({
      'src/web/app.ts': `analytics.track('Order Complete', {});\nanalytics.track('Old Signup', {});\nanalytics.track('Order Completed', { order_id: 7, total: 1 });`,
      'src/web/my file.js': `analytics.track('Signed Up', { email: 'a@b.co' }`,
    });
    const log = JSON.parse(formatSarif(result.diagnostics, OPTIONS)) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[] };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0]!;
    expect(run.results.map((r) => [r['ruleId'], r['level'], run.tool.driver.rules[r['ruleIndex'] as number]!.id])).toEqual([
      ['unplanned-event', 'error', 'unplanned-event'],
      ['deprecated-event', 'warning', 'deprecated-event'],
      ['property-type-mismatch', 'error', 'property-type-mismatch'],
      ['syntax-error', 'error', 'syntax-error'],
    ]);
    expect(run.results[3]!['locations']).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'src/web/my%20file.js', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 49 } } },
    ]);
    expect(run.results[0]!['locations']).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'src/web/app.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 17, endLine: 1, endColumn: 33 } } },
    ]);
  });

  it('gives a finding about a shared const one result per call, the const as a related location', async () => {
    const result = await lintCode({
      'src/web/app.ts': `const ctx = { order_id: 'o-1', total: 1, extra: 2 };\nanalytics.track('Order Completed', ctx);\nanalytics.track('Order Completed', ctx);`,
    });
    const log = JSON.parse(formatSarif(result.diagnostics, OPTIONS)) as { runs: { results: Record<string, unknown>[] }[] };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const at = (line: number, column: number, endColumn: number) => ({
      physicalLocation: { artifactLocation: { uri: 'src/web/app.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: line, startColumn: column, endLine: line, endColumn } },
    });
    expect(log.runs[0]!.results.map((r) => [r['locations'], r['relatedLocations']])).toEqual([
      [[at(2, 36, 39)], [{ id: 0, ...at(1, 42, 47) }]],
      [[at(3, 36, 39)], [{ id: 0, ...at(1, 42, 47) }]],
    ]);
  });

  it('stays valid for findings without a file position and rules it does not list', () => {
    const diagnostics: Diagnostic[] = [
      { ruleId: 'custom', messageId: 'x', severity: 'warning', message: 'no place', location: undefined },
      { ruleId: 'unknown-key', messageId: 'unknownKey', severity: 'error', message: 'in a sheet', location: { sheet: 'Events', cell: 'B7' } },
    ];
    const log = JSON.parse(formatSarif(diagnostics, OPTIONS)) as object;
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('stays valid with the TypeScript projects in the run\'s and the results\' properties', async () => {
    const result = await lintCode({ 'src/web/app.ts': `declare const total: number;\nanalytics.track('Order Complete', { total });` });
    const log = JSON.parse(formatSarif(result.diagnostics, { ...OPTIONS, ...lintSarifProperties(result) })) as { runs: { properties: object; results: { properties: object }[] }[] };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.properties).toEqual({ checker: true, projects: [{ tsconfig: null, checker: true, files: 1, filesWithCalls: ['src/web/app.ts'] }] });
    expect(log.runs[0]!.results.map((r) => r.properties)).toEqual([{ messageId: 'unplannedEvent', tsconfig: null }]);
  });

  it('is rejected by the schema when broken, so the check above can fail', () => {
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'a' }, level: 'fatal' }] }] })).toBe(false);
  });
});
