import type { IndexResult, SearchRequest } from '@quanta/core';
import type { IndexStore } from '../store/index-store.js';
import { ensureCapacity } from '../typed-arrays.js';
import { collectMatches, collectUnmatched, promoteExactMatches } from './collect-matches.js';
import { type DocList, type FacetCounts, countFacets, countFacetsExcept } from './count-facets.js';
import { DocFilter } from './doc-filter.js';
import { nameOrder } from './hit-order.js';
import { MatchState } from './match-state.js';
import { matchWords } from './match-words.js';
import { type ParsedQuery, parseQuery } from './parse-query.js';
import { EXACT_RELEVANCE } from './relevance.js';
import { selectTop } from './top-k.js';
import { CandidateFinder } from './word-candidates.js';

/** Tuning of the query side. */
export interface SearcherOptions {
  /** Prefix-only terms kept for the last word, most frequent first. */
  readonly maxPrefixTerms: number;
  /** Postings the prefix-only terms of the last word may add up to (at least one term is kept). */
  readonly maxPrefixPostings: number;
  /** Values returned per facet, highest counts first. */
  readonly maxFacetValues: number;
}

/** The admitted set of a query, before paging: `matched[0..n)`, ranked by ascending `rankKey`. */
interface Matches {
  readonly n: number;
  readonly rankKey: Float64Array;
  readonly relevanceOf: (docId: number) => number;
  /** Writes the documents passing the filters but not admitted to `out`; returns how many. */
  readonly unmatched: (out: Uint32Array) => number;
}

/**
 * Answers search requests over an {@link IndexStore}: expand words into terms, match them into
 * levels, admit tiers, count facets over the admitted set and select the page. Scratch buffers
 * live here and are reused by every query; a query runs synchronously start to end, so they are
 * never shared between two.
 */
export class Searcher {
  private readonly state = new MatchState();
  private readonly finder: CandidateFinder;
  private matched = new Uint32Array(0);
  private unmatched = new Uint32Array(0);

  constructor(
    private readonly store: IndexStore,
    private readonly options: SearcherOptions,
  ) {
    this.finder = new CandidateFinder(store.terms, store.postings, options);
  }

  /** Runs one request. */
  search(request: SearchRequest): IndexResult {
    const filter = new DocFilter(this.store.facets, request.filters);
    this.matched = ensureCapacity(this.matched, this.store.documents.nextId);
    this.unmatched = ensureCapacity(this.unmatched, this.store.documents.nextId);
    const query = parseQuery(request.q);
    if (filter.matchesNothing) return this.page(request, filter, { n: 0, rankKey: this.state.rankKey, relevanceOf: () => 0, unmatched: () => 0 });
    if (query.words.length === 0) return this.page(request, filter, this.browse(filter));
    try {
      return this.page(request, filter, this.find(request, query, filter));
    } finally {
      this.state.reset();
    }
  }

  /** An empty query: every document passing the filters, relevance 1, by name. */
  private browse(filter: DocFilter): Matches {
    const { documents } = this.store;
    let n = 0;
    for (let doc = 0; doc < documents.nextId; doc++) {
      if (documents.isLive(doc) && filter.accepts(doc)) this.matched[n++] = doc;
    }
    return { n, rankKey: documents.nameKeys, relevanceOf: () => EXACT_RELEVANCE, unmatched: () => 0 };
  }

  private find(request: SearchRequest, query: ParsedQuery, filter: DocFilter): Matches {
    const { words, lastIsPrefix } = query;
    const candidates = words.map((word, i) => this.finder.find(word, lastIsPrefix && i === words.length - 1));
    const { postings, documents, exact } = this.store;
    const { state } = this;
    matchWords({ postings, documents, filter }, candidates, state);
    const exactDocs = exact.lookup(query.phrase, (id) => documents.documentOf(id));
    const promotions = promoteExactMatches(state, exactDocs, filter, words.length);
    const { n, minLevel } = collectMatches(state, promotions, words.length, request.offset + request.limit, this.matched);
    return {
      n,
      rankKey: state.rankKey,
      relevanceOf: (doc) => -(state.rankKey[doc] ?? 0),
      unmatched: (out) => collectUnmatched(state, minLevel, documents, filter, out),
    };
  }

  private page(request: SearchRequest, filter: DocFilter, matches: Matches): IndexResult {
    const { documents } = this.store;
    const keys = { primary: matches.rankKey, secondary: documents.nameKeys, tieBreak: nameOrder(documents) };
    const top = selectTop(this.matched, matches.n, request.offset + request.limit, keys);
    const hits = top.slice(request.offset).flatMap((doc) => {
      const document = documents.documentOf(doc);
      return document === undefined ? [] : [{ document, relevance: matches.relevanceOf(doc) }];
    });
    return { hits, total: matches.n, facets: this.facets(filter, matches) };
  }

  /**
   * Facet counts over the admitted set. When it holds most documents, counting the few left out
   * and subtracting them from the filter's kept totals is several times cheaper.
   */
  private facets(filter: DocFilter, matches: Matches): FacetCounts {
    const { facets, documents, totals } = this.store;
    const max = this.options.maxFacetValues;
    if (!filter.cacheable || matches.n <= documents.liveCount / 2) {
      return countFacets(facets, { docs: this.matched, n: matches.n }, max);
    }
    const excluded: DocList = { docs: this.unmatched, n: matches.unmatched(this.unmatched) };
    return countFacetsExcept(facets, totals.get(filter.key, filter), excluded, max);
  }
}
