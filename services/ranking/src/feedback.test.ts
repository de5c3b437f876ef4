import { describe, expect, it } from 'vitest';
import type { ProductSignals } from './factors/signals.js';
import { catalogFeedback, catalogStats } from './feedback.js';
import { rerank } from './rerank.js';
import { daysAgo, NOW, testProduct } from './testing/signals.js';

const base = (id: string, over: Partial<ProductSignals> = {}) => testProduct(id, { examinations: 5000, ...over });
const consumers = (n: number) => Array.from({ length: n }, (_, i) => ({ consumer: `urn:quanta:team:c${i}`, lastUsedAt: daysAgo(2) }));

// The worked example of research/ranking.md §B.9, in this package's terms.
const orders = base('orders', {
  consumers: consumers(14),
  ratings: Array.from({ length: 9 }, (_, i) => ({ consumer: `urn:quanta:team:c${i}`, team: `t${i}`, stars: i < 5 ? 5 : 4, at: daysAgo(20), verified: true })),
  checks: Array.from({ length: 50 }, () => ({ guarantee: 'table/freshness', at: daysAgo(3), passed: true })),
});
const ordersCopy = base('orders_copy', {
  checks: Array.from({ length: 30 }, (_, i) => ({ guarantee: 'table/freshness', at: daysAgo(2), passed: i % 2 === 0 })),
  duplicateOf: { canonical: 'orders', name: 'orders', score: 0.88 },
  flaggedForRetirement: true,
});
const ordersV2 = base('orders_v2', { createdAt: daysAgo(10), examinations: 0 });
const enterprise = base('enterprise_360', {
  consumers: consumers(60),
  ratings: Array.from({ length: 12 }, (_, i) => ({ consumer: `urn:quanta:team:c${i}`, team: `t${i}`, stars: 3, at: daysAgo(40), verified: true })),
});
const quiet = base('quiet', { consumers: consumers(1) });

describe('catalog feedback through the re-ranker', () => {
  const feedback = catalogFeedback([orders, ordersCopy, ordersV2, enterprise, quiet], NOW);
  const names = (f: { factors: readonly { name: string }[] } | undefined) => f?.factors.map((x) => x.name);

  it('explains every product with its factors: usage, rating and SLO always, the rest when they apply', () => {
    expect(names(feedback.get('orders'))).toEqual(['usage', 'rating', 'slo']);
    expect(names(feedback.get('orders_copy'))).toEqual(['usage', 'rating', 'slo', 'duplicate', 'lifecycle']);
    expect(names(feedback.get('orders_v2'))).toEqual(['usage', 'rating', 'slo', 'new']);
  });

  it('lets the good product beat its better-matching but breaching, duplicate copy, and keeps the weak god product down', () => {
    const ranked = rerank(
      [
        { id: 'orders_copy', relevance: 0.95 },
        { id: 'orders', relevance: 0.93 },
        { id: 'orders_v2', relevance: 0.9 },
        { id: 'enterprise_360', relevance: 0.5 },
      ],
      feedback,
    );
    // The newcomer rides its exploration bonus; the copy, though the best text match, sinks to last.
    expect(ranked.map((r) => r.candidate.id)).toEqual(['orders_v2', 'orders', 'enterprise_360', 'orders_copy']);
    const good = ranked.find((r) => r.candidate.id === 'orders');
    expect(good?.factors.map((f) => [f.name, f.value > 1])).toEqual([['usage', true], ['rating', true], ['slo', false]]);
    expect(good?.factors[1]?.reason).toMatch(/^4\.\d\d★ adjusted from 9 verified ratings \(catalog mean 3\.\d\d\)$/);
    const copy = ranked.at(-1);
    expect(copy?.multiplier).toBe(0.25);
    expect(copy?.notes[0]).toMatch(/bounded to \[0.25, 2\]/);
    expect(ranked.find((r) => r.candidate.id === 'enterprise_360')?.notes).toContain('boosts not applied: weak text match for this query');
  });

  it('sets the usage midpoint at the median of the active products', () => {
    expect(catalogStats([orders, enterprise, quiet], NOW).usagePivot).toBeCloseTo(14 * Math.pow(2, -2 / 30), 5);
  });
});
