import { describe, expect, it } from 'vitest';
import { invalidUse, UsageLedger } from './usage.js';

describe('UsageLedger', () => {
  it('counts uses per consumer and port until sealed, at the latest use', () => {
    const ledger = new UsageLedger(10);
    ledger.record('analytics', 'readings', 1, '2026-03-01T10:00:00.000Z');
    ledger.record('analytics', 'readings', 2, '2026-03-01T10:00:05.000Z');
    ledger.record('analytics', undefined, 1, '2026-03-01T10:00:06.000Z');
    ledger.record('ops', 'readings', 4, '2026-03-01T10:00:07.000Z');
    expect(ledger.peek(10)).toEqual([]); // nothing leaves before it is sealed
    ledger.seal();
    const reports = ledger.peek(10);
    expect(reports.map(({ id: _id, ...r }) => r)).toEqual([
      { consumer: 'analytics', port: 'readings', count: 3, at: '2026-03-01T10:00:05.000Z' },
      { consumer: 'analytics', count: 1, at: '2026-03-01T10:00:06.000Z' },
      { consumer: 'ops', port: 'readings', count: 4, at: '2026-03-01T10:00:07.000Z' },
    ]);
    expect(new Set(reports.map((r) => r.id)).size).toBe(3);
  });

  it('keeps a sealed report as it is, id and count, however often it is retried', () => {
    const ledger = new UsageLedger(10);
    ledger.record('analytics', undefined, 1, '2026-03-01T10:00:00.000Z');
    ledger.seal();
    const [first] = ledger.peek(1);
    ledger.record('analytics', undefined, 5, '2026-03-01T10:00:09.000Z');
    expect(ledger.peek(1)).toEqual([first]);
    ledger.seal();
    expect(ledger.peek(10)).toHaveLength(2);
    ledger.sent(ledger.peek(1));
    expect(ledger.peek(10)).toMatchObject([{ count: 5 }]);
    expect(ledger.peek(1)[0]?.id).not.toBe(first?.id);
  });

  it('holds at most its capacity, dropping the oldest report', () => {
    const ledger = new UsageLedger(2);
    expect(ledger.record('a', undefined, 1, '2026-03-01T10:00:00Z')).toBe(0);
    ledger.seal();
    expect(ledger.record('b', undefined, 1, '2026-03-01T10:00:01Z')).toBe(0);
    expect(ledger.record('c', undefined, 1, '2026-03-01T10:00:02Z')).toBe(1); // a, the sealed one, goes
    expect(ledger.record('d', undefined, 1, '2026-03-01T10:00:03Z')).toBe(1); // then b, the oldest counted
    ledger.seal();
    expect(ledger.peek(10).map((r) => r.consumer)).toEqual(['c', 'd']);
    expect(ledger.clear()).toBe(2);
  });
});

describe('invalidUse', () => {
  it('takes a team slug or an IRI as the consumer, as Quanta does', () => {
    expect(invalidUse('analytics', 'readings', 1)).toBeUndefined();
    expect(invalidUse('coast-ops', undefined, 3)).toBeUndefined();
    expect(invalidUse('https://tides.example/products/coast/harbour-plan', undefined, 1)).toBeUndefined();
    expect(invalidUse('Analytics', undefined, 1)).toMatch(/neither a team slug/);
    expect(invalidUse('', undefined, 1)).toMatch(/neither a team slug/);
    expect(invalidUse(undefined as unknown as string, undefined, 1)).toMatch(/must be a string/);
  });

  it('refuses a count Quanta would refuse, and an empty port', () => {
    expect(invalidUse('analytics', undefined, 0)).toMatch(/count/);
    expect(invalidUse('analytics', undefined, 1.5)).toMatch(/count/);
    expect(invalidUse('analytics', '', 1)).toMatch(/port/);
  });
});
