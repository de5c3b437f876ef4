import { describe, expect, it } from 'vitest';
import type { InsightEvent, RatingReviewEvent } from '../ports/insight-graph.js';
import { VoidedRatings } from './voided-ratings.js';

const review = (kind: RatingReviewEvent['kind'], products: string[]): RatingReviewEvent => ({ kind, consumer: 'urn:quanta:team:mallory', owner: 'kelp', products, reason: 'serial voting', actor: 'admin', at: '2026-12-07T00:00:00Z' });

describe('VoidedRatings', () => {
  it('replays the reviews in order: a restore undoes the void before it, and a later void holds', async () => {
    const events: InsightEvent[] = [review('ratings-voided', ['p1', 'p2']), review('ratings-restored', ['p1']), review('ratings-voided', ['p3'])];
    const { reviews, voided } = await VoidedRatings.read({ readInsightEvents: async (kinds) => events.filter((e) => kinds?.includes(e.kind) ?? true) });
    expect(reviews).toHaveLength(3);
    expect(['p1', 'p2', 'p3'].map((p) => voided.has(p, 'urn:quanta:team:mallory'))).toEqual([false, true, true]);
    expect(voided.has('p2', 'urn:quanta:team:someone-else')).toBe(false);
    expect(voided.isEmpty).toBe(false);
    voided.apply(review('ratings-restored', ['p2', 'p3']));
    expect(voided.isEmpty).toBe(true);
  });
});
