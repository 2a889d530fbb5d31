import { describe, expect, it } from 'vitest';
import { addViolationRecord, createViolationTally, recordDay, sortCounts } from '../../src/catalog/violation-tally.js';
import type { ViolationRecord } from '../../src/runtime/types.js';

const violation = (type: ViolationRecord['violations'][number]['type'], property?: string) => ({
  type, ...(property !== undefined ? { property } : {}), message: '', meta: { instancePath: '', schemaPath: '', keyword: '' },
});

describe('violation tally', () => {
  it.each([
    [{ receivedAt: '2024-05-14T23:59:59Z' }, '2024-05-14'],
    [{ receivedAt: 1715731200000 }, '2024-05-15'],
    [{ timestamp: '2024-01-02T00:00:00.000Z' }, '2024-01-02'],
    [{ message: { originalTimestamp: '2023-12-31T10:00:00Z' } }, '2023-12-31'],
    [{ message: { timestamp: 'not a date' } }, '2020-01-01'],
    [{}, '2020-01-01'],
  ])('dates %j on %s', (record, day) => {
    expect(recordDay(record, '2020-01-01')).toBe(day);
  });

  it('counts records per call, type, property and day', () => {
    const tally = createViolationTally();
    const record = (type: string | null, event: string | null, violations: ViolationRecord['violations']): ViolationRecord => ({ line: 1, messageId: null, type, event, outcome: 'forwarded', violations });
    addViolationRecord(tally, record('track', 'a', [violation('Required-Missing', 'x'), violation('Datatype-Mismatch', 'y')]), '2024-01-01');
    addViolationRecord(tally, record('track', 'a', [violation('Required-Missing', 'x')]), '2024-01-02');
    addViolationRecord(tally, record('identify', null, [violation('Additional-Properties', 'phone')]), '2024-01-02');
    addViolationRecord(tally, record(null, null, [violation('Malformed-Event')]), '2024-01-02');
    expect({ records: tally.records, violations: tally.violations }).toEqual({ records: 4, violations: 5 });
    expect(sortCounts(tally.byType)).toEqual([['Required-Missing', 2], ['Additional-Properties', 1], ['Datatype-Mismatch', 1], ['Malformed-Event', 1]]);
    expect([...tally.byDay]).toEqual([['2024-01-01', 1], ['2024-01-02', 3]]);
    const a = tally.byEvent.get('track\u0000a')!;
    expect({ records: a.records, properties: sortCounts(a.byProperty), days: [...a.byDay] }).toEqual({ records: 2, properties: [['x', 2], ['y', 1]], days: [['2024-01-01', 1], ['2024-01-02', 1]] });
    expect([...tally.byEvent.keys()]).toEqual(['track\u0000a', 'identify\u0000identify', 'unknown\u0000unknown']);
  });
});
