import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../../src/lint/rules/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(path.join(here, '..', '..', 'docs', 'lint.md'), 'utf8');
const lintSection = readme.slice(readme.indexOf('## Linting the code'));

describe('lint rule registry', () => {
  it('is in alphabetical order of id, without duplicates', () => {
    const ids = LINT_RULES.map((rule) => rule.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it.each(LINT_RULES.map((rule) => [rule.id, rule] as const))('%s lives in its own file, has a test table covering its messages and a docs row', (id, rule) => {
    expect(existsSync(path.join(here, '..', '..', 'src', 'lint', 'rules', `${id}.ts`))).toBe(true);
    const testFile = path.join(here, 'rules', `${id}.test.ts`);
    expect(existsSync(testFile)).toBe(true);
    const test = readFileSync(testFile, 'utf8');
    for (const messageId of Object.keys(rule.messages)) expect(test, `${id}: no test case for ${messageId}`).toContain(`'${messageId}'`);
    expect(lintSection).toContain(`| \`${id}\` | ${rule.severity} |`);
    expect(rule.description.length).toBeGreaterThan(10);
  });
});
