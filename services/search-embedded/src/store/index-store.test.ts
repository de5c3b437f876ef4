import { testDocument } from '@quanta/core/testing';
import { describe, expect, it } from 'vitest';
import { Searcher } from '../query/searcher.js';
import { IndexStore } from './index-store.js';

const OPTIONS = { maxPrefixTerms: 50, maxPrefixPostings: 100_000, maxFacetValues: 100 };
const request = (q: string) => ({ q, filters: {}, offset: 0, limit: 50 });

describe('IndexStore', () => {
  it('replaces a document in place of its earlier revision and forgets removed ones', () => {
    const store = new IndexStore();
    const searcher = new Searcher(store, OPTIONS);
    store.upsert(testDocument('tracks', { description: 'old words' }));
    store.upsert(testDocument('tracks', { description: 'new words', revision: 2 }));
    expect(searcher.search(request('old')).total).toBe(0);
    expect(searcher.search(request('new')).hits.map((h) => h.document.revision)).toEqual([2]);
    store.remove(testDocument('tracks').iri);
    expect(searcher.search(request('new')).total).toBe(0);
    expect(store.documents.liveCount).toBe(0);
  });

  it('compacts once tombstones pile up, and answers exactly as before', () => {
    const store = new IndexStore();
    const searcher = new Searcher(store, OPTIONS);
    for (let i = 0; i < 100; i++) store.upsert(testDocument(`p${i}`, { description: `alpha beta${i % 3}` }));
    const before = searcher.search(request('beta1'));
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 100; i++) store.upsert(testDocument(`p${i}`, { description: `alpha beta${i % 3}`, revision: round + 2 }));
    }
    expect(store.documents.nextId).toBeLessThan(5000 + 100);
    expect(store.documents.deadCount).toBeLessThan(4096);
    const after = searcher.search(request('beta1'));
    expect(after.total).toBe(before.total);
    expect(after.hits.map((h) => h.document.name)).toEqual(before.hits.map((h) => h.document.name));
    expect(after.facets).toEqual(before.facets);
  });
});
