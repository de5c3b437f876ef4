import type { Iri } from '@quanta/model';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';

/** Products whose impressions one transaction writes: a few ms of the event loop each. */
export const FLUSH_BATCH = 500;

/** The counter on a product node that holds its expected examinations (ADR 0010). */
export const EXAMINATIONS = 'examinations';

/**
 * Search impressions as expected examinations: a searcher examines position k with probability
 * 1/k (research/ranking.md §B.3), so a hit shown at k adds 1/k to its product's `examinations`
 * counter, which the new-product factor fades with. Impressions are summed in memory and written
 * in batches, one counter write per product per flush, so a query costs no graph write; a crash
 * loses at most one flush interval of them, which only delays a newcomer's fade.
 */
export class ImpressionLog {
  private pending = new Map<Iri, number>();

  constructor(private readonly graph: KnowledgeGraph) {}

  /** Counts one results page whose first hit is at 1-based position `first`. */
  seen(products: readonly Iri[], first: number): void {
    products.forEach((iri, i) => this.pending.set(iri, (this.pending.get(iri) ?? 0) + 1 / (first + i)));
  }

  /** How many products have impressions not yet written. */
  get pendingProducts(): number {
    return this.pending.size;
  }

  /**
   * Writes the impressions counted so far, {@link FLUSH_BATCH} products per transaction (one
   * commit each, and requests served between them). A product deleted meanwhile is skipped; on a
   * failure the unwritten impressions are kept for the next flush and the error is thrown.
   * @returns how many products' counters were written
   */
  async flush(): Promise<number> {
    const batch = [...this.pending].map(([iri, delta]) => ({ iri, name: EXAMINATIONS, delta }));
    this.pending = new Map();
    let written = 0;
    for (let from = 0; from < batch.length; from += FLUSH_BATCH) {
      try {
        written += await this.graph.addToCounters(batch.slice(from, from + FLUSH_BATCH));
      } catch (err) {
        for (const { iri, delta } of batch.slice(from)) this.pending.set(iri, (this.pending.get(iri) ?? 0) + delta);
        throw err;
      }
    }
    return written;
  }
}
