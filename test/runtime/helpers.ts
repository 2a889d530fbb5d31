import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRuntimePlan, type CompiledPlan } from '../../src/core/compiled-plan.js';
import { hasErrors } from '../../src/core/diagnostics.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import type { Io } from '../../src/cli/io.js';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SHOP_PLAN = path.join(HERE, 'fixtures/shop');
export const REPO = path.resolve(HERE, '../..');

/** Loads and compiles a YAML plan folder; a plan with errors fails the test. */
export async function compilePlanDir(dir: string): Promise<CompiledPlan> {
  const { plan, diagnostics } = await loadPlan(dir);
  if (!plan || hasErrors(diagnostics)) throw new Error(`fixture plan ${dir} has errors: ${diagnostics.map((d) => d.message).join('; ')}`);
  return compileRuntimePlan(plan);
}

export function captureIo(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** A valid `Order Completed` of the shop plan. */
export function order(properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'track',
    event: 'Order Completed',
    messageId: 'm-1',
    properties: { order_id: 'o-1', total: 42.5, currency: 'EUR', products: [{ sku: 'ABC-1', price: 42.5 }], ...properties },
    ...extra,
  };
}
