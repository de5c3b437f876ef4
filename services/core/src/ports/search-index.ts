import type { FacetCount, FacetName, Iri, ProductSummary } from '@quanta/model';

/** What the search index holds for one product: its summary plus the text only search needs. */
export interface SearchDocument extends ProductSummary {
  /** Names of every output port field, so a search for a column finds its product. */
  readonly fieldNames: readonly string[];
  /** Labels of the concepts the product speaks about. */
  readonly concepts: readonly string[];
}

/** Filters by facet: values within one facet are OR-ed, facets are AND-ed. */
export type SearchFilters = Partial<Record<FacetName, readonly string[]>>;

/** A query to the index. An empty `q` matches every document that passes the filters. */
export interface SearchRequest {
  readonly q: string;
  readonly filters: SearchFilters;
  readonly offset: number;
  readonly limit: number;
}

/** A hit: the stored document and its text relevance in [0, 1]. */
export interface IndexHit {
  readonly document: SearchDocument;
  readonly relevance: number;
}

/** The page of hits asked for, the total number of matches, and facet counts over all matches. */
export interface IndexResult {
  readonly hits: readonly IndexHit[];
  readonly total: number;
  readonly facets: Readonly<Record<FacetName, readonly FacetCount[]>>;
}

/** One document the index holds, as the reconciler compares it with the graph. */
export interface IndexedRevision {
  readonly iri: Iri;
  readonly revision: number;
}

/**
 * Words or phrases that mean the same thing in this mesh (concept labels joined by `sameAs`), in
 * lower case: a query naming one finds documents that contain any other.
 */
export type SynonymGroup = readonly string[];

/**
 * A full-text index over products: a derived projection of the knowledge graph, rebuilt from it at
 * any time. Every adapter passes `runSearchIndexContract` from `@quanta/core/testing`, which fixes:
 * - relevance is in [0, 1] and hits come in non-increasing relevance;
 * - a query equal to a product's name, IRI or title gives that product relevance 1, ranked first;
 * - typo tolerance like Meilisearch: 0 typos under 5 letters, 1 from 5, 2 from 9;
 * - the last query word also matches as a prefix; every other word must match whole (or within typos);
 * - documents matching all words rank before documents matching fewer; words are dropped from the
 *   end only while fewer than `offset + limit` documents match, so `total` counts the tiers needed
 *   for the requested window (the catalog always asks for at least 200, which keeps it stable
 *   across the pages people read);
 * - facet counts cover every match, not just the returned page;
 * - a query word or phrase that is a term of a synonym group also matches the group's other terms,
 *   below the documents that contain the query itself.
 * Every method throws an UnavailableError (`@quanta/model`) when the engine cannot be reached, so
 * search can answer 503 with `Retry-After` while the projector keeps the writes for later.
 */
export interface SearchIndex {
  /**
   * Adds or replaces documents by IRI; a document older (by `revision`) than the one held is
   * ignored. Resolves once they are searchable.
   */
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  /** Removes documents by IRI; unknown IRIs are ignored. */
  remove(iris: readonly Iri[]): Promise<void>;
  search(request: SearchRequest): Promise<IndexResult>;
  /**
   * The IRI and revision of the documents held, `limit` from `offset`, in an order that holds while
   * nothing is written: what the reconciler compares with the graph.
   */
  indexedRevisions(offset: number, limit: number): Promise<readonly IndexedRevision[]>;
  /** Replaces every synonym group (an empty list removes them); resolves once searches use them. */
  setSynonyms(groups: readonly SynonymGroup[]): Promise<void>;
  /** Number of documents held. */
  count(): Promise<number>;
  /** Removes every document. */
  clear(): Promise<void>;
  /** Throws when the engine cannot serve requests (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
