import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING_PARAMS as P } from '../params.js';
import { daysAgo, NOW, testProduct } from '../testing/signals.js';
import { duplicateFactor, lifecycleFactor } from './balancing.js';
import { explorers, newFactor } from './exploration.js';
import { countedVotes, largestBurst, ratingFactor, ratingMean } from './rating.js';
import type { ProductSignals, RatingVote } from './signals.js';
import { burns, sloFactor } from './slo.js';
import { decayedConsumers, usageFactor, usagePivot } from './usage.js';

const stats = { usagePivot: 4, ratingMean: 3.8 };
const product = (over: Partial<ProductSignals> = {}) => testProduct('urn:p', { ownerTeam: 'urn:quanta:team:owners', ...over });
const users = (n: number, days = 1) => Array.from({ length: n }, (_, i) => ({ consumer: `urn:quanta:team:t${i}`, lastUsedAt: daysAgo(days) }));
const vote = (consumer: string, stars: number, over: Partial<RatingVote> = {}): RatingVote => ({ consumer, team: consumer, stars, at: daysAgo(1), verified: true, ...over });

describe('usage factor (reinforcing, bounded)', () => {
  it('grows with distinct recent consumers and saturates below 1 + β', () => {
    const values = [0, 1, 4, 16, 1000].map((n) => usageFactor(product({ consumers: users(n) }), NOW, stats).value);
    expect(values[0]).toBe(1);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1] as number);
    expect(values.at(-1)).toBeLessThan(1 + P.usage.beta);
    expect(usageFactor(product({ consumers: users(14) }), NOW, stats).reason).toMatch(/^used by 14 consuming teams\/products \(≈13\.\d active, 30-day half-life\)$/);
  });

  it('counts a consumer once however often it reads, and never the owner', () => {
    const many = Array.from({ length: 1_000_000 }, () => ({ consumer: 'urn:quanta:team:bot', lastUsedAt: daysAgo(0) }));
    expect(decayedConsumers(product({ consumers: many }), NOW)).toBeCloseTo(1);
    expect(decayedConsumers(product({ consumers: [{ consumer: 'urn:quanta:team:owners', lastUsedAt: NOW }] }), NOW)).toBe(0);
  });

  it('forgets use with a 30-day half-life', () => {
    expect(decayedConsumers(product({ consumers: users(4, 30) }), NOW)).toBeCloseTo(2);
    expect(usageFactor(product({ consumers: users(4, 365) }), NOW, stats).value).toBeLessThan(usageFactor(product({ consumers: users(4, 1) }), NOW, stats).value);
  });

  it('sets its midpoint at the median of active products, never below the floor', () => {
    expect(usagePivot([0, 0.1, 3, 5, 9])).toBe(5);
    expect(usagePivot([0, 0.2])).toBe(P.usage.pivotFloor);
  });
});

describe('rating factor', () => {
  it('is exactly neutral for a product with no counted vote, whatever the catalog mean', () => {
    // 16/9 is a mean where (5·C)/5 misses C by one ulp: an unrated product must still get 1.
    for (const ratingMean of [16 / 9, 18 / 11, 3.8, 4.2]) {
      expect(ratingFactor(product({ ratings: [vote('c0', 5, { verified: false })] }), NOW, { ...stats, ratingMean }).value).toBe(1);
    }
  });

  it('rewards good ratings and punishes bad ones, within its clamp', () => {
    const good = ratingFactor(product({ ratings: Array.from({ length: 9 }, (_, i) => vote(`c${i}`, 5)) }), NOW, stats);
    const bad = ratingFactor(product({ ratings: Array.from({ length: 9 }, (_, i) => vote(`c${i}`, 1)) }), NOW, stats);
    expect(good.value).toBeGreaterThan(1);
    expect(bad.value).toBeLessThan(1);
    expect(good.value).toBeLessThanOrEqual(P.rating.max);
    expect(bad.value).toBeGreaterThanOrEqual(P.rating.min);
    expect(good.reason).toMatch(/^4\.\d\d★ adjusted from 9 verified ratings \(catalog mean 3\.80\)$/);
  });

  it('moves little on a few votes (shrinkage to the catalog mean)', () => {
    const one = ratingFactor(product({ ratings: [vote('a', 5)] }), NOW, stats).value;
    const nine = ratingFactor(product({ ratings: Array.from({ length: 9 }, (_, i) => vote(`c${i}`, 5)) }), NOW, stats).value;
    expect(one).toBeGreaterThan(1);
    expect(one).toBeLessThan(nine);
  });

  it('counts one consumer once, its latest vote, and gives unverified votes no weight', () => {
    const repeated = [vote('a', 1, { at: daysAgo(3) }), vote('a', 5, { at: daysAgo(2) }), vote('a', 5, { at: daysAgo(1) })];
    expect(countedVotes(repeated)).toEqual([repeated[2]]);
    const spam = Array.from({ length: 15 }, (_, i) => vote(`fake${i}`, 5, { verified: false }));
    const f = ratingFactor(product({ ratings: spam }), NOW, stats);
    expect(f.value).toBe(1);
    expect(f.reason).toMatch(/15 ratings from consumers with no recorded use not counted/);
  });

  it('caps one team at three votes', () => {
    const oneTeam = Array.from({ length: 12 }, (_, i) => vote(`c${i}`, 5, { team: 'same' }));
    const threeOfIt = Array.from({ length: 3 }, (_, i) => vote(`c${i}`, 5, { team: 'same' }));
    expect(ratingFactor(product({ ratings: oneTeam }), NOW, stats).value).toBeCloseTo(ratingFactor(product({ ratings: threeOfIt }), NOW, stats).value);
  });

  it('flags a burst of ratings', () => {
    const burst = Array.from({ length: 12 }, (_, i) => vote(`c${i}`, 5, { at: NOW - i * 60_000 }));
    expect(largestBurst(burst.map((v) => v.at))).toBe(12);
    // One consumer re-rating twelve times in an hour is a burst too: replaced ratings keep their times.
    const churn = product({ ratings: [vote('a', 5)], ratingTimes: Array.from({ length: 12 }, (_, i) => NOW - i * 60_000) });
    expect(ratingFactor(churn, NOW, stats).reason).toMatch(/burst of 12 ratings/);
    expect(ratingFactor(product({ ratings: burst }), NOW, stats).reason).toMatch(/burst of 12 ratings within 24 h flagged for review/);
    const spread = Array.from({ length: 12 }, (_, i) => vote(`c${i}`, 5, { at: daysAgo(i * 3) }));
    expect(ratingFactor(product({ ratings: spread }), NOW, stats).reason).not.toMatch(/burst/);
  });

  it('takes the catalog mean over counted votes, neutral before anyone rated', () => {
    expect(ratingMean([product({ ratings: [vote('a', 4), vote('b', 2), vote('c', 5, { verified: false })] })])).toBe(3);
    expect(ratingMean([product()])).toBe(P.rating.neutralMean);
  });
});

describe('SLO factor', () => {
  const checks = (fails: number, total: number, days = 1) =>
    Array.from({ length: total }, (_, i) => ({ guarantee: 'table/freshness', at: daysAgo(days), passed: i >= fails }));

  it('is neutral within budget and falls with the burn, not below its floor', () => {
    expect(sloFactor(product({ checks: checks(1, 100) }), NOW)).toMatchObject({ value: 1, reason: 'guarantees met within error budget' });
    const breaching = sloFactor(product({ checks: checks(20, 40) }), NOW);
    expect(breaching.value).toBeLessThan(1);
    expect(breaching.reason).toMatch(/^'table\/freshness' burned \d+\.\d× its error budget \(recovers as failures age\)$/);
    expect(sloFactor(product({ checks: checks(1000, 1000) }), NOW).value).toBe(P.slo.floor);
  });

  it('recovers as failures age', () => {
    const recent = sloFactor(product({ checks: checks(20, 40, 1) }), NOW).value;
    const older = sloFactor(product({ checks: [...checks(20, 40, 30), ...checks(0, 40, 1)] }), NOW).value;
    expect(older).toBeGreaterThan(recent);
    expect(sloFactor(product({ checks: checks(20, 40, 60) }), NOW).value).toBe(1);
  });

  it('starts sparse history at burn 1 (the prior), and takes the worst guarantee', () => {
    expect(burns(product(), NOW)[0]?.burn).toBeCloseTo(1);
    const two = product({ guarantees: [{ name: 'a', target: 0.99 }, { name: 'b' }], checks: [...Array.from({ length: 20 }, () => ({ guarantee: 'b', at: daysAgo(1), passed: false }))] });
    expect(sloFactor(two, NOW).reason).toMatch(/^'b' burned/);
  });

  it('reads a 100% target as no error budget, whichever guarantee is declared first', () => {
    // The demo's royalty-statements declares `target: 1` first: its multiplier came out NaN.
    const strict = (passed: boolean) =>
      product({ guarantees: [{ name: 'all', target: 1 }, { name: 'table/freshness', target: 0.99 }], checks: [{ guarantee: 'all', at: daysAgo(1), passed }] });
    expect(sloFactor(strict(true), NOW)).toEqual({ name: 'slo', value: 1, reason: 'guarantees met within error budget' });
    expect(sloFactor(strict(false), NOW)).toEqual({ name: 'slo', value: P.slo.floor, reason: "'all' failed a 100% target, which leaves no error budget (recovers as failures age)" });
    expect(sloFactor({ ...strict(true), checks: [] }, NOW).value).toBe(1);
    expect(sloFactor(strict(true), NOW, { ...P, slo: { ...P.slo, priorChecks: 0 } }).value).toBe(1);
    expect(sloFactor(product({ checks: [] }), NOW, { ...P, slo: { ...P.slo, priorChecks: 0 } }).value).toBe(1);
  });

  it('costs a little when nothing is declared, except for drafts', () => {
    expect(sloFactor(product({ guarantees: [] }), NOW)).toEqual({ name: 'slo', value: P.slo.undeclared, reason: 'no declared guarantees' });
    expect(sloFactor(product({ guarantees: [], status: 'draft' }), NOW).value).toBe(1);
  });
});

describe('balancing loop: duplicate and lifecycle', () => {
  it('demotes a non-canonical likely duplicate after the grace period only', () => {
    const dup = { canonical: 'urn:orders', name: 'orders', score: 0.88 };
    expect(duplicateFactor(product(), NOW)).toBeUndefined();
    expect(duplicateFactor(product({ duplicateOf: dup }), NOW)).toEqual({ name: 'duplicate', value: P.duplicate.factor, reason: "likely duplicate (0.88) of orders, its group's canonical product" });
    expect(duplicateFactor(product({ duplicateOf: dup, createdAt: daysAgo(10) }), NOW)?.value).toBe(1);
  });

  it('weakens deprecated and retirement-flagged products', () => {
    expect(lifecycleFactor(product())).toBeUndefined();
    expect(lifecycleFactor(product({ status: 'deprecated' }))?.value).toBe(P.lifecycle.deprecated);
    expect(lifecycleFactor(product({ flaggedForRetirement: true }))?.value).toBe(P.lifecycle.flagged);
  });
});

describe('exploration', () => {
  it('boosts an exploring product less as searchers see it', () => {
    const fresh = newFactor(product({ exploring: true, createdAt: daysAgo(12), examinations: 0 }), NOW);
    const seen = newFactor(product({ exploring: true, createdAt: daysAgo(12), examinations: 300 }), NOW);
    expect(fresh).toEqual({ name: 'new', value: 1 + P.explore.beta, reason: 'new product (12 days old), shown to few searchers so far' });
    expect(seen?.value).toBeLessThan(fresh?.value as number);
    expect(newFactor(product({ exploring: false }), NOW)).toBeUndefined();
  });

  it('lets at most three young, gated products of one team explore, the least seen first', () => {
    const young = (id: string, team: string, examinations: number, over: Partial<ProductSignals> = {}) => product({ id, ownerTeam: team, createdAt: daysAgo(5), examinations, ...over });
    const chosen = explorers(
      [
        young('a1', 'a', 9),
        young('a2', 'a', 1),
        young('a3', 'a', 2),
        young('a4', 'a', 3),
        young('b1', 'b', 50),
        young('old', 'b', 0, { createdAt: daysAgo(200) }),
        young('nogate', 'b', 0, { guarantees: [] }),
        young('gone', 'b', 0, { status: 'deprecated' }),
      ],
      NOW,
    );
    expect([...chosen].sort()).toEqual(['a2', 'a3', 'a4', 'b1']);
  });
});
