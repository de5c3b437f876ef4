import type { SearchDocument, SearchRequest, SynonymGroup } from '@quanta/core';
import { describe, expect, it } from 'vitest';
import { createRandom } from './bench/random.js';
import { EmbeddedSearchIndex } from './embedded-search-index.js';
import { randomDocument, randomRequest, randomSynonyms, synonymRequest } from './testing/random-catalog.js';
import { referenceSearch } from './testing/reference-search.js';

const UNCAPPED = { maxPrefixTerms: Number.MAX_SAFE_INTEGER, maxPrefixPostings: Number.MAX_SAFE_INTEGER, maxFacetValues: Number.MAX_SAFE_INTEGER };

async function expectSameAsReference(index: EmbeddedSearchIndex, truth: Map<string, SearchDocument>, request: SearchRequest, synonyms: readonly SynonymGroup[] = []): Promise<void> {
  const expected = referenceSearch([...truth.values()], request, synonyms);
  const actual = await index.search(request);
  const context = JSON.stringify({ request, synonyms });
  expect(actual.total, context).toBe(expected.total);
  expect(actual.facets, context).toEqual(expected.facets);
  expect(actual.hits.length, context).toBe(Math.min(request.limit, Math.max(0, expected.total - request.offset)));
  for (const hit of actual.hits) {
    expect(expected.iris.has(hit.document.iri), context).toBe(true);
    expect(hit.document, context).toEqual(truth.get(hit.document.iri));
  }
  const relevance = actual.hits.map((h) => h.relevance);
  expect(relevance.every((r) => r >= 0 && r <= 1), context).toBe(true);
  expect(relevance, context).toEqual([...relevance].sort((a, b) => b - a));
}

describe('EmbeddedSearchIndex against a naive reference', () => {
  it('matches the same documents with the same totals and facets, through writes and compactions', async () => {
    const random = createRandom(20260101);
    const index = new EmbeddedSearchIndex(UNCAPPED);
    const truth = new Map<string, SearchDocument>();
    const write = async (document: SearchDocument): Promise<void> => {
      truth.set(document.iri, document);
      await index.upsert([document]);
    };
    for (let id = 0; id < 150; id++) await write(randomDocument(random, id));
    for (let round = 0; round < 4; round++) {
      for (let q = 0; q < 60; q++) await expectSameAsReference(index, truth, randomRequest(random));
      // Enough replacements to pass the compaction threshold (4096 dead ids) in later rounds.
      for (let w = 0; w < 1500; w++) await write(randomDocument(random, random.int(200), round + 2));
      const gone = [...truth.keys()].filter(() => random.next() < 0.05);
      gone.forEach((iri) => truth.delete(iri));
      await index.remove(gone);
      expect(await index.count()).toBe(truth.size);
    }
  });

  it('matches the same documents with synonym groups in force, as they are replaced', async () => {
    const random = createRandom(20260202);
    const index = new EmbeddedSearchIndex(UNCAPPED);
    const truth = new Map<string, SearchDocument>();
    for (let id = 0; id < 150; id++) truth.set(`https://test.example/p/${id}`, randomDocument(random, id));
    await index.upsert([...truth.values()]);
    for (let round = 0; round < 8; round++) {
      const synonyms = randomSynonyms(random);
      await index.setSynonyms(synonyms);
      for (let q = 0; q < 40; q++) await expectSameAsReference(index, truth, q % 2 === 0 ? synonymRequest(random, synonyms) : randomRequest(random), synonyms);
      // Replacements leave stale postings behind, which a multi-word synonym's intersection meets.
      const replaced = Array.from({ length: 300 }, () => randomDocument(random, random.int(150), round + 2));
      for (const document of replaced) truth.set(document.iri, document);
      await index.upsert(replaced);
    }
  });
});
