import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/app/check-plan.js';
import { runCli } from '../../src/cli/index.js';
import { formatLocation } from '../../src/core/location.js';
import { loadPlan } from '../../src/sources/load-plan.js';

const root = path.join(import.meta.dirname, '../..');

describe('plan rules on the example plan', () => {
  it('find nothing at all: the example plan is the model of a clean plan', async () => {
    const { plan, diagnostics } = await loadPlan('plans', { cwd: root });
    expect(diagnostics).toEqual([]);
    const result = await checkPlan(plan!);
    expect(result.configDiagnostics).toEqual([]);
    expect(result.diagnostics.map((d) => `${formatLocation(d.location)} ${d.ruleId} ${d.message}`)).toEqual([]);
  });

  it('`trackplan check` exits 0 on it', async () => {
    let out = '';
    const io = { cwd: root, color: false, stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t) };
    expect(await runCli(['check'], io)).toBe(0);
    expect(out).toMatch(/rudderstack-funnel@\d+\.\d+\.\d+: \d+ planned calls, no problems\n$/);
  });
});
