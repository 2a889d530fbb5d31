import { describe, expect, it } from 'vitest';
import { visitLines } from '../../src/runtime/ndjson-lines.js';
import type { ValidationResult } from '../../src/runtime/types.js';

type Seen = [number, string];

function visit(buf: Buffer, start = 0, end = buf.length, maxBytes = 2000): { seen: Seen[]; count: number } {
  const seen: Seen[] = [];
  const visitor = {
    line: (line: number, text: string) => { seen.push([line, text]); },
    fault: (line: number, result: ValidationResult) => { seen.push([line, `fault:${result.violations[0]!.meta.keyword}`]); },
  };
  const count = visitLines({ kind: 'lines', buf, start, end }, 10, maxBytes, visitor);
  return { seen, count };
}

/** Lines of every kind, long enough together that a region is decoded in several pieces. */
function lines(): (string | Buffer)[] {
  const out: (string | Buffer)[] = [];
  for (let i = 0; i < 3000; i++) {
    switch (i % 7) {
      case 1: out.push(''); break;
      case 2: out.push(`{"n":${i},"s":"héllo ✓ ${'é'.repeat(i % 40)}"}\r`); break;
      case 3: out.push(Buffer.from([0x7b, 0xff, 0x7d])); break;
      case 4: out.push(`"${'x'.repeat(2500)}"`); break;
      case 5: out.push('   '); break;
      default: out.push(`{"n":${i}}`);
    }
  }
  return out;
}

describe('visitLines', () => {
  it('numbers and decodes every line of a region of several pieces as line by line', () => {
    const all = lines();
    const buf = Buffer.concat(all.flatMap((line) => [Buffer.from(line), Buffer.from('\n')]));
    expect(buf.length).toBeGreaterThan(4 * 64 * 1024);
    const expected: Seen[] = [];
    all.forEach((line, i) => {
      const text = typeof line === 'string' ? line.replace(/\r$/, '') : undefined;
      if (text === undefined) expected.push([10 + i, 'fault:invalidUtf8']);
      else if (Buffer.byteLength(text) > 2000) expected.push([10 + i, 'fault:tooLarge']);
      else if (text.trim() !== '') expected.push([10 + i, text]);
    });
    const { seen, count } = visit(buf);
    expect(count).toBe(3000);
    expect(seen).toEqual(expected);
    // The same lines from an offset into the buffer, the last one without its newline.
    const tail = visit(Buffer.concat([Buffer.from('{"skip":1}\n'), buf]), 11, buf.length + 10);
    expect(tail.count).toBe(3000);
    expect(tail.seen).toEqual(expected);
  });

  it('visits a line longer than a piece whole', () => {
    const long = `"${'y'.repeat(150_000)}"`;
    const { seen, count } = visit(Buffer.from(`{"a":1}\n${long}\n{"b":2}`), 0, undefined, 1 << 20);
    expect(count).toBe(3);
    expect(seen).toEqual([[10, '{"a":1}'], [11, long], [12, '{"b":2}']]);
  });
});
