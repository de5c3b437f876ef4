import type { Iri } from '@quanta/model';
import type { InsightGraph, RatingReviewEvent } from '../ports/insight-graph.js';

/** The event kinds of admins' rating reviews (research/perf-reliability.md R3, ADR 0018). */
const REVIEW_KINDS = ['ratings-voided', 'ratings-restored'] as const;

/**
 * Which consumers' ratings of which products an admin has voided: kept in the graph, left out of
 * ranking. Built by replaying the reviews in order, so a restore undoes the void before it.
 */
export class VoidedRatings {
  private readonly keys = new Set<string>();

  /** Every review in the graph, oldest first, and the voided ratings they leave. */
  static async read(graph: Pick<InsightGraph, 'readInsightEvents'>): Promise<{ reviews: RatingReviewEvent[]; voided: VoidedRatings }> {
    const reviews = (await graph.readInsightEvents(REVIEW_KINDS)) as RatingReviewEvent[];
    const voided = new VoidedRatings();
    for (const review of reviews) voided.apply(review);
    return { reviews, voided };
  }

  /** Takes one more review into account. */
  apply(review: RatingReviewEvent): void {
    for (const product of review.products) {
      const key = `${product}\n${review.consumer}`;
      if (review.kind === 'ratings-voided') this.keys.add(key);
      else this.keys.delete(key);
    }
  }

  /** Whether `consumer`'s rating of `product` is voided now. */
  has(product: Iri, consumer: Iri): boolean {
    return this.keys.has(`${product}\n${consumer}`);
  }

  /** True when nothing is voided: the common case, which reads no rating twice. */
  get isEmpty(): boolean {
    return this.keys.size === 0;
  }
}
