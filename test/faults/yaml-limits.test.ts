import { describe, expect, it } from 'vitest';
import { formatLocation } from '../../src/core/location.js';
import { parseYamlFile } from '../../src/sources/yaml-file.js';

// Defect 7: aliases resolved in quadratic time (10,000 aliases: 49.7 s), an unlocated node-cap
// error, and a 50 MB alias-free file taking 41 s and 3 GB before failing with the alias message.
describe('YAML limits', () => {
  /** `n` aliases of one small anchor, each under its own key. */
  const aliases = (n: number) => `types:\n  base: &b { type: string, description: shared }\n${Array.from({ length: n }, (_, i) => `  t${i}: *b\n`).join('')}`;

  it('resolves 10,000 aliases in linear time', () => {
    const time = (n: number) => {
      const text = aliases(n);
      const started = performance.now();
      const { file, diagnostics } = parseYamlFile('types.yaml', text);
      expect(diagnostics).toEqual([]);
      expect(file.root?.kind === 'map' && file.root.entries[0]!.value.kind === 'map' && file.root.entries[0]!.value.entries.length).toBe(n + 1);
      return performance.now() - started;
    };
    time(1000);
    const small = Math.min(time(2500), time(2500));
    const large = Math.min(time(10_000), time(10_000));
    // Quadratic would be 16 times the smaller run; linear is 4 (with room for noise on a shared machine).
    expect(large / small).toBeLessThan(9);
    expect(large).toBeLessThan(2000);
  });

  it('keeps each alias located where its anchor stands, and its value', () => {
    const { file } = parseYamlFile('types.yaml', aliases(2));
    const types = file.root?.kind === 'map' ? file.root.entries[0]!.value : undefined;
    const entries = types?.kind === 'map' ? types.entries : [];
    expect(entries.map((entry) => [entry.key, entry.value.kind, formatLocation(entry.value.location!)])).toEqual([
      ['base', 'map', 'types.yaml:2:12'], ['t0', 'map', 'types.yaml:2:12'], ['t1', 'map', 'types.yaml:2:12'],
    ]);
  });

  it('refuses a file past the size cap before parsing it, with the size in the message', () => {
    const text = `# ${'x'.repeat(50 * 1024 * 1024)}\n`;
    const started = performance.now();
    const { diagnostics } = parseYamlFile('big.yaml', text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(diagnostics.map((d) => [d.ruleId, d.messageId, d.location, d.data])).toEqual([
      ['yaml-limit', 'fileTooLarge', { file: 'big.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 }, { size: Buffer.byteLength(text), limit: 10 * 1024 * 1024 }],
    ]);
  });

  it('an alias inside its own anchor stands for nothing rather than expanding for ever', () => {
    const { diagnostics, file } = parseYamlFile('loop.yaml', 'a: &a [1, *a]\n');
    expect(diagnostics).toEqual([]);
    expect(file.root?.kind).toBe('map');
  });
});
