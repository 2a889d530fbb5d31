import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_RULES } from '../../src/core/rules/registry.js';

const root = path.join(import.meta.dirname, '../..');

async function planReviewSection(): Promise<string> {
  const readme = await readFile(path.join(root, 'docs', 'plan-review.md'), 'utf8');
  const start = readme.indexOf('## Plan review');
  expect(start, 'docs/plan-review.md has a "## Plan review" section').toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe('plan rule registry (CONVENTIONS 10)', () => {
  const ids = PLAN_RULES.map((r) => r.id);

  it('lists every rule once, in alphabetical order, with kebab-case ids', () => {
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('has one file per rule under src/core/rules, named after its id, and every rule file is registered', async () => {
    const helpers = new Set(['index.ts', 'names.ts', 'options.ts', 'registry.ts', 'run.ts', 'types.ts', 'walk.ts']);
    const files = (await readdir(path.join(root, 'src/core/rules'))).filter((f) => !helpers.has(f)).sort();
    expect(files).toEqual(ids.map((id) => `${id}.ts`));
    for (const rule of PLAN_RULES) {
      const mod = (await import(/* @vite-ignore */ path.join(root, 'src/core/rules', `${rule.id}.ts`))) as { default: unknown };
      expect(mod.default).toBe(rule);
    }
  });

  it('has a test table per rule', async () => {
    for (const id of ids) {
      const text = await readFile(path.join(root, `test/rules/${id}.test.ts`), 'utf8').catch(() => '');
      expect(text, `test/rules/${id}.test.ts calls testRule('${id}', ...)`).toContain(`testRule('${id}', {`);
    }
  });

  it('documents every rule with its default severity in docs/plan-review.md', async () => {
    const section = await planReviewSection();
    for (const rule of PLAN_RULES) {
      const severity = rule.meta.severity;
      expect(section, `docs row for ${rule.id}`).toContain(`| \`${rule.id}\` | ${severity} |`);
      for (const option of Object.keys(rule.options)) expect(section, `docs name option ${rule.id}.${option}`).toMatch(new RegExp(`\\| \`${rule.id}\` \\|[^\\n]*\`${option}\``));
    }
  });
});
