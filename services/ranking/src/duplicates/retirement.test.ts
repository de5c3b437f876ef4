import { describe, expect, it } from 'vitest';
import type { RatingVote } from '../factors/signals.js';
import { DEFAULT_RANKING_PARAMS as P } from '../params.js';
import { NOW } from '../testing/signals.js';
import { flaggedForRetirement, ratingUpperBound, retirementCondition } from './retirement.js';

const votes = (n: number, stars: number): RatingVote[] => Array.from({ length: n }, (_, i) => ({ consumer: `c${i}`, team: `t${i}`, stars, at: NOW, verified: true }));

describe('ratingUpperBound', () => {
  it('is R̄ + z·sd/√(m + Σw): five fresh 2★ votes against a 3.0 mean give 2.5 + 1.65·1.2/√10', () => {
    // R̄ = (5·3 + 5·2) / (5 + 5) = 2.5
    expect(ratingUpperBound(votes(5, 2), NOW, 3)).toBeCloseTo(2.5 + (1.65 * 1.2) / Math.sqrt(10), 12);
  });

  it('knows nothing without counted votes (5), and takes z and sd from the parameters', () => {
    expect(ratingUpperBound([], NOW, 3)).toBe(5);
    expect(ratingUpperBound(votes(3, 1).map((v) => ({ ...v, verified: false })), NOW, 3)).toBe(5);
    const wide = { ...P, duplicates: { ...P.duplicates, retirement: { ...P.duplicates.retirement, z: 2, sd: 1 } } };
    expect(ratingUpperBound(votes(5, 2), NOW, 3, wide)).toBeCloseTo(2.5 + 2 / Math.sqrt(10), 12);
  });
});

describe('retirementCondition (§B.4.3)', () => {
  const base = { ageDays: 120, activeConsumers: 0.2, nonCanonicalDuplicate: true, ratingUpper: 5 };

  it('holds for an old, unused, superseded product, and says so', () => {
    expect(retirementCondition(base)).toEqual({ holds: true, reasons: ['120 days old', '0.2 active consumers', 'superseded by its group’s canonical product'] });
  });

  it('holds for an old, unused, confidently poor product that is no duplicate', () => {
    const c = retirementCondition({ ...base, nonCanonicalDuplicate: false, ratingUpper: 2.9 });
    expect(c.holds).toBe(true);
    expect(c.reasons).toContain('rated at most 2.90★');
  });

  it('fails on any one clause, and names the failing ones', () => {
    expect(retirementCondition({ ...base, ageDays: 89.5 })).toEqual({ holds: false, reasons: ['only 89 days old (needs 90)'] });
    expect(retirementCondition({ ...base, ageDays: 90 }).holds).toBe(true);
    expect(retirementCondition({ ...base, activeConsumers: 1 })).toEqual({ holds: false, reasons: ['1 active consumer (needs fewer than 1)'] });
    expect(retirementCondition({ ...base, nonCanonicalDuplicate: false, ratingUpper: 3 })).toEqual({
      holds: false,
      reasons: ['neither superseded nor confidently poor (rated up to 3.00★)'],
    });
  });
});

describe('flaggedForRetirement', () => {
  it('needs the condition at each of the last four weekly evaluations', () => {
    expect(flaggedForRetirement([true, true, true, true])).toBe(true);
    expect(flaggedForRetirement([false, true, true, true, true])).toBe(true);
    expect(flaggedForRetirement([true, true, true])).toBe(false);
    expect(flaggedForRetirement([true, true, true, true, false])).toBe(false);
    expect(flaggedForRetirement([true, true, false, true, true])).toBe(false);
    expect(flaggedForRetirement([])).toBe(false);
  });

  it('takes the number of weeks from the parameters', () => {
    const two = { ...P, duplicates: { ...P.duplicates, retirement: { ...P.duplicates.retirement, weeks: 2 } } };
    expect(flaggedForRetirement([false, true, true], two)).toBe(true);
  });
});
