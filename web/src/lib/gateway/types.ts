/**
 * The shapes the UI reads from the supergraph, one per query. They mirror the subgraphs' SDL
 * (schema.graphql of each services/subgraph-… package); only the fields the pages use are listed.
 */

export type ProductStatus = 'draft' | 'active' | 'deprecated' | 'retired';

/** A feedback factor with the sentence users read. */
export interface Factor {
  readonly name: string;
  readonly value: number;
  readonly reason: string;
}

/** What every product reference carries: enough for a link, a status badge and a byline. */
export interface ProductRef {
  readonly iri: string;
  readonly title: string;
  readonly status: ProductStatus;
  readonly domain: { readonly name: string };
  readonly owner: { readonly name: string };
}

/** A consumer's current rating; unverified ones (no recorded use) carry no weight in ranking. */
export interface RatingView {
  readonly consumer: string;
  readonly team: string;
  readonly stars: number;
  readonly at: string;
  readonly verified: boolean;
}

/** How one declared guarantee holds over the SLO window. */
export interface SloStatusView {
  readonly guarantee: string;
  readonly target: number | null;
  readonly burn: number | null;
  readonly met: boolean;
  readonly checks: number;
  readonly failed: number;
}

/** A likely-duplicate group: the canonical product search keeps on top, and every member. */
export interface DuplicateGroupView {
  readonly canonical: ProductRef;
  readonly canonicalReason: string;
  readonly averageScore: number;
  readonly members: readonly { readonly product: ProductRef; readonly canonical: boolean; readonly demoted: boolean; readonly graceEndsAt: string | null }[];
}

/** A search hit with what a result card shows. */
export interface HitView {
  readonly product: ProductRef & {
    readonly description: string | null;
    readonly tags: readonly string[];
    readonly usage: { readonly consumers: number } | null;
    readonly ratings: readonly Pick<RatingView, 'stars' | 'verified'>[];
    readonly sloStatus: readonly Pick<SloStatusView, 'met' | 'checks'>[];
    readonly duplicateGroup: { readonly canonical: { readonly iri: string } } | null;
  };
  readonly relevance: number;
  readonly multiplier: number;
  readonly score: number;
  readonly factors: readonly Factor[];
  readonly notes: readonly string[];
}

/** One facet of a search with its values and counts. */
export interface FacetView {
  readonly name: string;
  readonly values: readonly { readonly value: string; readonly count: number }[];
}

/** A search's answer: the total, the ranked hits and the facets. */
export interface SearchView {
  readonly query: string;
  readonly total: number;
  readonly hits: readonly HitView[];
  readonly facets: readonly FacetView[];
}

/** What a search asks: the text and the facet filters. */
export interface SearchQuery {
  readonly q: string;
  readonly domain?: string;
  readonly owner?: string;
  readonly tag?: string;
  readonly status?: ProductStatus;
}
