import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';

const HEADER = 'trackplan: 1\nid: shop\nname: Shop\nversion: 3.0.0\n';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

async function topLevelFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
}

describe('trackplan build: tracking code', () => {
  it('picks the flavour from the sources: Node SDKs only gives a Node tracking.ts', async () => {
    const dir = await tempTree({
      'plans/plan.yaml': `${HEADER}sources:\n  api: { name: API, sdk: rudderstack-node }\n  hook: { name: Hook, sdk: webhook }\n`,
      'plans/events.yaml': 'events:\n  Order Completed:\n    properties:\n      total: { type: number, required: true }\n',
    });
    expect(await runCli(['build'], capture(dir))).toBe(0);
    const out = path.join(dir, 'generated');
    expect(await topLevelFiles(out)).toEqual(['plan.json', 'tracking.d.ts', 'tracking.js', 'tracking.ts', 'validators.d.ts', 'validators.js', 'validators.ts']);
    const ts = await readFile(path.join(out, 'tracking.ts'), 'utf8');
    expect(ts).toContain('export function orderCompleted(message: TrackplanMessage<{ properties: OrderCompletedProperties }>): void {');
    expect(ts).toContain('Typed Node.js tracking functions for @rudderstack/rudder-sdk-node.');
  });

  it('--sdk overrides the sources, and --check compares with the same flavour', async () => {
    const dir = await tempTree({
      'plans/plan.yaml': `${HEADER}sources:\n  web: { name: Web, sdk: rudderstack-js }\n  api: { name: API, sdk: segment-node }\n`,
      'plans/events.yaml': 'events:\n  Order Completed: {}\n',
    });
    expect(await runCli(['build', '--sdk', 'segment-js'], capture(dir))).toBe(0);
    const out = path.join(dir, 'generated');
    expect(await topLevelFiles(out)).toEqual(['plan.json', 'tracking.d.ts', 'tracking.js', 'tracking.ts', 'validators.d.ts', 'validators.js', 'validators.ts']);
    expect(await readFile(path.join(out, 'tracking.ts'), 'utf8')).toContain('export function orderCompleted(properties?: OrderCompletedProperties, options?: TrackplanCallOptions): void {');
    expect(await runCli(['build', '--check', '--sdk', 'segment-js'], capture(dir))).toBe(0);
    const io = capture(dir);
    expect(await runCli(['build', '--check'], io)).toBe(1);
    expect(io.out.split('\n').filter((l) => l.startsWith('stale'))).toEqual([
      'stale: generated/tracking-node.d.ts',
      'stale: generated/tracking-node.js',
      'stale: generated/tracking-node.ts',
      // The header names the SDK: @rudderstack/analytics-js now.
      'stale: generated/tracking.d.ts',
      'stale: generated/tracking.js',
      'stale: generated/tracking.ts',
    ]);
  });

  it('exits 2 on an unknown --sdk, naming the ones it knows', async () => {
    const dir = await tempTree({ 'plans/plan.yaml': HEADER, 'plans/events.yaml': 'events:\n  a: {}\n' });
    const io = capture(dir);
    expect(await runCli(['build', '--sdk', 'rudderstack-go'], io)).toBe(2);
    expect(io.err).toBe('trackplan: --sdk: unknown SDK "rudderstack-go"; expected one of: rudderstack-js, segment-js, rudderstack-node, segment-node\n');
  });

  it('exits 2 on events that would share a function name, at both places, and writes nothing', async () => {
    const dir = await tempTree({
      'plans/plan.yaml': HEADER,
      'plans/events.yaml': 'events:\n  orderCompleted: {}\n  order_completed: {}\n  "🎉": {}\n',
    });
    const io = capture(dir);
    expect(await runCli(['build'], io)).toBe(2);
    expect(io.err.split('\n')).toEqual([
      'trackplan: cannot generate the tracking functions; nothing was written:',
      'plans/events.yaml:2:3  error  event "orderCompleted" compiles to the function name orderCompleted, as does "order_completed" (at plans/events.yaml:3:3); rename one of them  codegen-name-collision',
      'plans/events.yaml:3:3  error  event "order_completed" compiles to the function name orderCompleted, as does "orderCompleted" (at plans/events.yaml:2:3); rename one of them  codegen-name-collision',
      'plans/events.yaml:4:3  error  event "🎉" has no letter or digit to build a function name from; rename it  codegen-unnameable-event',
      '',
      '3 errors, 0 warnings',
      '',
      '',
    ]);
    expect(await stat(path.join(dir, 'generated')).catch(() => undefined)).toBeUndefined();
  });
});
