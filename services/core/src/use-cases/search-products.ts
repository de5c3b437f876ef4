import { FACETS, type SearchHit, type SearchResponse } from '@quanta/model';
import { type Ranked, rerank, withExplorationSlot } from '@quanta/ranking';
import type { IndexHit, SearchFilters } from '../ports/search-index.js';
import type { CatalogDeps } from './deps.js';
import { nameKey } from '../rules/name-key.js';

/** How many candidates the engine hands the re-ranker (research/ranking.md §0: K = 200). */
export const RERANK_CANDIDATES = 200;

/** A search as asked through any transport. */
export interface SearchParams {
  readonly q: string;
  readonly filters: SearchFilters;
  readonly offset: number;
  readonly limit: number;
  /**
   * Whether a person asked this and sees the hits (the default). A page that lists related
   * products ("similar products", a directory) passes false: its hits are not counted as seen by a
   * searcher, and no exploration slot is drawn, so the new-product factor learns from searches only.
   */
  readonly searched?: boolean;
}

/** Statuses searched when the caller names none: retired products are kept but not found. */
const LIVE_STATUSES = ['draft', 'active', 'deprecated'] as const;

/**
 * Searches the catalog: the engine returns the top candidates by text relevance, the ranking
 * model re-ranks them (on the first page, the exploration slot may move a new product to its
 * position), and the requested page is cut from the re-ranked list and counted as seen.
 */
export async function searchProducts(deps: CatalogDeps, params: SearchParams): Promise<SearchResponse> {
  const filters: SearchFilters = { ...params.filters, status: params.filters.status ?? LIVE_STATUSES };
  const window = Math.max(RERANK_CANDIDATES, params.offset + params.limit);
  const named = namedBy(params.q);
  const result = await deps.search.search({ q: params.q, filters, offset: 0, limit: window });
  // Fixed-shape candidates that point at the hit: copying 200 stored documents per query showed up in profiles.
  const ranked = explore(
    deps,
    params,
    rerank(
      result.hits.map((hit) => ({ id: hit.document.iri, relevance: hit.relevance, exactName: named(hit), hit })),
      deps.feedback?.all ?? new Map(),
      deps.feedback?.params,
    ),
  );
  const page = ranked.slice(params.offset, params.offset + params.limit);
  if (params.searched !== false) deps.impressions?.seen(page.map((r) => r.candidate.id), params.offset + 1);
  const hits = page.map((r) => toHit(r.candidate.hit, r));
  const facets = Object.fromEntries(FACETS.map((f) => [f, result.facets[f] ?? []])) as SearchResponse['facets'];
  return { query: params.q, total: result.total, offset: params.offset, limit: params.limit, hits, facets };
}


/** A character outside printable ASCII: text with one may hold an accent that {@link nameKey} folds. */
const NON_ASCII = /[^\x20-\x7e]/;

/**
 * Whether a hit's name, title or IRI is exactly the query. Asked of 200 candidates per search: a
 * plain-ASCII text that does not even contain the query's first word is passed over before the
 * split, which was a tenth of a search's time at 100,000 products.
 */
function namedBy(q: string): (hit: IndexHit) => boolean {
  const asked = nameKey(q);
  const firstWord = asked.split(' ', 1)[0] as string;
  return (hit) =>
    asked !== '' &&
    [hit.document.name, hit.document.title, hit.document.iri].some((n) => n !== undefined && (NON_ASCII.test(n) || n.toLowerCase().includes(firstWord)) && nameKey(n) === asked);
}

/**
 * The exploration slot, on the first page only and drawn from that page, so paging never shows a
 * product twice or skips one: later pages keep the re-ranked order.
 */
function explore<C extends { id: string; relevance: number }>(deps: CatalogDeps, params: SearchParams, ranked: Ranked<C>[]): Ranked<C>[] {
  const feedback = deps.feedback;
  if (!feedback || params.offset > 0 || params.searched === false) return ranked;
  const slot = withExplorationSlot(ranked.slice(0, params.limit), (c) => feedback.mayTakeSlot(c.id), deps.random ?? Math.random, feedback.params);
  if (slot.placed) deps.onExplorationSlot?.({ query: params.q, product: slot.placed.id, position: feedback.params.explore.slot, propensity: slot.placed.propensity });
  return [...slot.ranked, ...ranked.slice(params.limit)];
}

function toHit(hit: IndexHit, r: Omit<SearchHit, 'product' | 'relevance'>): SearchHit {
  const { fieldNames: _f, concepts: _c, ...product } = hit.document;
  return { product, relevance: hit.relevance, multiplier: r.multiplier, score: r.score, factors: r.factors, notes: r.notes };
}
