import type { Iri } from '@quanta/model';
import type { DuplicateDecisionEvent, InsightEvent } from '../ports/insight-graph.js';

/** The key of an unordered pair of products. */
export const pairKey = (a: Iri, b: Iri): string => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/**
 * Owners' "not a duplicate" decisions, the latest per pair. An override holds while both products
 * keep the schemas the owner judged (research/ranking.md §B.4.4: "suppresses the pair until the
 * schema changes"); a withdrawn one, or one whose schema moved on, lapses.
 */
export class Overrides {
  private readonly latest = new Map<string, DuplicateDecisionEvent>();

  /** Loads decisions in the order they were made (the graph's order). */
  constructor(events: readonly InsightEvent[] = []) {
    for (const e of events) if (e.kind === 'not-duplicate' || e.kind === 'withdrawn') this.record(e);
  }

  record(e: DuplicateDecisionEvent): void {
    this.latest.set(pairKey(e.a, e.b), e);
  }

  /** The latest decision about a pair, holding or not. */
  latestOf(a: Iri, b: Iri): DuplicateDecisionEvent | undefined {
    return this.latest.get(pairKey(a, b));
  }

  /** The standing override of a pair, given each product's current schema hash; undefined when none holds. */
  holding(a: Iri, b: Iri, schemaOf: (iri: Iri) => string | undefined): DuplicateDecisionEvent | undefined {
    const e = this.latest.get(pairKey(a, b));
    if (!e || e.kind !== 'not-duplicate') return undefined;
    return schemaOf(e.a) === e.schemas[0] && schemaOf(e.b) === e.schemas[1] ? e : undefined;
  }

  /** Every latest decision touching one of `products`, whether it holds or lapsed. */
  about(products: ReadonlySet<Iri>): DuplicateDecisionEvent[] {
    return [...this.latest.values()].filter((e) => products.has(e.a) || products.has(e.b));
  }
}
