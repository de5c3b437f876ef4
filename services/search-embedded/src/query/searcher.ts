import type { IndexResult, SearchRequest } from '@quanta/core';
import type { IndexStore } from '../store/index-store.js';
import type { Universe } from '../store/universe-cache.js';
import { addSynonymCandidates } from '../synonyms/synonym-candidates.js';
import { SynonymTable } from '../synonyms/synonym-table.js';
import { ensureCapacity } from '../typed-arrays.js';
import { FilterAdmission } from './admission.js';
import { collectMatches, collectUnmatched, promoteExactMatches } from './collect-matches.js';
import { type FacetCounts, countFacets, countFacetsExcept } from './count-facets.js';
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

/** The matched set of a query, before paging: `matched[0..n)`, ranked by ascending `rankKey`. */
interface Matches {
  readonly n: number;
  readonly rankKey: Float64Array;
  readonly relevanceOf: (docId: number) => number;
  /** The filter's cached universe, when the query had one. */
  readonly universe: Universe | undefined;
  /** Writes the admitted documents that did not match to `out`; returns how many. */
  readonly unmatched: (out: Uint32Array) => number;
}

const NO_MATCHES: Matches = { n: 0, rankKey: new Float64Array(0), relevanceOf: () => 0, universe: undefined, unmatched: () => 0 };

/** Past this share, facets are counted as universe totals minus the documents left out. */
const MOSTLY_MATCHED_SHARE = 1 / 2;

/**
 * Answers search requests over an {@link IndexStore}: expand words into terms (and the
 * synonyms in force), match them into levels, choose tiers, count facets over the whole matched
 * set and select the page. Scratch buffers live here and are reused by every query; a query runs
 * synchronously start to end, so they are never shared between two.
 */
export class Searcher {
  private readonly state = new MatchState();
  private readonly finder: CandidateFinder;
  private matched = new Uint32Array(0);
  private unmatched = new Uint32Array(0);

  constructor(
    private readonly store: IndexStore,
    private readonly options: SearcherOptions,
    /** The groups in force, owned (and replaced in place) by the index; none by default. */
    private readonly synonyms: SynonymTable = new SynonymTable(),
  ) {
    this.finder = new CandidateFinder(store.terms, store.postings, options);
  }

  /** Runs one request. */
  search(request: SearchRequest): IndexResult {
    const filter = new DocFilter(this.store.facets, request.filters);
    this.matched = ensureCapacity(this.matched, this.store.documents.nextId);
    this.unmatched = ensureCapacity(this.unmatched, this.store.documents.nextId);
    if (filter.matchesNothing) return this.page(request, NO_MATCHES);
    const query = parseQuery(request.q);
    if (query.words.length === 0) return this.page(request, this.browse(filter));
    try {
      return this.page(request, this.find(request, query, filter));
    } finally {
      this.state.reset();
    }
  }

  /** An empty query: every admitted document, relevance 1, by name. */
  private browse(filter: DocFilter): Matches {
    const { documents } = this.store;
    const universe = this.universe(filter);
    const admission = universe ?? new FilterAdmission(documents, filter);
    let n = 0;
    for (let doc = 0; doc < documents.nextId; doc++) if (admission.admits(doc)) this.matched[n++] = doc;
    return { n, rankKey: documents.nameKeys, relevanceOf: () => EXACT_RELEVANCE, universe, unmatched: () => 0 };
  }

  private find(request: SearchRequest, query: ParsedQuery, filter: DocFilter): Matches {
    const { words, lastIsPrefix } = query;
    const candidates = words.map((word, i) => this.finder.find(word, lastIsPrefix && i === words.length - 1));
    if (!this.synonyms.isEmpty) addSynonymCandidates(candidates, this.synonyms.spans(words), this.store);
    const { postings, documents, exact } = this.store;
    const { state } = this;
    const capacity = documents.nextId;
    const universe = this.universe(filter);
    const admission = universe ?? new FilterAdmission(documents, filter);
    matchWords({ postings, admission }, candidates, capacity, state);
    const exactDocs = exact.lookup(request.q, (id) => documents.documentOf(id));
    const promotions = promoteExactMatches(state, exactDocs, admission, words.length);
    const { n, minLevel } = collectMatches(state, promotions, words.length, request.offset + request.limit, this.matched);
    return {
      n,
      rankKey: state.rankKey,
      relevanceOf: (doc) => -(state.rankKey[doc] ?? 0),
      universe,
      unmatched: (out) => collectUnmatched(state, minLevel, admission, capacity, out),
    };
  }

  /** The filter's universe, unless the filter names unknown values (see `DocFilter.cacheable`). */
  private universe(filter: DocFilter): Universe | undefined {
    return filter.cacheable ? this.store.universes.get(filter.key, filter) : undefined;
  }

  private page(request: SearchRequest, matches: Matches): IndexResult {
    const { documents } = this.store;
    const keys = { primary: matches.rankKey, secondary: documents.nameKeys, tieBreak: nameOrder(documents) };
    const top = selectTop(this.matched, matches.n, request.offset + request.limit, keys);
    const hits = top.slice(request.offset).flatMap((doc) => {
      const document = documents.documentOf(doc);
      return document === undefined ? [] : [{ document, relevance: matches.relevanceOf(doc) }];
    });
    return { hits, total: matches.n, facets: this.facets(matches) };
  }

  /**
   * Facet counts over the matched set. When it holds most documents, counting the few left out
   * and subtracting them from the universe's kept totals is several times cheaper.
   */
  private facets(matches: Matches): FacetCounts {
    const { facets, documents } = this.store;
    const max = this.options.maxFacetValues;
    const totals = matches.n > documents.liveCount * MOSTLY_MATCHED_SHARE ? matches.universe?.totals() : undefined;
    if (totals === undefined) return countFacets(facets, { docs: this.matched, n: matches.n }, max);
    const excluded = { docs: this.unmatched, n: matches.unmatched(this.unmatched) };
    return countFacetsExcept(facets, totals, excluded, max);
  }
}

