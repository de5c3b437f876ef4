import type { IndexedRevision, IndexResult, SearchDocument, SearchIndex, SearchRequest, SynonymGroup } from '@quanta/core';
import { type Iri, UnavailableError } from '@quanta/model';

/**
 * A search port that fails on demand: it forwards to a real index until `down` is set, then every
 * call fails the way an unreachable engine does (an UnavailableError, as the Meilisearch adapter
 * raises on a refused connection). What the fault suite turns off and on again; it counts the
 * calls it refused, so a test can tell the projector really tried.
 */
export class FailingSearchIndex implements SearchIndex {
  down = false;
  /**
   * Writes land but their answer is lost (a Meilisearch task that finished after we stopped
   * waiting): the caller sees a failure for a write the index holds.
   */
  losesAnswers = false;
  refused = 0;

  constructor(private readonly inner: SearchIndex) {}

  private gate(): void {
    if (!this.down) return;
    this.refused++;
    throw new UnavailableError('search engine unreachable (switched off by the fault suite)', 2);
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    this.gate();
    await this.inner.upsert(documents);
    if (this.losesAnswers) {
      this.refused++;
      throw new UnavailableError('the write landed but its answer was lost (switched on by the fault suite)', 2);
    }
  }
  async remove(iris: readonly Iri[]): Promise<void> {
    this.gate();
    return this.inner.remove(iris);
  }
  async search(request: SearchRequest): Promise<IndexResult> {
    this.gate();
    return this.inner.search(request);
  }
  async indexedRevisions(offset: number, limit: number): Promise<readonly IndexedRevision[]> {
    this.gate();
    return this.inner.indexedRevisions(offset, limit);
  }
  async setSynonyms(groups: readonly SynonymGroup[]): Promise<void> {
    this.gate();
    return this.inner.setSynonyms(groups);
  }
  async count(): Promise<number> {
    this.gate();
    return this.inner.count();
  }
  async clear(): Promise<void> {
    this.gate();
    return this.inner.clear();
  }
  async ping(): Promise<void> {
    this.gate();
    return this.inner.ping();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
