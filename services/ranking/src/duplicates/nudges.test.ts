import { describe, expect, it } from 'vitest';
import { duplicateNudge, retirementNudge } from './nudges.js';
import type { PairScore } from './pair-score.js';

const pair: PairScore = {
  a: 'https://example.com/products/orders',
  b: 'https://example.com/products/orders-copy',
  score: 0.8812,
  band: 'likely',
  evidence: {
    schema: 0.85,
    contain: 0.921,
    lineage: 1,
    text: 0.7,
    matchedColumns: 12,
    sharedUpstreams: ['dataset:postgres://shop:5432:raw.orders'],
    sharedConcepts: [],
  },
};

describe('duplicateNudge (§B.4.4)', () => {
  it('says what it looks like a duplicate of, with the evidence in words', () => {
    expect(duplicateNudge({ product: 'orders-copy', canonical: 'orders', pair, activeConsumers: 0, unusedDays: 90 })).toBe(
      "orders-copy looks like a duplicate of orders (0.88: 92% column overlap, same upstream raw.orders, 0 active consumers for 90 days). Deprecate, merge, or mark 'not a duplicate' with a reason.",
    );
  });

  it('names several upstreams and concepts, with display names when given', () => {
    const many = { ...pair, evidence: { ...pair.evidence, sharedUpstreams: ['dataset:pg:a', 'dataset:pg:b', 'product:https://example.com/products/c'], sharedConcepts: ['https://example.com/ontology#Order'] } };
    const names = new Map([['dataset:pg:a', 'Raw A']]);
    expect(duplicateNudge({ product: 'x', canonical: 'y', pair: many, names })).toBe(
      "x looks like a duplicate of y (0.88: 92% column overlap, same upstreams Raw A, b and c, same concept Order). Deprecate, merge, or mark 'not a duplicate' with a reason.",
    );
    const five = { ...pair, evidence: { ...pair.evidence, matchedColumns: 0, sharedUpstreams: ['d:1', 'd:2', 'd:3', 'd:4', 'd:5'] } };
    expect(duplicateNudge({ product: 'x', canonical: 'y', pair: five, activeConsumers: 0.34 })).toBe(
      "x looks like a duplicate of y (0.88: 5 shared upstreams (1, 2, 3, …), 70% similar description, 0.3 active consumers). Deprecate, merge, or mark 'not a duplicate' with a reason.",
    );
  });
});

describe('retirementNudge', () => {
  const check = { ageDays: 400.7, activeConsumers: 0.24, nonCanonicalDuplicate: true, ratingUpper: 5 };

  it('tells the owner why the product is flagged and what to do', () => {
    expect(retirementNudge({ product: 'orders-old', check, canonical: 'orders' })).toBe(
      'orders-old is flagged for retirement: 400 days old, 0.2 active consumers, superseded by orders, for 4 weeks running. Deprecate it so consumers move on, or tell us why it should stay.',
    );
  });

  it('names a poor rating when the product is no duplicate', () => {
    expect(retirementNudge({ product: 'legacy', check: { ...check, nonCanonicalDuplicate: false, ratingUpper: 2.613 } })).toBe(
      'legacy is flagged for retirement: 400 days old, 0.2 active consumers, rated at most 2.61★, for 4 weeks running. Deprecate it so consumers move on, or tell us why it should stay.',
    );
  });
});
