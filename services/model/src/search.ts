import type { ProductSummary } from './product.js';

/** The fields search can facet and filter on. */
export const FACETS = ['domain', 'owner', 'tag', 'status', 'portKind'] as const;
export type FacetName = (typeof FACETS)[number];

/** A value of a facet and how many matching products carry it. */
export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

/** One named multiplier in a hit's score, with the sentence that explains it. */
export interface RankingFactor {
  readonly name: string;
  readonly value: number;
  readonly reason: string;
}

/** A ranked search hit: `score = relevance^α × multiplier`, with the factors that make the multiplier. */
export interface SearchHit {
  readonly product: ProductSummary;
  /** Text relevance in [0, 1] from the search engine. */
  readonly relevance: number;
  /** Product of the feedback factors, bounded. */
  readonly multiplier: number;
  readonly score: number;
  readonly factors: readonly RankingFactor[];
  /** Plain-language notes on why the hit sits where it does. */
  readonly notes: readonly string[];
}

/** The body of `GET /api/v1/search`. */
export interface SearchResponse {
  readonly query: string;
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly hits: readonly SearchHit[];
  readonly facets: Readonly<Record<FacetName, readonly FacetCount[]>>;
}
