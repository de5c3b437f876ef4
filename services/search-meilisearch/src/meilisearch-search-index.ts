import { Meilisearch, type EnqueuedTaskPromise, type Index, type SearchParams } from 'meilisearch';
import { type IndexedRevision, type IndexHit, type IndexResult, nameKey, type SearchDocument, type SearchIndex, type SearchRequest, type SynonymGroup } from '@quanta/core';
import { FACETS, type FacetCount, type FacetName, type Iri } from '@quanta/model';
import { fromStored, idOf, type StoredDocument, toStored } from './documents.js';
import { FACET_ATTRIBUTES, SETTINGS } from './settings.js';
import { synonymMap } from './synonyms.js';
import { indexMissing, reachable } from './unavailable.js';

/** Where the engine is and which index holds the products. */
export interface MeilisearchOptions {
  readonly url: string;
  readonly apiKey?: string;
  /** The index's uid; `products` unless several Quanta share one engine. */
  readonly index?: string;
  /** How long a write may wait for its task before failing (ms). */
  readonly taskTimeoutMs?: number;
  /**
   * How long one HTTP request may go unanswered (ms). Every request the adapter makes is small (a
   * search, a page of ids, a batch to enqueue), so a longer wait means an engine in trouble: the
   * caller gets an UnavailableError instead of hanging. Default 10,000.
   */
  readonly requestTimeoutMs?: number;
}

/** Document ids per revision read: about 13 KB of URL, far below the engine's header limit. */
const IDS_PER_READ = 200;

/** A relevance just below an exact name's 1: Meilisearch may score a near match 1 as well. */
const BELOW_EXACT = 0.999_999;

/**
 * The SearchIndex port on Meilisearch (DESIGN.md §2): the production engine, behind the same
 * contract as the embedded one. Writes wait for their task, so a resolved upsert is searchable;
 * they run one at a time, so the revision check before each cannot race another write. Every call
 * goes through `reachable`, so an engine out of reach is an UnavailableError wherever it shows.
 */
export class MeilisearchSearchIndex implements SearchIndex {
  private writes: Promise<unknown> = Promise.resolve();
  /** The index created and its settings applied: once, unless it failed (then the next call tries again). */
  private setup: Promise<void> | undefined;

  private constructor(
    private readonly client: Meilisearch,
    private readonly index: Index<StoredDocument>,
    private readonly taskTimeoutMs: number,
  ) {}

  /**
   * Connects, creates the index when missing, and applies the settings (idempotent). The synonyms
   * are not among them: those the index holds stay in force until `setSynonyms` replaces them.
   * @throws UnavailableError when the engine cannot be reached; Error when it refuses the settings
   */
  static async open(options: MeilisearchOptions): Promise<MeilisearchSearchIndex> {
    const self = MeilisearchSearchIndex.connect(options);
    await self.call(async () => undefined);
    return self;
  }

  /**
   * The same index without waiting for the engine: the index and its settings are made ready by
   * the first call that reaches it, and again after a call that could not. What a server uses, so
   * that it starts, and takes registrations into its outbox, while Meilisearch is down (ADR 0014).
   */
  static connect(options: MeilisearchOptions): MeilisearchSearchIndex {
    const client = new Meilisearch({ host: options.url, timeout: options.requestTimeoutMs ?? 10_000, ...(options.apiKey !== undefined && { apiKey: options.apiKey }) });
    return new MeilisearchSearchIndex(client, client.index<StoredDocument>(options.index ?? 'products'), options.taskTimeoutMs ?? 30_000);
  }

  upsert(documents: readonly SearchDocument[]): Promise<void> {
    return this.write(async () => {
      if (documents.length === 0) return;
      const held = await this.revisions(documents.map((d) => d.iri));
      const newest = new Map<Iri, SearchDocument>();
      for (const d of documents) {
        const known = Math.max(held.get(d.iri) ?? -Infinity, newest.get(d.iri)?.revision ?? -Infinity);
        if (d.revision >= known) newest.set(d.iri, d);
      }
      if (newest.size > 0) await this.done(this.index.addDocuments([...newest.values()].map(toStored)), newest.size);
    });
  }

  remove(iris: readonly Iri[]): Promise<void> {
    return this.write(async () => {
      if (iris.length > 0) await this.done(this.index.deleteDocuments(iris.map(idOf)));
    });
  }

  search(request: SearchRequest): Promise<IndexResult> {
    return this.call(() => this.searchOnce(request));
  }

  /**
   * Documents in the engine's internal id order, which only writes change (and no field beyond
   * the two is read, so a page of 5,000 stays small).
   */
  indexedRevisions(offset: number, limit: number): Promise<readonly IndexedRevision[]> {
    return this.call(async () => {
      const page = await this.index.getDocuments({ fields: ['iri', 'revision'], offset, limit });
      return page.results.map(({ iri, revision }) => ({ iri, revision }));
    });
  }

  /** One settings task, queued with the writes; the engine re-indexes nothing for it. */
  setSynonyms(groups: readonly SynonymGroup[]): Promise<void> {
    return this.write(() => this.done(this.index.updateSynonyms(synonymMap(groups))));
  }

  count(): Promise<number> {
    return this.call(async () => (await this.index.getStats()).numberOfDocuments);
  }

  clear(): Promise<void> {
    return this.write(() => this.done(this.index.deleteAllDocuments()));
  }

  /** The engine answers (its health route); not the index's setup, which may queue behind indexing. */
  ping(): Promise<void> {
    return reachable(async () => {
      await this.client.health();
    });
  }

  async close(): Promise<void> {
    await this.writes;
  }

  private async searchOnce(request: SearchRequest): Promise<IndexResult> {
    const filter = filterOf(request.filters);
    const window = request.offset + request.limit;
    const main: SearchParams = { q: request.q, filter, hitsPerPage: Math.max(window, 1), page: 1, showRankingScore: true, facets: Object.values(FACET_ATTRIBUTES) };
    const key = nameKey(request.q);
    const asked = [main, ...(key ? [{ q: '', filter: [...filter, `exact = ${quote(key)} OR exact = ${quote(request.q.trim())}`], limit: 5 }] : [])];
    const { results } = await this.client.multiSearch({ queries: asked.map((q) => ({ indexUid: this.index.uid, ...q })) });
    const [found, exact] = results as unknown as [{ hits: Record<string, unknown>[]; totalHits?: number; estimatedTotalHits?: number; facetDistribution?: Record<string, Record<string, number>> }, { hits: Record<string, unknown>[] } | undefined];
    const first = (exact?.hits ?? []).map((h): IndexHit => ({ document: fromStored(h), relevance: 1 }));
    const firstIris = new Set(first.map((h) => h.document.iri));
    const rest = found.hits
      .map((h): IndexHit => ({ document: fromStored(h), relevance: Math.min(Number(h._rankingScore ?? 0), BELOW_EXACT) }))
      .filter((h) => !firstIris.has(h.document.iri));
    return {
      hits: [...first, ...rest].slice(request.offset, window),
      total: found.totalHits ?? found.estimatedTotalHits ?? 0,
      facets: facetsOf(found.facetDistribution ?? {}),
    };
  }

  /** The revision held for each IRI that has a document. */
  private async revisions(iris: readonly Iri[]): Promise<Map<Iri, number>> {
    const held = new Map<Iri, number>();
    // The ids travel in the URL, 65 characters each: a rebuild's 10k would pass the engine's
    // header limit (431), so they are asked a few hundred at a time.
    for (let k = 0; k < iris.length; k += IDS_PER_READ) {
      const ids = iris.slice(k, k + IDS_PER_READ).map(idOf);
      const page = await this.index.getDocuments({ ids, fields: ['iri', 'revision'], limit: ids.length });
      for (const d of page.results) held.set(d.iri, d.revision);
    }
    return held;
  }

  /** Runs `work` on a ready index; an engine out of reach is an UnavailableError. */
  private call<T>(work: () => Promise<T>): Promise<T> {
    return reachable(async () => {
      await this.ready();
      try {
        return await work();
      } catch (error) {
        // Forget the setup, so the next call (the projector's retry) creates the index again.
        if (indexMissing(error)) this.setup = undefined;
        throw error;
      }
    });
  }

  private ready(): Promise<void> {
    this.setup ??= (async () => {
      // An index that already exists is a failed task here, and that is fine: the settings follow.
      await this.client.createIndex(this.index.uid, { primaryKey: 'id' }).waitTask({ timeout: this.taskTimeoutMs });
      await this.done(this.index.updateSettings(SETTINGS));
    })().catch((error: unknown) => {
      this.setup = undefined;
      throw error;
    });
    return this.setup;
  }

  /** Runs writes one after another (a failed one does not stop the next). */
  private write<T>(work: () => Promise<T>): Promise<T> {
    const guarded = () => this.call(work);
    const run = this.writes.then(guarded, guarded);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** Waits for a task and fails with the engine's own message when it failed. */
  private async done(task: EnqueuedTaskPromise, documents = 0): Promise<void> {
    // A rebuild's 10,000 documents may take longer than a registration's few: 5 ms more per document.
    const ended = await task.waitTask({ timeout: Math.max(this.taskTimeoutMs, documents * 5) });
    if (ended.status !== 'succeeded') throw new Error(`Meilisearch task ${ended.uid} ${ended.status}: ${ended.error?.message ?? 'no reason given'}`);
  }
}

/** A filter value in Meilisearch's filter syntax: a double-quoted string, escaped. */
const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Values OR-ed within a facet, facets AND-ed (the port's rule), as Meilisearch's array-of-strings filter. */
function filterOf(filters: SearchRequest['filters']): string[] {
  return FACETS.flatMap((facet) => {
    const values = filters[facet];
    return values?.length ? [values.map((v) => `${FACET_ATTRIBUTES[facet]} = ${quote(v)}`).join(' OR ')] : [];
  });
}

/** Facet distribution as the port's counts, most first, then by value. */
function facetsOf(distribution: Record<string, Record<string, number>>): Record<FacetName, FacetCount[]> {
  return Object.fromEntries(
    FACETS.map((facet) => [
      facet,
      Object.entries(distribution[FACET_ATTRIBUTES[facet]] ?? {})
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    ]),
  ) as Record<FacetName, FacetCount[]>;
}
