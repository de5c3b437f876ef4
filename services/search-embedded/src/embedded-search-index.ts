import type { IndexedRevision, IndexResult, SearchDocument, SearchIndex, SearchRequest, SynonymGroup } from '@quanta/core';
import type { Iri } from '@quanta/model';
import { UnavailableError } from '@quanta/model';
import { Searcher, type SearcherOptions } from './query/searcher.js';
import { IndexStore } from './store/index-store.js';
import { SynonymTable } from './synonyms/synonym-table.js';
import { WriteQueue, applyInChunks } from './write-queue.js';

/** Options of {@link EmbeddedSearchIndex}; every one has a default. */
export interface EmbeddedSearchIndexOptions {
  /**
   * Terms a last-word prefix expands to beyond whole-word matches, most frequent first. Keeps a
   * one-letter prefix from touching most of the index. Default 50.
   */
  readonly maxPrefixTerms?: number;
  /**
   * Postings those prefix terms may add up to (the most frequent is always kept), which bounds
   * the work of a one- or two-letter prefix. Default 100,000.
   */
  readonly maxPrefixPostings?: number;
  /** Values returned per facet, highest counts first, as Meilisearch's `maxValuesPerFacet`. Default 100. */
  readonly maxFacetValues?: number;
}

const DEFAULTS: SearcherOptions = { maxPrefixTerms: 50, maxPrefixPostings: 100_000, maxFacetValues: 100 };

/** Documents indexed between two yields to the event loop: about 30 ms of work. */
const WRITE_CHUNK = 1000;

/**
 * The embedded {@link SearchIndex}: an in-process inverted index with Meilisearch-like typo
 * tolerance, last-word prefix matching, the "last" matching strategy and facet counts, built to
 * answer in a few milliseconds at 100k products (research/perf-reliability.md §4). It holds a
 * projection of the knowledge graph in memory and is rebuilt from the graph at start. Writes are
 * applied in call order; a search sees every write that resolved before it was called.
 */
export class EmbeddedSearchIndex implements SearchIndex {
  private store = new IndexStore();
  /** Settings, not documents: `clear` keeps them, as Meilisearch keeps an index's settings. */
  private readonly synonyms = new SynonymTable();
  private searcher: Searcher;
  private readonly options: SearcherOptions;
  private readonly writes = new WriteQueue();
  private closed = false;

  constructor(options: EmbeddedSearchIndexOptions = {}) {
    this.options = { ...DEFAULTS, ...definedOnly(options) };
    this.searcher = new Searcher(this.store, this.options, this.synonyms);
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    this.assertOpen();
    await this.writes.run(() => applyInChunks(documents, WRITE_CHUNK, (document) => this.store.upsert(document)));
  }

  async remove(iris: readonly Iri[]): Promise<void> {
    this.assertOpen();
    await this.writes.run(() => applyInChunks(iris, WRITE_CHUNK, (iri) => this.store.remove(iri)));
  }

  async search(request: SearchRequest): Promise<IndexResult> {
    this.assertOpen();
    return this.searcher.search(request);
  }

  async indexedRevisions(offset: number, limit: number): Promise<readonly IndexedRevision[]> {
    this.assertOpen();
    return this.store.documents.liveSlice(offset, limit).map(({ iri, revision }) => ({ iri, revision }));
  }

  /** Puts the groups in force in call order with writes; a search sees them once this resolves. */
  async setSynonyms(groups: readonly SynonymGroup[]): Promise<void> {
    this.assertOpen();
    await this.writes.run(async () => this.synonyms.replace(groups));
  }

  async count(): Promise<number> {
    this.assertOpen();
    return this.store.documents.liveCount;
  }

  async clear(): Promise<void> {
    this.assertOpen();
    await this.writes.run(async () => this.reset());
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  /** Drops the index; every later call rejects. */
  async close(): Promise<void> {
    this.closed = true;
    await this.writes.run(async () => this.reset());
  }

  private reset(): void {
    this.store = new IndexStore();
    this.searcher = new Searcher(this.store, this.options, this.synonyms);
  }

  private assertOpen(): void {
    if (this.closed) throw new UnavailableError('the embedded search index is closed');
  }
}

/**
 * Creates an {@link EmbeddedSearchIndex}.
 * @example const index = createEmbeddedSearchIndex({ maxFacetValues: 50 });
 */
export function createEmbeddedSearchIndex(options: EmbeddedSearchIndexOptions = {}): EmbeddedSearchIndex {
  return new EmbeddedSearchIndex(options);
}

function definedOnly(options: EmbeddedSearchIndexOptions): Partial<SearcherOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
