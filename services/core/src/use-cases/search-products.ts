import { FACETS, type SearchHit, type SearchResponse } from '@quanta/model';
import { rerank } from '@quanta/ranking';
import type { IndexHit, SearchFilters } from '../ports/search-index.js';
import type { CatalogDeps } from './deps.js';

/** How many candidates the engine hands the re-ranker (research/ranking.md §0: K = 200). */
export const RERANK_CANDIDATES = 200;

/** A search as asked through any transport. */
export interface SearchParams {
  readonly q: string;
  readonly filters: SearchFilters;
  readonly offset: number;
  readonly limit: number;
}

/** Statuses searched when the caller names none: retired products are kept but not found. */
const LIVE_STATUSES = ['draft', 'active', 'deprecated'] as const;

/**
 * Searches the catalog: the engine returns the top candidates by text relevance, the ranking
 * model re-ranks them, and the requested page is cut from the re-ranked list.
 */
export async function searchProducts(deps: CatalogDeps, params: SearchParams): Promise<SearchResponse> {
  const filters: SearchFilters = { ...params.filters, status: params.filters.status ?? LIVE_STATUSES };
  const window = Math.max(RERANK_CANDIDATES, params.offset + params.limit);
  const result = await deps.search.search({ q: params.q, filters, offset: 0, limit: window });
  // Fixed-shape candidates that point at the hit: copying 200 stored documents per query showed up in profiles.
  const ranked = rerank(
    result.hits.map((hit) => ({ id: hit.document.iri, relevance: hit.relevance, hit })),
    deps.feedback?.all ?? new Map(),
  );
  const hits = ranked.slice(params.offset, params.offset + params.limit).map((r) => toHit(r.candidate.hit, r));
  const facets = Object.fromEntries(FACETS.map((f) => [f, result.facets[f] ?? []])) as SearchResponse['facets'];
  return { query: params.q, total: result.total, offset: params.offset, limit: params.limit, hits, facets };
}

function toHit(hit: IndexHit, r: Omit<SearchHit, 'product' | 'relevance'>): SearchHit {
  const { fieldNames: _f, concepts: _c, ...product } = hit.document;
  return { product, relevance: hit.relevance, multiplier: r.multiplier, score: r.score, factors: r.factors, notes: r.notes };
}
