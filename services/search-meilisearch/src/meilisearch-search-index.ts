import { Meilisearch, type EnqueuedTaskPromise, type Index, type SearchParams } from 'meilisearch';
import { type IndexHit, type IndexResult, nameKey, type SearchDocument, type SearchIndex, type SearchRequest } from '@quanta/core';
import { FACETS, type FacetCount, type FacetName, type Iri } from '@quanta/model';
import { fromStored, idOf, type StoredDocument, toStored } from './documents.js';
import { FACET_ATTRIBUTES, SETTINGS } from './settings.js';

/** Where the engine is and which index holds the products. */
export interface MeilisearchOptions {
  readonly url: string;
  readonly apiKey?: string;
  /** The index's uid; `products` unless several Quanta share one engine. */
  readonly index?: string;
  /** How long a write may wait for its task before failing (ms). */
  readonly taskTimeoutMs?: number;
}

/** A relevance just below an exact name's 1: Meilisearch may score a near match 1 as well. */
const BELOW_EXACT = 0.999_999;

/**
 * The SearchIndex port on Meilisearch (DESIGN.md §2): the production engine, behind the same
 * contract as the embedded one. Writes wait for their task, so a resolved upsert is searchable;
 * they run one at a time, so the revision check before each cannot race another write.
 */
export class MeilisearchSearchIndex implements SearchIndex {
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly client: Meilisearch,
    private readonly index: Index<StoredDocument>,
    private readonly taskTimeoutMs: number,
  ) {}

  /**
   * Connects, creates the index when missing, and applies the settings (idempotent).
   * @throws Error when the engine cannot be reached or refuses the settings
   */
  static async open(options: MeilisearchOptions): Promise<MeilisearchSearchIndex> {
    const client = new Meilisearch({ host: options.url, ...(options.apiKey !== undefined && { apiKey: options.apiKey }) });
    const uid = options.index ?? 'products';
    const timeout = options.taskTimeoutMs ?? 30_000;
    const self = new MeilisearchSearchIndex(client, client.index<StoredDocument>(uid), timeout);
    // An index that already exists is a failed task here, and that is fine: the settings follow.
    await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout });
    await self.done(self.index.updateSettings(SETTINGS));
    return self;
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
      if (newest.size > 0) await this.done(this.index.addDocuments([...newest.values()].map(toStored)));
    });
  }

  remove(iris: readonly Iri[]): Promise<void> {
    return this.write(async () => {
      if (iris.length > 0) await this.done(this.index.deleteDocuments(iris.map(idOf)));
    });
  }

  async search(request: SearchRequest): Promise<IndexResult> {
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

  async count(): Promise<number> {
    return (await this.index.getStats()).numberOfDocuments;
  }

  clear(): Promise<void> {
    return this.write(() => this.done(this.index.deleteAllDocuments()));
  }

  async ping(): Promise<void> {
    await this.client.health();
  }

  async close(): Promise<void> {
    await this.writes;
  }

  /** The revision held for each IRI that has a document. */
  private async revisions(iris: readonly Iri[]): Promise<Map<Iri, number>> {
    const held = await this.index.getDocuments({ ids: iris.map(idOf), fields: ['iri', 'revision'], limit: iris.length });
    return new Map(held.results.map((d) => [d.iri, d.revision]));
  }

  /** Runs writes one after another (a failed one does not stop the next). */
  private write<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work, work);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** Waits for a task and fails with the engine's own message when it failed. */
  private async done(task: EnqueuedTaskPromise): Promise<void> {
    const ended = await task.waitTask({ timeout: this.taskTimeoutMs });
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
