import { describe, expect, it } from 'vitest';
import { bucketOf, buckets, godProducts, guardThreshold, interconnectionWeeks, type Use } from './mesh-figures.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-29T00:00:00Z');
const ref = (name: string) => ({ iri: `https://m.test/${name}`, name, domain: 'd', owner: 't' });

describe('mesh figures', () => {
  it('cuts whole weeks back from now, the last including now', () => {
    const weeks = buckets(NOW, 3, 7);
    expect(weeks.map((w) => [(NOW - w.from) / DAY, (NOW - w.to) / DAY])).toEqual([
      [21, 14],
      [14, 7],
      [7, 0],
    ]);
    expect([bucketOf(weeks, NOW - 21 * DAY), bucketOf(weeks, NOW - 14 * DAY), bucketOf(weeks, NOW), bucketOf(weeks, NOW - 22 * DAY), bucketOf(weeks, NOW + 1)]).toEqual([0, 1, 2, -1, -1]);
  });

  it('counts links, consumers and domain crossings per week, and the share of reads that cross', () => {
    const domains: Record<string, string> = { p: 'sales', q: 'sales', ops: 'ops', fin: 'finance' };
    const uses: Use[] = [
      { product: 'p', consumer: 'ops', at: NOW - 1 * DAY, reads: 30 },
      { product: 'p', consumer: 'ops', at: NOW - 2 * DAY, reads: 10 },
      { product: 'p', consumer: 'q', at: NOW - 3 * DAY, reads: 60 },
      { product: 'q', consumer: 'fin', at: NOW - 10 * DAY, reads: 5 },
      { product: 'q', consumer: 'fin', at: NOW - 30 * DAY, reads: 5 },
    ];
    expect(interconnectionWeeks(uses, buckets(NOW, 2, 7), (iri) => domains[iri] ?? 'unknown')).toEqual([
      { from: '2026-06-15T00:00:00.000Z', to: '2026-06-22T00:00:00.000Z', activeLinks: 1, consumers: 1, domainLinks: 1, crossDomainShare: 1 },
      { from: '2026-06-22T00:00:00.000Z', to: '2026-06-29T00:00:00.000Z', activeLinks: 2, consumers: 2, domainLinks: 1, crossDomainShare: 0.4 },
    ]);
    expect(interconnectionWeeks([], buckets(NOW, 1, 7), () => 'x')[0]).not.toHaveProperty('crossDomainShare');
  });

  it('puts the guard at max(20, the 95th percentile of dependents)', () => {
    expect(guardThreshold([])).toBe(20);
    expect(guardThreshold(Array.from({ length: 100 }, (_, i) => i))).toBe(94);
    expect(guardThreshold([1, 2, 3])).toBe(20);
  });

  it('guards products with many dependents and failing change, and watches the others', () => {
    const found = godProducts(
      [
        { product: ref('hub'), downstreamProducts: 12, consumers: 18, checks: { total: 100, failed: 30 } },
        { product: ref('steady'), downstreamProducts: 20, consumers: 5, checks: { total: 100, failed: 2 } },
        { product: ref('quiet'), downstreamProducts: 25, consumers: 0 },
        { product: ref('small'), downstreamProducts: 3, consumers: 4, checks: { total: 10, failed: 10 } },
      ],
      20,
    );
    expect(found.map((g) => [g.product.name, g.dependents, g.guard, g.sloFailureShare])).toEqual([
      ['hub', 30, 'guarded', 0.3],
      // Equal dependents: by IRI.
      ['quiet', 25, 'watch', undefined],
      ['steady', 25, 'watch', 0.02],
    ]);
    expect(found[0]?.reason).toBe('30 dependents (threshold 20) and 30% of its SLO checks failed in 90 days: high blast radius, consider splitting');
    expect(found[1]?.reason).toBe('25 dependents (threshold 20); its guarantees hold (no checks reported)');
    expect(found[2]?.reason).toBe('25 dependents (threshold 20); its guarantees hold (2% of checks failed)');
  });
});
