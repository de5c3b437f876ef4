import type { IndexResult, SearchRequest } from '@quanta/core';
import type { IndexStore } from '../store/index-store.js';
import { ensureCapacity } from '../typed-arrays.js';
import { collectMatches, promoteExactMatches } from './collect-matches.js';
import { countFacets } from './count-facets.js';
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
  /** Values returned per facet, highest counts first. */
  readonly maxFacetValues: number;
}

/** The matched set of a query, before paging: ids in `matched[0..n)`, ranked by `rankKey`. */
interface Matches {
  readonly n: number;
  /** Ascending order ranks; read at matched ids only. */
  readonly rankKey: Float64Array;
  readonly relevanceOf: (docId: number) => number;
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

  constructor(
    private readonly store: IndexStore,
    private readonly options: SearcherOptions,
  ) {
    this.finder = new CandidateFinder(store.terms, store.postings, options.maxPrefixTerms);
  }

  /** Runs one request. */
  search(request: SearchRequest): IndexResult {
    const filter = new DocFilter(this.store.facets, request.filters);
    this.matched = ensureCapacity(this.matched, this.store.documents.nextId);
    const query = parseQuery(request.q);
    if (filter.matchesNothing) return this.page(request, { n: 0, rankKey: this.state.rankKey, relevanceOf: () => 0 });
    if (query.words.length === 0) return this.page(request, this.browse(filter));
    try {
      return this.page(request, this.find(request, query, filter));
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
    return { n, rankKey: documents.nameKeys, relevanceOf: () => EXACT_RELEVANCE };
  }

  private find(request: SearchRequest, query: ParsedQuery, filter: DocFilter): Matches {
    const { words, lastIsPrefix } = query;
    const candidates = words.map((word, i) => this.finder.find(word, lastIsPrefix && i === words.length - 1));
    const { postings, documents, exact } = this.store;
    matchWords({ postings, documents, filter }, candidates, this.state);
    const exactDocs = exact.lookup(query.phrase, (id) => documents.documentOf(id));
    const promotions = promoteExactMatches(this.state, exactDocs, filter, words.length);
    const n = collectMatches(this.state, promotions, words.length, request.offset + request.limit, this.matched);
    const { rankKey } = this.state;
    return { n, rankKey, relevanceOf: (doc) => -(rankKey[doc] ?? 0) };
  }

  private page(request: SearchRequest, matches: Matches): IndexResult {
    const { documents, facets } = this.store;
    const { n, rankKey, relevanceOf } = matches;
    const top = selectTop(this.matched, n, request.offset + request.limit, rankKey, nameOrder(documents));
    const hits = top.slice(request.offset).flatMap((doc) => {
      const document = documents.documentOf(doc);
      return document === undefined ? [] : [{ document, relevance: relevanceOf(doc) }];
    });
    return { hits, total: n, facets: countFacets(facets, this.matched, n, this.options.maxFacetValues) };
  }
}
